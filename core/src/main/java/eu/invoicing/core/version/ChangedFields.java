package eu.invoicing.core.version;

import eu.invoicing.core.model.DeliveryNote;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Estimate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Computes the top-level wire field names that differ between two states of a document, for a version's
 * {@code changed_fields}. Amounts compare by value ({@code compareTo}), so {@code 10} and {@code 10.00} are
 * the same; bookkeeping fields ({@code updated_at}) are not reported.
 *
 * <p>Stateless and thread-safe.
 */
public final class ChangedFields {
    private static final Map<String, Function<Document, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("number", Document::number);
        FIELDS.put("is_draft", Document::isDraft);
        FIELDS.put("date", Document::date);
        FIELDS.put("date_due", Document::dateDue);
        FIELDS.put("date_service", Document::dateService);
        FIELDS.put("date_service_to", Document::dateServiceTo);
        FIELDS.put("date_valid_till", d -> d instanceof Estimate e ? e.dateValidTill() : null);
        FIELDS.put("title_type", d -> d instanceof Estimate e ? e.titleType() : null);
        FIELDS.put("hide_prices", d -> d instanceof DeliveryNote n ? n.hidePrices() : null);
        FIELDS.put("issuer", Document::issuer);
        FIELDS.put("customer_id", Document::customerId);
        FIELDS.put("customer", Document::customer);
        FIELDS.put("items", Document::items);
        FIELDS.put("note", Document::note);
        FIELDS.put("payment_terms", Document::paymentTerms);
        FIELDS.put("tax_clause", Document::taxClause);
        FIELDS.put("footer", Document::footer);
        FIELDS.put("signature", Document::signature);
        FIELDS.put("reference", Document::reference);
        FIELDS.put("currency_code", Document::currencyCode);
        FIELDS.put("calculation_mode", Document::calculationMode);
        FIELDS.put("creation_source", Document::creationSource);
        FIELDS.put("exchange_rate", Document::exchangeRate);
        FIELDS.put("transaction_type", Document::transactionType);
        FIELDS.put("total", Document::total);
        FIELDS.put("total_with_tax", Document::totalWithTax);
        FIELDS.put("total_discount", Document::totalDiscount);
        FIELDS.put("taxes", Document::taxes);
        FIELDS.put("total_converted", Document::totalConverted);
        FIELDS.put("total_with_tax_converted", Document::totalWithTaxConverted);
        FIELDS.put("rounding_correction", Document::roundingCorrection);
        FIELDS.put("total_paid", Document::totalPaid);
        FIELDS.put("total_due", Document::totalDue);
        FIELDS.put("paid_in_full", Document::paidInFull);
        FIELDS.put("payments", Document::payments);
        FIELDS.put("document_relations", Document::documentRelations);
        FIELDS.put("metadata", Document::metadata);
        FIELDS.put("shareable_id", Document::shareableId);
        FIELDS.put("voided_at", Document::voidedAt);
        FIELDS.put("deleted_at", Document::deletedAt);
        FIELDS.put("furs", Document::furs);
        FIELDS.put("fina", Document::fina);
        FIELDS.put("vies", Document::vies);
    }

    private ChangedFields() {
    }

    /**
     * @param before the earlier state, not null
     * @param after the later state, not null
     * @return the wire names of the top-level fields that differ, in wire order; empty when none
     */
    public static List<String> between(Document before, Document after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        List<String> changed = new ArrayList<>();
        FIELDS.forEach((name, getter) -> {
            if (!same(getter.apply(before), getter.apply(after))) {
                changed.add(name);
            }
        });
        return List.copyOf(changed);
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
