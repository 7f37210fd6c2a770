/**
 * Mapping between the core document model and the e-SLOG 2.0 JAXB bindings, in both directions,
 * plus the e-SLOG business rules.
 *
 * <p>Internal: not part of the API (not exported). Stateless and thread-safe; the bindings a mapper builds
 * belong to the calling thread.
 */
package eu.invoicing.eslog.internal.mapping;
