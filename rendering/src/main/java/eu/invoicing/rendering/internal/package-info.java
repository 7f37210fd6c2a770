/**
 * Internals of rendering: the {@code DocumentView} layout model both back ends draw (texts translated and
 * formatted, sizes measured), the view builder with the completeness check, the HTML and PDF back ends,
 * the templates' themes, the embedded fonts and their metrics, the choice of payment code, and the
 * post-processing that makes a PDF a function of its content.
 *
 * <p>Internal: not part of the API (the module does not export this package; the published Javadoc leaves
 * it out). Its types are immutable or stateless and thread-safe unless their own comment says otherwise.
 */
package eu.invoicing.rendering.internal;
