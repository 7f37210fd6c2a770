package eu.invoicing.einvoice;

import eu.invoicing.core.model.ItemAttribute;
import eu.invoicing.core.model.ItemClassification;
import eu.invoicing.core.model.ItemIdentifier;
import eu.invoicing.core.model.LineDetails;
import eu.invoicing.core.model.LinePeriod;
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
     * @return the details, {@link LineDetails#EMPTY} when the line has none
     */
    static LineDetails read(EInvoiceReader r, boolean ubl, XdmItem line, BiFunction<XdmItem, String, BigDecimal> number,
            BiFunction<XdmItem, String, LocalDate> date) {
        LineDetails.Builder b = LineDetails.builder();
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
            b.period(period(date.apply(line, "cac:InvoicePeriod/cbc:StartDate"),
                    date.apply(line, "cac:InvoicePeriod/cbc:EndDate")));
            String standard = r.text(line, "cac:Item/cac:StandardItemIdentification/cbc:ID");
            if (standard != null) {
                b.standardId(new ItemIdentifier(standard,
                        r.text(line, "cac:Item/cac:StandardItemIdentification/cbc:ID/@schemeID")));
            }
            List<ItemClassification> classes = new ArrayList<>();
            for (XdmItem c : r.select(line, "cac:Item/cac:CommodityClassification/cbc:ItemClassificationCode")) {
                classes.add(new ItemClassification(r.text(c, "."), r.text(c, "@listID"), r.text(c, "@listVersionID")));
            }
            b.classifications(classes);
            List<ItemAttribute> attributes = new ArrayList<>();
            for (XdmItem a : r.select(line, "cac:Item/cac:AdditionalItemProperty")) {
                attributes.add(new ItemAttribute(r.text(a, "cbc:Name"), r.text(a, "cbc:Value")));
            }
            b.attributes(attributes);
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
            b.period(period(date.apply(line, settlement + "ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString"),
                    date.apply(line, settlement + "ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString")));
            String standard = r.text(line, product + "ram:GlobalID");
            if (standard != null) {
                b.standardId(new ItemIdentifier(standard, r.text(line, product + "ram:GlobalID/@schemeID")));
            }
            List<ItemClassification> classes = new ArrayList<>();
            for (XdmItem c : r.select(line, product + "ram:DesignatedProductClassification/ram:ClassCode")) {
                classes.add(new ItemClassification(r.text(c, "."), r.text(c, "@listID"), r.text(c, "@listVersionID")));
            }
            b.classifications(classes);
            List<ItemAttribute> attributes = new ArrayList<>();
            for (XdmItem a : r.select(line, product + "ram:ApplicableProductCharacteristic")) {
                attributes.add(new ItemAttribute(r.text(a, "ram:Description"), r.text(a, "ram:Value")));
            }
            b.attributes(attributes);
        }
        return b.build();
    }

    private static LinePeriod period(LocalDate start, LocalDate end) {
        return start == null && end == null ? null : new LinePeriod(start, end);
    }
}
