/**
 * Invoicing rendering: HTML and PDF in five templates and 18 languages, UPN QR and EPC QR payment codes.
 *
 * <p>Exported: {@code eu.invoicing.rendering}, {@code .i18n}, {@code .payment}. Not exported:
 * {@code eu.invoicing.rendering.internal} (the view model and the HTML and PDF back ends). OpenPDF, its
 * fonts and ZXing have no module descriptor: they are automatic modules, required by their
 * {@code Automatic-Module-Name} (docs/architecture.md).
 */
@SuppressWarnings("requires-automatic")
module eu.invoicing.rendering {
    requires transitive eu.invoicing.core;
    requires java.desktop;
    requires com.github.librepdf.openpdf;
    // The Liberation fonts, read as resources (no class of it is used): required so that it is resolved.
    requires com.github.librepdf.pdfFontsExtra;
    requires com.google.zxing;

    exports eu.invoicing.rendering;
    exports eu.invoicing.rendering.i18n;
    exports eu.invoicing.rendering.payment;
}
