/** Load programs for the HTTP server (issue 14): many concurrent clients on loopback. */
package eu.invoicing.benchmarks.server;
