/**
 * Not API: hardened XML parsing, the XSD catalogue and the number formats the writers share.
 */
package eu.invoicing.einvoice.internal;
