package eu.invoicing.export.testing;

import eu.invoicing.core.model.DeliveryNote;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Estimate;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.TaxSummary;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What each English column of the document list export must contain for a document, written
 * independently of the production column set so that a wrong mapping fails a test. Values are
 * the typed source values (String, BigDecimal, Integer, LocalDate, Instant, Boolean) or null.
 */
public final class ExpectedDocumentCells {

    private ExpectedDocumentCells() {
    }

    /** @return header → expected value, for every fixed (non-tax) column of any kind */
    public static Map<String, Function<Document, Object>> fixedColumns() {
        Map<String, Function<Document, Object>> m = new LinkedHashMap<>();
        m.put("ID", d -> d.id().value());
        m.put("Number", Document::number);
        m.put("Draft", Document::isDraft);
        m.put("Date", Document::date);
        m.put("Due date", Document::dateDue);
        m.put("Service date", Document::dateService);
        m.put("Service period end", Document::dateServiceTo);
        m.put("Valid until", d -> ((Estimate) d).dateValidTill());
        m.put("Title", d -> ((Estimate) d).titleType() == null ? null
                : ((Estimate) d).titleType().name().toLowerCase());
        m.put("Prices hidden", d -> ((DeliveryNote) d).hidePrices());
        m.put("Reference", Document::reference);
        m.put("Currency", Document::currencyCode);
        m.put("Calculation mode", d -> d.calculationMode() == null ? null : d.calculationMode().name().toLowerCase());
        m.put("Transaction type", d -> d.transactionType() == null ? null : switch (d.transactionType()) {
            case THIRD_COUNTRY_B2B -> "3w_b2b";
            case THIRD_COUNTRY_B2C -> "3w_b2c";
            default -> d.transactionType().name().toLowerCase();
        });
        m.put("Total without tax", Document::total);
        m.put("Discount", Document::totalDiscount);
        m.put("Total with tax", Document::totalWithTax);
        m.put("Rounding correction", Document::roundingCorrection);
        m.put("Paid", Document::totalPaid);
        m.put("Amount due", Document::totalDue);
        m.put("Paid in full", Document::paidInFull);
        m.put("Payments", d -> (int) d.payments().stream().filter(p -> p.deletedAt() == null).count());
        m.put("Exchange rate", d -> d.exchangeRate() == null ? null : d.exchangeRate().rate());
        m.put("Converted currency", d -> d.exchangeRate() == null ? null : d.exchangeRate().quoteCurrency());
        m.put("Total without tax (converted)", Document::totalConverted);
        m.put("Total with tax (converted)", Document::totalWithTaxConverted);
        m.put("Customer ID", Document::customerId);
        party(m, "Customer", Document::customer);
        m.put("Customer: End consumer", d -> d.customer() == null ? null : d.customer().isEndConsumer());
        m.put("Customer: VAT registered", d -> d.customer() == null ? null : d.customer().isTaxSubject());
        party(m, "Issuer", Document::issuer);
        m.put("Note", Document::note);
        m.put("Payment terms", Document::paymentTerms);
        m.put("Tax clause", Document::taxClause);
        m.put("Footer", Document::footer);
        m.put("Signature", Document::signature);
        m.put("Voided at", Document::voidedAt);
        m.put("Created at", Document::createdAt);
        m.put("Updated at", Document::updatedAt);
        return m;
    }

    /**
     * The expected value of a tax column header such as {@code Tax base 9.5 %}, or null if the
     * header is not a tax column.
     */
    public static Function<Document, Object> taxColumn(String header) {
        boolean base = header.startsWith("Tax base ");
        boolean amount = !base && header.startsWith("Tax ");
        if (!base && !amount || !header.endsWith(" %")) {
            return null;
        }
        BigDecimal rate = new BigDecimal(header.substring(base ? 9 : 4, header.length() - 2));
        return d -> {
            BigDecimal sum = null;
            for (TaxSummary t : d.taxes()) {
                if (t.rate().compareTo(rate) == 0) {
                    BigDecimal v = base ? t.base() : t.amount();
                    sum = sum == null ? v : sum.add(v);
                }
            }
            return sum;
        };
    }

    private static void party(Map<String, Function<Document, Object>> m, String prefix, Function<Document, Party> of) {
        m.put(prefix + ": Name", d -> of.apply(d) == null ? null : of.apply(d).name());
        m.put(prefix + ": Address", d -> of.apply(d) == null ? null : of.apply(d).address());
        m.put(prefix + ": Address line 2", d -> of.apply(d) == null ? null : of.apply(d).address2());
        m.put(prefix + ": Post code", d -> of.apply(d) == null ? null : of.apply(d).postCode());
        m.put(prefix + ": City", d -> of.apply(d) == null ? null : of.apply(d).city());
        m.put(prefix + ": State/region", d -> of.apply(d) == null ? null : of.apply(d).state());
        m.put(prefix + ": Country", d -> of.apply(d) == null ? null : of.apply(d).country());
        m.put(prefix + ": Country code", d -> of.apply(d) == null ? null : of.apply(d).countryCode());
        m.put(prefix + ": Tax number", d -> of.apply(d) == null ? null : of.apply(d).taxNumber());
        m.put(prefix + ": Company number", d -> of.apply(d) == null ? null : of.apply(d).companyNumber());
        m.put(prefix + ": Email", d -> of.apply(d) == null ? null : of.apply(d).email());
        m.put(prefix + ": Phone", d -> of.apply(d) == null ? null : of.apply(d).phone());
    }
}
