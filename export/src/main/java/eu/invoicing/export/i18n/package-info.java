/**
 * The export column headers and sheet names in the 18 supported languages.
 */
package eu.invoicing.export.i18n;
