/**
 * The snake_case JSON wire format of documents, create requests, calculation results, entities and error
 * lists ({@code docs/wire-format.md}): {@link eu.invoicing.core.json.InvoicingJson} reads and writes them,
 * {@link eu.invoicing.core.json.InvoicingModule} does the same inside a host's own Jackson
 * {@code ObjectMapper}, and {@link eu.invoicing.core.json.WireValues} maps enums to their wire values.
 * Reading reports every problem, with its path, in one {@link eu.invoicing.core.ValidationException}.
 *
 * <p>API. The public types are immutable and thread-safe (the readers and writers they hand out too);
 * what they produce does not depend on how the host's mapper is configured.
 */
package eu.invoicing.core.json;
