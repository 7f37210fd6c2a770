package eu.invoicing.einvoice;

import eu.invoicing.core.model.ItemAttribute;
import eu.invoicing.core.model.ItemClassification;
import eu.invoicing.core.model.ItemIdentifier;
import eu.invoicing.core.model.LineDetails;
import eu.invoicing.core.model.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import net.sf.saxon.s9api.XdmItem;

/**
 * Reads one UBL or CII invoice line's EN 16931 details (BT-127, BT-132, BT-133, BG-26, BT-147..149,
 * BT-156..159, BG-32) into {@link LineDetails}. Stateless and thread-safe; the dates and numbers are parsed by
 * the import's own functions, which report a bad value at its XPath.
 */
final class LineDetailsReader {

    private LineDetailsReader() {
    }

    /**
     * @param r the reader (its compiled XPath)
     * @param ubl true for UBL, false for CII
     * @param line the line element
     * @param number parses the number at an XPath under a context, null when absent
     * @param date parses the date at an XPath under a context, null when absent
     * @param netPrice the line's net price (BT-146) as read, nullable
     * @param notes where price details that the model cannot carry as stated are reported
     * @return the details, {@link LineDetails#EMPTY} when the line has none
     */
    static LineDetails read(EInvoiceReader r, boolean ubl, XdmItem line, BiFunction<XdmItem, String, BigDecimal> number,
            BiFunction<XdmItem, String, LocalDate> date, BigDecimal netPrice, List<ImportNote> notes) {
        LineDetails.Builder b = LineDetails.builder();
        BigDecimal grossBase;
        if (ubl) {
            b.note(r.text(line, "cbc:Note"))
                    .accountingReference(r.text(line, "cbc:AccountingCost"))
                    .orderLineReference(r.text(line, "cac:OrderLineReference/cbc:LineID"))
                    .buyerItemId(r.text(line, "cac:Item/cac:BuyersItemIdentification/cbc:ID"))
                    .originCountry(r.text(line, "cac:Item/cac:OriginCountry/cbc:IdentificationCode"))
                    .priceBaseQuantity(number.apply(line, "cac:Price/cbc:BaseQuantity"))
                    .listPrice(number.apply(line, "cac:Price/cac:AllowanceCharge/cbc:BaseAmount"));
            BigDecimal discount = number.apply(line, "cac:Price/cac:AllowanceCharge/cbc:Amount");
            b.priceDiscount(discount == null || discount.signum() == 0 ? null : discount);
            grossBase = null;
            b.period(period(date.apply(line, "cac:InvoicePeriod/cbc:StartDate"),
                    date.apply(line, "cac:InvoicePeriod/cbc:EndDate")));
            String standard = r.text(line, "cac:Item/cac:StandardItemIdentification/cbc:ID");
            if (standard != null) {
                b.standardId(new ItemIdentifier(standard,
                        r.text(line, "cac:Item/cac:StandardItemIdentification/cbc:ID/@schemeID")));
            }
            b.classifications(classifications(r, line, "cac:Item/cac:CommodityClassification/cbc:ItemClassificationCode"));
            b.attributes(attributes(r, line, "cac:Item/cac:AdditionalItemProperty", "cbc:Name", "cbc:Value"));
        } else {
            String product = "ram:SpecifiedTradeProduct/";
            String agreement = "ram:SpecifiedLineTradeAgreement/";
            String settlement = "ram:SpecifiedLineTradeSettlement/";
            b.note(r.text(line, "ram:AssociatedDocumentLineDocument/ram:IncludedNote/ram:Content"))
                    .accountingReference(r.text(line, settlement + "ram:ReceivableSpecifiedTradeAccountingAccount/ram:ID"))
                    .orderLineReference(r.text(line, agreement + "ram:BuyerOrderReferencedDocument/ram:LineID"))
                    .buyerItemId(r.text(line, product + "ram:BuyerAssignedID"))
                    .originCountry(r.text(line, product + "ram:OriginTradeCountry/ram:ID"))
                    .priceBaseQuantity(number.apply(line, agreement + "ram:NetPriceProductTradePrice/ram:BasisQuantity"))
                    .listPrice(number.apply(line, agreement + "ram:GrossPriceProductTradePrice/ram:ChargeAmount"));
            BigDecimal discount = number.apply(line, agreement + "ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge"
                    + "[normalize-space(ram:ChargeIndicator/udt:Indicator) = ('false', '0')]/ram:ActualAmount");
            b.priceDiscount(discount == null || discount.signum() == 0 ? null : discount);
            grossBase = number.apply(line, agreement + "ram:GrossPriceProductTradePrice/ram:BasisQuantity");
            b.period(period(date.apply(line, settlement + "ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString"),
                    date.apply(line, settlement + "ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString")));
            String standard = r.text(line, product + "ram:GlobalID");
            if (standard != null) {
                b.standardId(new ItemIdentifier(standard, r.text(line, product + "ram:GlobalID/@schemeID")));
            }
            b.classifications(classifications(r, line, product + "ram:DesignatedProductClassification/ram:ClassCode"));
            b.attributes(attributes(r, line, product + "ram:ApplicableProductCharacteristic", "ram:Description", "ram:Value"));
        }
        return priceDetails(b.build(), netPrice, grossBase, r, line, notes);
    }

