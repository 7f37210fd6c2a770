/**
 * The library on PostgreSQL: {@link eu.invoicing.postgres.PostgresInvoicing} wires every persistence SPI of
 * {@code eu.invoicing.core.spi} onto one {@link javax.sql.DataSource}; {@link eu.invoicing.postgres.PostgresSchema}
 * runs the versioned migrations into a configurable schema. Numbering stays gap-free across application nodes
 * (a counter row locked in the transaction that stores the numbered document); versions are append-only (a
 * trigger refuses updates and deletes). See docs/postgres.md.
 */
package eu.invoicing.postgres;
