/**
 * The HTTP server ({@code invoicing-server}) under load on loopback: concurrent clients creating, finalizing
 * and listing, on the in-memory stores and on PostgreSQL (docs/benchmarks.md, HTTP server).
 */
package eu.invoicing.benchmarks.server;
