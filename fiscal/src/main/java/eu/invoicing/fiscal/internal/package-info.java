/**
 * Internals of the fiscal module (not exported): JWS compact serialization, the CIS XML messages and their
 * enveloped XML-DSig signature, and the HTTPS transport.
 *
 * <p>Internal. Stateless and thread-safe unless a type says otherwise.
 */
package eu.invoicing.fiscal.internal;
