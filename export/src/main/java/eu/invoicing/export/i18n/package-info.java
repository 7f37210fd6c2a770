/**
 * The export column headers and sheet names in the 18 supported {@link eu.invoicing.export.i18n.ExportLanguage}s:
 * the {@link eu.invoicing.export.i18n.ExportLabel} keys and their {@link eu.invoicing.export.i18n.ExportLabels}
 * per language, read from {@code headers_<code>.properties}, with no fallback to English.
 *
 * <p>API. Immutable and thread-safe.
 */
package eu.invoicing.export.i18n;
