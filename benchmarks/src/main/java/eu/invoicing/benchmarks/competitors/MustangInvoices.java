package eu.invoicing.benchmarks.competitors;

import eu.invoicing.benchmarks.fixtures.SampleInvoice;
import eu.invoicing.benchmarks.fixtures.SampleLine;
import eu.invoicing.benchmarks.fixtures.SampleParty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mustangproject.Allowance;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.IZUGFeRDExportableItem;
import org.mustangproject.ZUGFeRD.LineCalculator;
import org.mustangproject.ZUGFeRD.TransactionCalculator;
import org.mustangproject.ZUGFeRD.VATAmount;

/**
 * Builds a {@link SampleInvoice} as a Mustang 2.25 {@link Invoice} (the model a Java developer
 * would otherwise pick for EN 16931 / ZUGFeRD invoices) and calculates it with Mustang's own
 * {@link TransactionCalculator}.
 *
 * <p>Use it on a seeded sample, {@code toMustang(SampleInvoices.generate(lines, seed))}, so that
 * the other side of the benchmark gets the same invoice.
 *
 * <p>Mapping: each line becomes an {@link Item} with a {@link Product} (name, UN/ECE unit code,
 * VAT percent, tax category {@code S}), the net price and the quantity; a percent discount is an
 * item-level {@link Allowance} with {@code setPercent}, which Mustang takes from
 * {@code price × quantity} like our engine does. Parties are {@link TradeParty}s with a VAT id.
 *
 * <p>Stateless and thread-safe; the {@link Invoice}s it returns are mutable JavaBeans owned by
 * the caller.
 */
public final class MustangInvoices {

    private MustangInvoices() {
    }

    /**
     * Builds the given sample invoice in Mustang's model.
     *
     * @param sample the invoice, not null
     * @return a new Mustang invoice, never null
     */
    public static Invoice toMustang(SampleInvoice sample) {
        Invoice invoice = new Invoice()
            .setNumber(sample.number())
            .setCurrency(sample.currencyCode())
            .setIssueDate(date(sample.issueDate()))
            .setDeliveryDate(date(sample.serviceDate()))
            .setDueDate(date(sample.dueDate()))
            .setSender(party(sample.issuer()))
            .setRecipient(party(sample.customer()));
        for (SampleLine line : sample.lines()) {
            Product product = new Product(line.name(), "", line.unitCode(), line.vatRate())
                .setTaxCategoryCode("S");
            Item item = new Item(product, line.netPrice(), line.quantity());
            if (line.hasDiscount()) {
                Allowance discount = new Allowance();
                discount.setPercent(line.discountPercent());
                discount.setReason("Discount");
                item.addAllowance(discount);
            }
            invoice.addItem(item);
        }
        return invoice;
    }

    /**
     * Calculates the invoice with Mustang's {@link TransactionCalculator}, the way a Mustang user
     * reads the totals of an invoice: tax basis, grand total and the VAT per rate, and the net
     * total of every line from {@link LineCalculator}.
     *
     * @param invoice the invoice, not null
     * @return the totals, rounded to the currency's minor units, never null
     */
    public static MustangTotals calculate(Invoice invoice) {
        int minorUnits = Currency.getInstance(invoice.getCurrency()).getDefaultFractionDigits();
        TransactionCalculator calculator = new TransactionCalculator(invoice);
        Map<BigDecimal, BigDecimal> vatPerRate = new TreeMap<>();
        for (VATAmount amount : calculator.getTaxDetails()) {
            vatPerRate.merge(amount.getApplicablePercent().stripTrailingZeros(),
                amount.getCalculated().setScale(minorUnits, RoundingMode.HALF_UP), BigDecimal::add);
        }
        List<BigDecimal> lineTotals = new ArrayList<>();
        for (IZUGFeRDExportableItem item : invoice.getZFItems()) {
            lineTotals.add(new LineCalculator(item).getItemTotalNetAmount());
        }
        return new MustangTotals(calculator.getTaxBasis(), calculator.getGrandTotal(), vatPerRate,
            lineTotals);
    }

    private static TradeParty party(SampleParty party) {
        return new TradeParty(party.name(), party.street(), party.postCode(), party.city(),
            party.countryCode())
            .addVATID(party.vatId())
            .setEmail(party.email());
    }

    private static Date date(LocalDate date) {
        return Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * The totals Mustang computes for one invoice.
     *
     * <p>Immutable and thread-safe.
     *
     * @param taxBasis   net total of the invoice (sum of the line totals), not null
     * @param grandTotal total including VAT, not null
     * @param vatPerRate VAT amount per rate (rate stripped of trailing zeros), not null, copied
     * @param lineTotals net total of every line, in line order, not null, copied
     */
    public record MustangTotals(BigDecimal taxBasis, BigDecimal grandTotal,
                                Map<BigDecimal, BigDecimal> vatPerRate,
                                List<BigDecimal> lineTotals) {

        /** Copies the collections. */
        public MustangTotals {
            vatPerRate = Map.copyOf(vatPerRate);
            lineTotals = List.copyOf(lineTotals);
        }
    }
}
