/**
 * XXE-safe XML input: a hardened SAX reader (no DOCTYPE, no external entities, entity limits),
 * a text-node size limit, and element-path tracking for error messages. Internal: not part of
 * the API.
 */
package eu.invoicing.eslog.internal.parse;
