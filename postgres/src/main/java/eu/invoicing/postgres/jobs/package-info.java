/**
 * Bulk export jobs (PDF and e-SLOG ZIP archives) across application nodes: queued in PostgreSQL with
 * db-scheduler and run by whichever node is free; progress and outcome readable from every node; a job whose
 * node dies is run again by another, its archive written whole or not at all. Needs the optional dependencies
 * {@code invoicing-export} and {@code com.github.kagkarlsson:db-scheduler} (docs/postgres.md).
 */
package eu.invoicing.postgres.jobs;
