package eu.invoicing.einvoice.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes EN 16931 allowances and charges ({@link EnAllowanceCharge}) in the UBL 2.1 ({@code cac:AllowanceCharge})
 * and CII D16B ({@code ram:SpecifiedTradeAllowanceCharge}) bindings, in each schema's element order. Stateless and
 * thread-safe.
 */
final class AllowanceChargeXml {
    private AllowanceChargeXml() {
    }

    /** UBL: document level (with the tax category) or line level (without). */
    static void ubl(Xml parent, List<EnAllowanceCharge> entries, String currency) {
        for (EnAllowanceCharge e : entries) {
            Xml ac = parent.add("cac:AllowanceCharge");
            ac.text("cbc:ChargeIndicator", String.valueOf(e.charge()));
            ac.text("cbc:AllowanceChargeReasonCode", e.reasonCode());
            ac.text("cbc:AllowanceChargeReason", e.reason());
            ac.text("cbc:MultiplierFactorNumeric", plain(e.percent()));
            ac.text("cbc:Amount", e.amount().toPlainString(), "currencyID", currency);
            if (e.base() != null) {
                ac.text("cbc:BaseAmount", e.base().toPlainString(), "currencyID", currency);
            }
            if (e.category() != null) {
                Xml cat = ac.add("cac:TaxCategory");
                cat.text("cbc:ID", e.category());
                cat.text("cbc:Percent", plain(e.rate()));
                cat.add("cac:TaxScheme").text("cbc:ID", "VAT");
            }
        }
    }

    /** CII: header settlement (with the trade tax) or line settlement (without). */
    static void cii(Xml parent, List<EnAllowanceCharge> entries) {
        for (EnAllowanceCharge e : entries) {
            Xml ac = parent.add("ram:SpecifiedTradeAllowanceCharge");
            ac.add("ram:ChargeIndicator").text("udt:Indicator", String.valueOf(e.charge()));
            ac.text("ram:CalculationPercent", plain(e.percent()));
            ac.text("ram:BasisAmount", plain(e.base()));
            ac.text("ram:ActualAmount", e.amount().toPlainString());
            ac.text("ram:ReasonCode", e.reasonCode());
            ac.text("ram:Reason", e.reason());
            if (e.category() != null) {
                Xml t = ac.add("ram:CategoryTradeTax");
                t.text("ram:TypeCode", "VAT");
                t.text("ram:CategoryCode", e.category());
                t.text("ram:RateApplicablePercent", plain(e.rate()));
            }
        }
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }
}
