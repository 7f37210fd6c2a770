/**
 * Document history ({@code docs/lifecycle.md}, "Versions and timeline"): the {@link eu.invoicing.core.version.DocumentVersion}
 * snapshots an update records, with the fields it changed, and the
 * {@link eu.invoicing.core.version.TimelineEvent}s of a document (created, updated, finalized, paid, voided,
 * exported, fiscalized, ...), each with the acting {@link eu.invoicing.core.version.User}.
 *
 * <p>API. Immutable and thread-safe.
 */
package eu.invoicing.core.version;
