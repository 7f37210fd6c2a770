package eu.invoicing.core.internal.fiscal;

import eu.invoicing.core.calc.RoundingPolicy;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.FursData;
import eu.invoicing.core.model.TaxSummary;
import eu.invoicing.core.numbering.FiscalSeries;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the fields of the messages sent to the tax authorities, with their official names
 * (docs/lifecycle.md, "Fiscalization"): FURS {@code InvoiceRequest.Invoice} and FINA {@code Racun}.
 * Amounts are the document's rounded amounts at the currency's scale.
 *
 * <p>Stateless and thread-safe.
 */
public final class FiscalMessages {
    /** FURS JSON date-time. */
    public static final DateTimeFormatter FURS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /** FINA date-time. */
    public static final DateTimeFormatter FINA_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy'T'HH:mm:ss");

    private FiscalMessages() {
    }

    /**
     * @param document the calculated, numbered document, not null
     * @return its total with tax at the currency's scale, as sent and as used in the protected code
     */
    public static BigDecimal amount(Document document) {
        return amount(document.currency(), document.totalWithTax());
    }

    /**
     * @param currency the calculated document's currency, not null
     * @param totalWithTax its total with tax, not null
     * @return the total with tax at the currency's scale, as sent and as used in the protected code
     */
    public static BigDecimal amount(CurrencyCode currency, BigDecimal totalWithTax) {
        return RoundingPolicy.of(currency).round(totalWithTax);
    }

    /**
     * @param document the numbered document, not null
     * @param taxNumber the issuer's 8 digits, not null
     * @param issued local issue date-time, not null
     * @param series the fiscal series, not null
     * @param sequence the fiscal sequence number
     * @param zoi the protected code, not null
     * @param subsequent true for a late submission
     * @param operatorTaxNumber the operator's tax number, nullable
     * @param referenced the FURS data of the fiscalized invoices this document changes (a credit note's
     *     credited invoice), sent as {@code ReferenceInvoice}; not null, may be empty
     * @return the {@code Invoice} fields in FURS order
     */
    public static Map<String, Object> furs(Document document, String taxNumber, LocalDateTime issued,
            FiscalSeries series, long sequence, String zoi, boolean subsequent, String operatorTaxNumber,
            List<FursData> referenced) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("TaxNumber", Long.valueOf(taxNumber));
        m.put("IssueDateTime", FURS_TIME.format(issued));
        m.put("NumberingStructure", series.structureCode());
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("BusinessPremiseID", series.premise());
        id.put("ElectronicDeviceID", series.device());
        id.put("InvoiceNumber", Long.toString(sequence));
        m.put("InvoiceIdentifier", id);
        if (document.customer() != null && document.customer().taxNumber() != null) {
            m.put("CustomerVATNumber", document.customer().taxNumber());
        }
        BigDecimal amount = amount(document);
        m.put("InvoiceAmount", amount);
        m.put("PaymentAmount", amount);
        Map<String, Object> seller = new LinkedHashMap<>();
        List<Map<String, Object>> vat = new ArrayList<>();
        BigDecimal reverse = BigDecimal.ZERO;
        for (TaxSummary t : document.taxes()) {
            if (t.isReverseCharge()) {
                reverse = reverse.add(t.base() == null ? BigDecimal.ZERO : t.base());
                continue;
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("TaxRate", t.rate());
            v.put("TaxableAmount", t.base());
            v.put("TaxAmount", t.taxAmount());
            vat.add(v);
        }
        if (!vat.isEmpty()) {
            seller.put("VAT", vat);
        }
        if (reverse.signum() != 0) {
            seller.put("ReverseVATTaxableAmount", reverse);
        }
        m.put("TaxesPerSeller", List.of(seller));
        if (operatorTaxNumber != null) {
            m.put("OperatorTaxNumber", operatorTaxNumber);
        }
        m.put("ProtectedID", zoi);
        m.put("SubsequentSubmit", subsequent);
        // Any later change to an issued invoice (a credit note) names the original.
        List<Map<String, Object>> references = new ArrayList<>();
        for (FursData original : referenced) {
            if (original.sequenceNumber() == null || original.issuedAt() == null) {
                continue;
            }
            Map<String, Object> identifier = new LinkedHashMap<>();
            identifier.put("BusinessPremiseID", original.businessPremiseName());
            identifier.put("ElectronicDeviceID", original.electronicDeviceName());
            identifier.put("InvoiceNumber", original.sequenceNumber());
            Map<String, Object> reference = new LinkedHashMap<>();
            reference.put("ReferenceInvoiceIdentifier", identifier);
            reference.put("ReferenceInvoiceIssueDateTime",
                    FURS_TIME.format(LocalDateTime.ofInstant(original.issuedAt(), ProtectedCodes.LJUBLJANA)));
            references.add(reference);
        }
        if (!references.isEmpty()) {
            m.put("ReferenceInvoice", references);
        }
        return m;
    }

    /**
     * @param document the numbered document, not null
     * @param oib the issuer's 11 digits, not null
     * @param inVatSystem whether the issuer is in the VAT system
     * @param issued local issue date-time, not null
     * @param series the fiscal series, not null
     * @param sequence the fiscal sequence number
     * @param zki the protected code, not null
     * @param subsequent true for a late submission ({@code NakDost})
     * @param paymentMethod {@code NacinPlac} (G, K, C, T, O), not null
     * @param operatorOib the operator's OIB, nullable
     * @return the {@code Racun} fields in FINA order
     */
    public static Map<String, Object> fina(Document document, String oib, boolean inVatSystem, LocalDateTime issued,
            FiscalSeries series, long sequence, String zki, boolean subsequent, String paymentMethod,
            String operatorOib) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Oib", oib);
        m.put("USustPdv", inVatSystem);
        m.put("DatVrijeme", FINA_TIME.format(issued));
        m.put("OznSlijed", series.structureCode());
        Map<String, Object> br = new LinkedHashMap<>();
        br.put("BrOznRac", Long.toString(sequence));
        br.put("OznPosPr", series.premise());
        br.put("OznNapUr", series.device());
        m.put("BrRac", br);
        List<Map<String, Object>> pdv = new ArrayList<>();
        for (TaxSummary t : document.taxes()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("Stopa", t.rate());
            p.put("Osnovica", t.base());
            p.put("Iznos", t.taxAmount());
            pdv.add(p);
        }
        if (!pdv.isEmpty()) {
            m.put("Pdv", pdv);
        }
        m.put("IznosUkupno", amount(document));
        m.put("NacinPlac", paymentMethod);
        if (operatorOib != null) {
            m.put("OibOper", operatorOib);
        }
        m.put("ZastKod", zki);
        m.put("NakDost", subsequent);
        return m;
    }
}
