/**
 * The texts and formats of rendered documents: the 18 label {@link eu.invoicing.rendering.i18n.Language}s,
 * their {@link eu.invoicing.rendering.i18n.Labels} (one {@code labels_<code>.properties} resource each, every
 * {@link eu.invoicing.rendering.i18n.Label} defined in every language) and the number, amount and date
 * formatting of the supported locales ({@link eu.invoicing.rendering.i18n.LocaleFormat}).
 *
 * <p>API. Immutable and thread-safe.
 */
package eu.invoicing.rendering.i18n;
