package eu.invoicing.einvoice;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.einvoice.internal.CiiXml;
import eu.invoicing.einvoice.internal.EnInvoice;
import eu.invoicing.einvoice.internal.FromDocument;
import eu.invoicing.einvoice.internal.UblXml;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes a calculated document as an EN 16931 e-invoice: UBL 2.1 Invoice or CreditNote (plain EN 16931 or
 * Peppol BIS Billing 3.0) or CII D16B. Invoices are type 380, credit notes 381 (a UBL CreditNote, with the
 * credited invoice as the preceding invoice reference BG-3), advance invoices 386, estimates 325 (not in
 * Peppol nor XRechnung); a delivery note is refused in every format.
 *
 * <p>The writer checks, before writing anything, what EN 16931 needs that the document lacks (a number,
 * buyer name and country, a due date or payment terms when something is due and the rules ask it, one VAT
 * rate per line, a
 * known unit code, at most two decimals per amount, Peppol endpoints) and throws one
 * {@link ValidationException} naming every such field. What it writes is meant to pass
 * {@link EInvoiceValidator} with no fatal rule; {@code docs/einvoice.md} lists every mapping decision.
 *
 * <p>Immutable and thread-safe (a pure function of its arguments and the rules it was made for); share one
 * instance.
 */
public final class EInvoiceWriter {

    private final boolean dueDateRule;

    /** Creates a writer for the bundled rules ({@link EInvoiceRules#bundled()}, CEN 1.3.15). */
    public EInvoiceWriter() {
        this(EInvoiceRules.bundled());
    }

    /**
     * Creates a writer whose refusals follow the rules its output will be validated with: a rule that the
     * given CEN release does not state (e.g. BR-CO-25, dropped in 1.3.16) is not enforced.
     *
     * @param rules the rules the output is validated with, not null
     * @throws NullPointerException if rules is null
     */
    public EInvoiceWriter(EInvoiceRules rules) {
        this.dueDateRule = Objects.requireNonNull(rules, "rules").cenStatesDueDateRule();
    }

    /**
     * @param document a calculated document, not null
     * @param entity its issuing entity, not null
     * @param format the e-invoice to write, not null
     * @param options the data the document does not carry, not null ({@link EInvoiceOptions#none()})
     * @return the UTF-8 XML bytes
     * @throws NullPointerException if an argument is null
     * @throws ValidationException listing every field EN 16931 (or Peppol) cannot be given as it is
     */
    public byte[] write(Document document, Entity entity, Format format, EInvoiceOptions options) {
        Objects.requireNonNull(format, "format");
        EnInvoice in = FromDocument.map(document, entity, format, options, dueDateRule);
        return format.isUbl() ? UblXml.write(in) : CiiXml.write(in);
    }

    /**
     * @param document a calculated document, not null
     * @param entity its issuing entity, not null
     * @param format the e-invoice to write, not null
     * @param options the data the document does not carry, not null
     * @return the XML text
     * @throws NullPointerException if an argument is null
     * @throws ValidationException as {@link #write(Document, Entity, Format, EInvoiceOptions)}
     */
    public String toXml(Document document, Entity entity, Format format, EInvoiceOptions options) {
        return new String(write(document, entity, format, options), StandardCharsets.UTF_8);
    }
}
