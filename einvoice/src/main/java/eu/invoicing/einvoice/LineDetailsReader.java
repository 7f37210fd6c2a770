package eu.invoicing.einvoice;

import eu.invoicing.core.calc.RoundingPolicy;
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

    /** The decimals the engine accepts on a price (docs/calculation.md). */
    private static final int MAX_PRICE_DECIMALS = 10;

    private LineDetailsReader() {
    }

    /**
     * @param r the reader (its compiled XPath)
     * @param ubl true for UBL, false for CII
     * @param line the line element
     * @param number parses the number at an XPath under a context, null when absent
     * @param date parses the date at an XPath under a context, null when absent
     * @param stated the line's figures as the file states them
     * @param notes where price details that the model cannot carry as stated are reported
     * @return the details, {@link LineDetails#EMPTY} when the line has none
     */
    static LineDetails read(EInvoiceReader r, boolean ubl, XdmItem line, BiFunction<XdmItem, String, BigDecimal> number,
            BiFunction<XdmItem, String, LocalDate> date, StatedLine stated, List<ImportNote> notes) {
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
        LineDetails d = b.build();
        if (stated.ignoresBase(d.priceBaseQuantity())) {
            XdmItem at = r.first(line, ubl ? "cac:Price/cbc:BaseQuantity"
                    : "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:BasisQuantity");
            notes.add(new ImportNote("BT-149", path(r, at), d.priceBaseQuantity().toPlainString(), "not carried: the line"
                    + " net amount BT-131 " + stated.lineNet().toPlainString() + " is quantity × net price − allowances"
                    + " + charges without this base quantity, which would make it "
                    + stated.money().round(stated.net(d.priceBaseQuantity())).toPlainString()
                    + "; the line is priced per unit, as its amount says"));
            d = d.toBuilder().priceBaseQuantity(null).build();
            grossBase = null;
        }
        return priceDetails(d, stated.price(), grossBase, r, line, notes);
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
        if (!sameBase) {
            // CII states the gross price (and its discount) per a base quantity of its own: the model has one
            // base quantity, the net price's, so both are restated per that base when that is exact.
            BigDecimal list = atBase(d.listPrice(), netBase, grossBase);
            BigDecimal cut = atBase(discount, netBase, grossBase);
            if (list != null && cut != null && list.subtract(cut).compareTo(net) == 0) {
                return d.toBuilder().listPrice(list).priceDiscount(d.priceDiscount() == null ? null : cut).build();
            }
        }
        notes.add(new ImportNote("BT-148", path(r, line), d.listPrice().toPlainString()
                + " − " + discount.toPlainString() + (sameBase ? "" : " per " + grossBase.toPlainString()),
                "not carried: the item gross price less the price discount is not the net price "
                        + net.toPlainString() + (sameBase ? "" : " per " + netBase.toPlainString())
                        + "; the line keeps its net price"));
        return d.toBuilder().listPrice(null).priceDiscount(null).build();
    }

    /**
     * @return {@code price × netBase / grossBase} when it is exact within the model's 10 decimals of a price,
     *     else null
     */
    private static BigDecimal atBase(BigDecimal price, BigDecimal netBase, BigDecimal grossBase) {
        try {
            BigDecimal v = price.multiply(netBase).divide(grossBase).stripTrailingZeros();
            return v.scale() > MAX_PRICE_DECIMALS ? null : v;
        } catch (ArithmeticException nonTerminating) {
            return null;
        }
    }

    private static String path(EInvoiceReader r, XdmItem node) {
        XdmItem p = node == null ? null : r.first(node, "path(.)");
        return p == null ? "" : p.getStringValue();
    }

    /**
     * A line's figures as the file states them, to tell whether its price base quantity (BT-149) is the one its
     * line net amount (BT-131) was computed with. Immutable.
     *
     * @param quantity BT-129, nullable
     * @param price the net price BT-146, nullable
     * @param allowances the sum of the line allowances BT-136 as stated (negative on a negative line)
     * @param charges the sum of the line charges BT-141 as stated
     * @param lineNet BT-131, nullable
     * @param money the currency's rounding
     */
    record StatedLine(BigDecimal quantity, BigDecimal price, BigDecimal allowances, BigDecimal charges,
            BigDecimal lineNet, RoundingPolicy money) {

        /** @return BT-131 as EN 16931 defines it: quantity × price / base − allowances + charges, exact enough */
        BigDecimal net(BigDecimal base) {
            BigDecimal gross = quantity.multiply(price);
            if (base.compareTo(BigDecimal.ONE) != 0) {
                gross = money.divide(gross, base);
            }
            return gross.subtract(allowances).add(charges);
        }

        /**
         * @return whether the file's line amount says that the base quantity was not applied: it is the norm's
         *     figure without the base and not with it (e.g. a base quantity stated equal to the price, 1273 per
         *     1273, on a line of 1 × 1273 = 1273)
         */
        boolean ignoresBase(BigDecimal base) {
            if (base == null || base.signum() <= 0 || base.compareTo(BigDecimal.ONE) == 0 || quantity == null
                    || price == null || lineNet == null) {
                return false;
            }
            BigDecimal stated = money.round(lineNet);
            return money.round(net(BigDecimal.ONE)).compareTo(stated) == 0
                    && money.round(net(base)).compareTo(stated) != 0;
        }
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
