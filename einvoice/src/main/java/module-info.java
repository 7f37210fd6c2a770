/**
 * Invoicing e-invoice: EN 16931 electronic invoices in UBL 2.1 (Peppol BIS Billing 3.0) and UN/CEFACT
 * CII D16B, Factur-X / ZUGFeRD PDF/A-3b hybrids, and the validator that runs the syntax's XSD and the official CEN and Peppol schematron rules.
 *
 * <p>Exported: {@code eu.invoicing.einvoice}. Not exported: {@code eu.invoicing.einvoice.internal}. The
 * rule and schema jars (phive-rules, ph-ubl21, ph-cii-d16b, ph-xsds) are read for their resources only;
 * they are required so that they are resolved on the module path. PDFBox (an automatic module) turns the
 * rendering module's PDF into PDF/A-3b.
 */
@SuppressWarnings("requires-automatic")
module eu.invoicing.einvoice {
    requires transitive eu.invoicing.core;
    requires java.xml;
    requires java.desktop;
    requires eu.invoicing.rendering;
    requires org.apache.pdfbox;
    requires org.apache.pdfbox.io;
    requires Saxon.HE;
    requires com.helger.phive.en16931;
    requires com.helger.phive.peppol;
    requires com.helger.phive.xrechnung;
    requires com.helger.ubl21;
    requires com.helger.cii.d16b;
    requires com.helger.xsds.xmldsig;
    requires com.helger.xsds.xades132;
    requires com.helger.xsds.xades141;
    requires com.helger.xsds.ccts.cct.schemamodule;

    exports eu.invoicing.einvoice;
}
