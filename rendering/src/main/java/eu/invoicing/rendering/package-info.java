/**
 * Rendering calculated documents: {@link eu.invoicing.rendering.HtmlRenderer} (one self-contained HTML page)
 * and {@link eu.invoicing.rendering.PdfRenderer} (A4 PDF, fonts embedded), in the five
 * {@link eu.invoicing.rendering.Template}s, configured by {@link eu.invoicing.rendering.RenderOptions} and
 * checked as strictly as the {@link eu.invoicing.rendering.RenderMode} says ({@code docs/rendering.md}).
 *
 * <p>API. The renderers, options, templates and modes are immutable and thread-safe: share one renderer;
 * {@code RenderOptions.Builder} is mutable, for one thread.
 */
package eu.invoicing.rendering;
