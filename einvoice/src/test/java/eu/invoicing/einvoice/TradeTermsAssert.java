package eu.invoicing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.DeliveryInformation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentReferences;
import eu.invoicing.core.model.PaymentMeans;
import eu.invoicing.core.model.TradeDetails;

/** Compares the EN 16931 references and trade details of two documents business term by business term. */
final class TradeTermsAssert {
    private TradeTermsAssert() {
    }

    private static String firstRemittance(TradeDetails t) {
        return t.paymentMeans().stream().map(PaymentMeans::remittance).filter(r -> r != null).findFirst().orElse(null);
    }

    static void assertTradeTermsEqual(Document a, Document b, String what) {
        DocumentReferences x = a.references();
        DocumentReferences y = b.references();
        assertThat(y.buyerReference()).as(what + " BT-10").isEqualTo(x.buyerReference());
        assertThat(y.orderReference()).as(what + " BT-13").isEqualTo(x.orderReference());
        assertThat(y.salesOrderReference()).as(what + " BT-14").isEqualTo(x.salesOrderReference());
        assertThat(y.contractReference()).as(what + " BT-12").isEqualTo(x.contractReference());
        assertThat(y.projectReference()).as(what + " BT-11").isEqualTo(x.projectReference());
        assertThat(y.despatchAdviceReference()).as(what + " BT-16").isEqualTo(x.despatchAdviceReference());
        assertThat(y.receivingAdviceReference()).as(what + " BT-15").isEqualTo(x.receivingAdviceReference());
        assertThat(y.accountingReference()).as(what + " BT-19").isEqualTo(x.accountingReference());
        TradeDetails s = a.tradeDetails();
        TradeDetails t = b.tradeDetails();
        assertThat(t.invoicePeriod()).as(what + " BG-14 (BT-73, BT-74)").isEqualTo(s.invoicePeriod());
        DeliveryInformation ds = s.delivery();
        DeliveryInformation dt = t.delivery();
        assertThat(dt == null ? null : dt.date()).as(what + " BT-72").isEqualTo(ds == null ? null : ds.date());
        assertThat(dt == null ? null : dt.name()).as(what + " BT-70").isEqualTo(ds == null ? null : ds.name());
        assertThat(dt == null ? null : dt.locationId()).as(what + " BT-71").isEqualTo(ds == null ? null : ds.locationId());
        assertThat(dt == null ? null : dt.address()).as(what + " BG-15").isEqualTo(ds == null ? null : ds.address());
        assertThat(t.payee()).as(what + " BG-10 (BT-59..61)").isEqualTo(s.payee());
        assertThat(t.taxRepresentative()).as(what + " BG-11 (BT-62, BT-63, BG-12)").isEqualTo(s.taxRepresentative());
        assertThat(t.precedingInvoices()).as(what + " BG-3 (BT-25, BT-26)").isEqualTo(s.precedingInvoices());
        assertThat(t.notes()).as(what + " BT-21/BT-22").isEqualTo(s.notes());
        assertThat(t.paymentMeans()).as(what + " BG-16").hasSameSizeAs(s.paymentMeans());
        // CII has one remittance information (BT-83) per invoice: it is the first means' when read back.
        boolean oneRemittance = what.endsWith("CII");
        if (oneRemittance) {
            assertThat(firstRemittance(t)).as(what + " BT-83").isEqualTo(firstRemittance(s));
        }
        for (int i = 0; i < s.paymentMeans().size(); i++) {
            PaymentMeans m = s.paymentMeans().get(i);
            PaymentMeans n = t.paymentMeans().get(i);
            String at = what + " payment means " + (i + 1);
            assertThat(n.code()).as(at + " BT-81").isEqualTo(m.code());
            assertThat(n.information()).as(at + " BT-82").isEqualTo(m.information());
            if (!oneRemittance) {
                assertThat(n.remittance()).as(at + " BT-83").isEqualTo(m.remittance());
            }
            assertThat(n.iban()).as(at + " BT-84").isEqualTo(m.iban());
            assertThat(n.bic()).as(at + " BT-86").isEqualTo(m.bic());
            assertThat(n.cardLastDigits()).as(at + " BT-87").isEqualTo(m.cardLastDigits());
            assertThat(n.cardHolder()).as(at + " BT-88").isEqualTo(m.cardHolder());
            assertThat(n.mandateReference()).as(at + " BT-89").isEqualTo(m.mandateReference());
            assertThat(n.creditorId()).as(at + " BT-90").isEqualTo(m.creditorId());
            assertThat(n.debitedAccount()).as(at + " BT-91").isEqualTo(m.debitedAccount());
        }
        assertThat(b.roundingCorrection() == null ? null : b.roundingCorrection().stripTrailingZeros())
                .as(what + " BT-114").isEqualTo(a.roundingCorrection() == null ? null : a.roundingCorrection().stripTrailingZeros());
    }
}
