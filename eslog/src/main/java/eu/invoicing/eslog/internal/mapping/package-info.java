/**
 * Mapping between the core document model and the e-SLOG 2.0 JAXB bindings, in both directions,
 * plus the e-SLOG business rules. Internal: not part of the API.
 */
package eu.invoicing.eslog.internal.mapping;
