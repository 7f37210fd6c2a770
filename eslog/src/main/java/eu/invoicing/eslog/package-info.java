/**
 * The Slovenian e-SLOG 2.0 e-invoice ({@code docs/eslog.md}): {@link eu.invoicing.eslog.EslogValidator} checks a
 * calculated document against the business rules and the XSD, {@link eu.invoicing.eslog.EslogSerializer} writes
 * it as XML with the extra data of an {@link eu.invoicing.eslog.EslogContext}, and
 * {@link eu.invoicing.eslog.EslogReader} reads e-SLOG XML back, XXE-safe and size-limited, into an
 * {@link eu.invoicing.eslog.EslogDocument}. The XSD is supplied by the host ({@link eu.invoicing.eslog.EslogSchema}).
 *
 * <p>API. Every type is immutable or stateless and thread-safe: compile the schema once and share it, and
 * share one validator, serializer and reader.
 */
package eu.invoicing.eslog;