    /**
     * Keeps the price details when they agree with the net price as the model needs ({@code net = list −
     * discount}, EN 16931 BT-146..148 and PEPPOL-EN16931-R046). A discount stated without a list price gets the
     * list price the norm implies ({@code net + discount}); details that disagree (some official examples state
     * a tax-inclusive or differently based gross price) are left out and reported.
     */
    private static LineDetails priceDetails(LineDetails d, BigDecimal net, BigDecimal grossBase, EInvoiceReader r,
            XdmItem line, List<ImportNote> notes) {
        if (net == null || d.listPrice() == null && d.priceDiscount() == null) {
            return d;
        }
        BigDecimal discount = d.priceDiscount() == null ? BigDecimal.ZERO : d.priceDiscount();
        if (d.listPrice() == null) {
            return d.toBuilder().listPrice(net.add(discount)).build();
        }
        BigDecimal netBase = d.priceBaseQuantity() == null ? BigDecimal.ONE : d.priceBaseQuantity();
        boolean sameBase = grossBase == null || grossBase.compareTo(netBase) == 0;
        if (sameBase && d.listPrice().subtract(discount).compareTo(net) == 0) {
            return d;
        }
        XdmItem path = r.first(line, "path(.)");
        notes.add(new ImportNote("BT-148", path == null ? "" : path.getStringValue(), d.listPrice().toPlainString()
                + " − " + discount.toPlainString() + (sameBase ? "" : " per " + grossBase.toPlainString()),
                "not carried: the item gross price less the price discount is not the net price "
                        + net.toPlainString() + (sameBase ? "" : " per " + netBase.toPlainString())
                        + "; the line keeps its net price"));
        return d.toBuilder().listPrice(null).priceDiscount(null).build();
    }

    /** BT-158: each code element with its {@code listID} and {@code listVersionID} attributes. */
    private static List<ItemClassification> classifications(EInvoiceReader r, XdmItem line, String codes) {
        List<ItemClassification> out = new ArrayList<>();
        for (XdmItem c : r.select(line, codes)) {
            out.add(new ItemClassification(r.text(c, "."), r.text(c, "@listID"), r.text(c, "@listVersionID")));
        }
        return out;
    }

    /** BG-32: each attribute element's name and value. */
    private static List<ItemAttribute> attributes(EInvoiceReader r, XdmItem line, String elements, String name,
            String value) {
        List<ItemAttribute> out = new ArrayList<>();
        for (XdmItem a : r.select(line, elements)) {
            out.add(new ItemAttribute(r.text(a, name), r.text(a, value)));
        }
        return out;
    }

    private static Period period(LocalDate start, LocalDate end) {
        return start == null && end == null ? null : new Period(start, end);
    }
}
