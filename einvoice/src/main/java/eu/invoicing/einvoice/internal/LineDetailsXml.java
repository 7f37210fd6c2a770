package eu.invoicing.einvoice.internal;

import eu.invoicing.core.model.ItemAttribute;
import eu.invoicing.core.model.ItemClassification;
import eu.invoicing.core.model.LineDetails;
import eu.invoicing.core.model.Period;
import eu.invoicing.einvoice.internal.EnInvoice.EnLine;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Writes a line's EN 16931 details ({@link LineDetails}) into a UBL or CII invoice line, each part where the
 * syntax's schema orders it: the UBL writer and the CII writer call the part for the place they are at.
 * Stateless and thread-safe.
 */
final class LineDetailsXml {

    private LineDetailsXml() {
    }

    // ------------------------------------------------------------------ UBL

    /** BT-127, right after the line's cbc:ID. */
    static void ublNote(Xml line, LineDetails d) {
        line.text("cbc:Note", d.note());
    }

    /** BT-133, BG-26 and BT-132, after cbc:LineExtensionAmount and before the line's allowances. */
    static void ublReferences(Xml line, LineDetails d) {
        line.text("cbc:AccountingCost", d.accountingReference());
        Period p = d.period();
        if (p != null) {
            Xml period = line.add("cac:InvoicePeriod");
            period.text("cbc:StartDate", date(p.start()));
            period.text("cbc:EndDate", date(p.end()));
        }
        if (d.orderLineReference() != null && !d.orderLineReference().isBlank()) {
            line.add("cac:OrderLineReference").text("cbc:LineID", d.orderLineReference());
        }
    }

    /** BT-156, after cbc:Name and before the seller's item id. */
    static void ublBuyerItemId(Xml item, LineDetails d) {
        if (d.buyerItemId() != null && !d.buyerItemId().isBlank()) {
            item.add("cac:BuyersItemIdentification").text("cbc:ID", d.buyerItemId());
        }
    }

    /** BT-157, BT-159 and BT-158, after the seller's item id and before the tax category. */
    static void ublItemIds(Xml item, LineDetails d) {
        if (d.standardId() != null) {
            item.add("cac:StandardItemIdentification").text("cbc:ID", d.standardId().id(), "schemeID",
                    d.standardId().scheme());
        }
        if (d.originCountry() != null) {
            item.add("cac:OriginCountry").text("cbc:IdentificationCode", d.originCountry());
        }
        for (ItemClassification c : d.classifications()) {
            item.add("cac:CommodityClassification").text("cbc:ItemClassificationCode", c.code(), "listID", c.listId(),
                    "listVersionID", c.listVersion());
        }
    }

    /** BG-32, after the tax category. */
    static void ublAttributes(Xml item, LineDetails d) {
        for (ItemAttribute a : d.attributes()) {
            Xml property = item.add("cac:AdditionalItemProperty");
            property.text("cbc:Name", a.name());
            property.text("cbc:Value", a.value());
        }
    }

    /** BT-149 and the price discount with the list price (BT-147, BT-148), after cbc:PriceAmount. */
    static void ublPrice(Xml price, EnLine l, String currency) {
        LineDetails d = l.details();
        if (d.priceBaseQuantity() != null) {
            price.text("cbc:BaseQuantity", plain(d.priceBaseQuantity()), "unitCode", l.unit());
        }
        if (d.listPrice() != null) {
            Xml ac = price.add("cac:AllowanceCharge");
            ac.text("cbc:ChargeIndicator", "false");
            BigDecimal discount = d.priceDiscount() == null ? BigDecimal.ZERO : d.priceDiscount();
            ac.text("cbc:Amount", plain(discount), "currencyID", currency);
            ac.text("cbc:BaseAmount", plain(d.listPrice()), "currencyID", currency);
        }
    }

    // ------------------------------------------------------------------ CII

    /** BT-127, in ram:AssociatedDocumentLineDocument after ram:LineID. */
    static void ciiNote(Xml lineDocument, LineDetails d) {
        if (d.note() != null && !d.note().isBlank()) {
            lineDocument.add("ram:IncludedNote").text("ram:Content", d.note());
        }
    }

    /** BT-157, first in ram:SpecifiedTradeProduct. */
    static void ciiStandardId(Xml product, LineDetails d) {
        if (d.standardId() != null) {
            product.text("ram:GlobalID", d.standardId().id(), "schemeID", d.standardId().scheme());
        }
    }

    /** BT-156, after ram:SellerAssignedID. */
    static void ciiBuyerItemId(Xml product, LineDetails d) {
        product.text("ram:BuyerAssignedID", d.buyerItemId());
    }

    /** BG-32, BT-158 and BT-159, after ram:Description. */
    static void ciiProductDetails(Xml product, LineDetails d) {
        for (ItemAttribute a : d.attributes()) {
            Xml c = product.add("ram:ApplicableProductCharacteristic");
            c.text("ram:Description", a.name());
            c.text("ram:Value", a.value());
        }
        for (ItemClassification c : d.classifications()) {
            product.add("ram:DesignatedProductClassification").text("ram:ClassCode", c.code(), "listID", c.listId(),
                    "listVersionID", c.listVersion());
        }
        if (d.originCountry() != null) {
            product.add("ram:OriginTradeCountry").text("ram:ID", d.originCountry());
        }
    }

    /** BT-132 and the list price with its discount (BT-148, BT-147), before the net price. */
    static void ciiAgreement(Xml agreement, EnLine l) {
        LineDetails d = l.details();
        if (d.orderLineReference() != null && !d.orderLineReference().isBlank()) {
            agreement.add("ram:BuyerOrderReferencedDocument").text("ram:LineID", d.orderLineReference());
        }
        if (d.listPrice() != null) {
            Xml gross = agreement.add("ram:GrossPriceProductTradePrice");
            gross.text("ram:ChargeAmount", plain(d.listPrice()));
            basisQuantity(gross, l);
            if (d.priceDiscount() != null && d.priceDiscount().signum() != 0) {
                Xml ac = gross.add("ram:AppliedTradeAllowanceCharge");
                ac.add("ram:ChargeIndicator").text("udt:Indicator", "false");
                ac.text("ram:ActualAmount", plain(d.priceDiscount()));
            }
        }
    }

    /** BT-149, after the net price's ram:ChargeAmount. */
    static void basisQuantity(Xml price, EnLine l) {
        if (l.details().priceBaseQuantity() != null) {
            price.text("ram:BasisQuantity", plain(l.details().priceBaseQuantity()), "unitCode", l.unit());
        }
    }

    /** BG-26, after the line's ram:ApplicableTradeTax. */
    static void ciiPeriod(Xml settlement, LineDetails d) {
        Period p = d.period();
        if (p != null) {
            Xml period = settlement.add("ram:BillingSpecifiedPeriod");
            if (p.start() != null) {
                period.add("ram:StartDateTime").text("udt:DateTimeString", p.start().format(CiiXml.FORMAT_102),
                        "format", "102");
            }
            if (p.end() != null) {
                period.add("ram:EndDateTime").text("udt:DateTimeString", p.end().format(CiiXml.FORMAT_102),
                        "format", "102");
            }
        }
    }

    /** BT-133, after the line's monetary summation. */
    static void ciiAccounting(Xml settlement, LineDetails d) {
        if (d.accountingReference() != null && !d.accountingReference().isBlank()) {
            settlement.add("ram:ReceivableSpecifiedTradeAccountingAccount").text("ram:ID", d.accountingReference());
        }
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
