/**
 * The PostgreSQL stores measured on a real server (zonky's embedded PostgreSQL binaries): finalize throughput
 * next to a bare JDBC floor, and list latency with the plans PostgreSQL chose (docs/benchmarks.md, PostgreSQL).
 */
package eu.invoicing.benchmarks.postgres;
