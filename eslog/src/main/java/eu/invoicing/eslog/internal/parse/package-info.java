/**
 * XXE-safe XML input: a hardened SAX reader (no DOCTYPE, no external entities, entity limits),
 * a text-node size limit, and element-path tracking for error messages.
 *
 * <p>Internal: not part of the API (not exported). Each parse makes its own reader and handlers, used by
 * one thread.
 */
package eu.invoicing.eslog.internal.parse;
