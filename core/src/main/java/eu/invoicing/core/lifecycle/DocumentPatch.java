package eu.invoicing.core.lifecycle;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.CalculationMode;
import eu.invoicing.core.model.DeliveryNote;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Estimate;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.TitleType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An update with PATCH semantics (spec/lifecycle.md "update"): a field that is absent is left alone, a field
 * set to null is cleared, {@code items} replaces every item. Carries the {@code change_reason} recorded in
 * the version.
 *
 * <p>Immutable and thread-safe.
 */
public final class DocumentPatch {
    /** The fields an update may change, with their wire names. */
    public enum Field {
        /** {@code date}. */
        DATE("date", Document::date, (b, v) -> b.date((LocalDate) v)),
        /** {@code date_due}. */
        DATE_DUE("date_due", Document::dateDue, (b, v) -> b.dateDue((LocalDate) v)),
        /** {@code date_service}. */
        DATE_SERVICE("date_service", Document::dateService, (b, v) -> b.dateService((LocalDate) v)),
        /** {@code date_service_to}. */
        DATE_SERVICE_TO("date_service_to", Document::dateServiceTo, (b, v) -> b.dateServiceTo((LocalDate) v)),
        /** {@code date_valid_till} (estimates). */
        DATE_VALID_TILL("date_valid_till", d -> d instanceof Estimate e ? e.dateValidTill() : null,
                (b, v) -> b.dateValidTill((LocalDate) v)),
        /** {@code title_type} (estimates). */
        TITLE_TYPE("title_type", d -> d instanceof Estimate e ? e.titleType() : null,
                (b, v) -> b.titleType((TitleType) v)),
        /** {@code hide_prices} (delivery notes). */
        HIDE_PRICES("hide_prices", d -> d instanceof DeliveryNote n ? n.hidePrices() : null,
                (b, v) -> b.hidePrices((Boolean) v)),
        /** {@code issuer}. */
        ISSUER("issuer", Document::issuer, (b, v) -> b.issuer((Party) v)),
        /** {@code customer_id}. */
        CUSTOMER_ID("customer_id", Document::customerId, (b, v) -> b.customerId((String) v)),
        /** {@code customer}. */
        CUSTOMER("customer", Document::customer, (b, v) -> b.customer((Party) v)),
        /** {@code items}: replaces every item. */
        ITEMS("items", Document::items, (b, v) -> b.items(castItems(v))),
        /** {@code note}. */
        NOTE("note", Document::note, (b, v) -> b.note((String) v)),
        /** {@code payment_terms}. */
        PAYMENT_TERMS("payment_terms", Document::paymentTerms, (b, v) -> b.paymentTerms((String) v)),
        /** {@code tax_clause}. */
        TAX_CLAUSE("tax_clause", Document::taxClause, (b, v) -> b.taxClause((String) v)),
        /** {@code footer}. */
        FOOTER("footer", Document::footer, (b, v) -> b.footer((String) v)),
        /** {@code signature}. */
        SIGNATURE("signature", Document::signature, (b, v) -> b.signature((String) v)),
        /** {@code reference}. */
        REFERENCE("reference", Document::reference, (b, v) -> b.reference((String) v)),
        /** {@code currency_code}. */
        CURRENCY_CODE("currency_code", Document::currencyCode, (b, v) -> b.currencyCode((String) v)),
        /** {@code calculation_mode}. */
        CALCULATION_MODE("calculation_mode", Document::calculationMode,
                (b, v) -> b.calculationMode((CalculationMode) v)),
        /** {@code exchange_rate}. */
        EXCHANGE_RATE("exchange_rate", Document::exchangeRate, (b, v) -> b.exchangeRate((ExchangeRate) v)),
        /** {@code metadata}: replaces the whole map; null clears it. */
        METADATA("metadata", Document::metadata, (b, v) -> b.metadata(castMap(v)));

        private final String wireName;
        private final Function<Document, Object> getter;
        private final BiConsumer<Document.Builder, Object> setter;

        Field(String wireName, Function<Document, Object> getter, BiConsumer<Document.Builder, Object> setter) {
            this.wireName = wireName;
            this.getter = getter;
            this.setter = setter;
        }

        /** @return the wire name */
        public String wireName() {
            return wireName;
        }

        static Field ofWireName(String name) {
            for (Field f : values()) {
                if (f.wireName.equals(name)) {
                    return f;
                }
            }
            return null;
        }
    }

    private final Map<Field, Object> values;
    private final String changeReason;

    private DocumentPatch(Map<Field, Object> values, String changeReason) {
        EnumMap<Field, Object> copy = new EnumMap<>(Field.class);
        copy.putAll(values);
        this.values = Collections.unmodifiableMap(copy);
        this.changeReason = changeReason;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a patch from parsed request values and the names present in the request (so that an explicit
     * null clears and an absent field is untouched).
     *
     * @param values the request body read as a document (absent and null fields are null), not null
     * @param present the wire names present in the body, not null; {@code change_reason} is ignored here
     * @param changeReason the reason recorded in the version, nullable
     * @return the patch
     * @throws ValidationException naming every present field that an update cannot change
     */
    public static DocumentPatch of(Document values, Collection<String> present, String changeReason) {
        ViolationCollector problems = new ViolationCollector();
        Map<Field, Object> map = new EnumMap<>(Field.class);
        for (String name : present) {
            if ("change_reason".equals(name)) {
                continue;
            }
            Field f = Field.ofWireName(name);
            if (f == null) {
                problems.add(name, "not_updatable", "cannot be changed by an update (allowed: "
                        + java.util.Arrays.stream(Field.values()).map(Field::wireName).collect(Collectors.joining(", "))
                        + ")");
                continue;
            }
            Object v = f.getter.apply(values);
            if (f == Field.METADATA && v instanceof Map<?, ?> m && m.isEmpty()) {
                v = null;
            }
            map.put(f, v);
        }
        problems.throwIfAny();
        return new DocumentPatch(map, changeReason);
    }

    /** @return the fields this patch sets (absent fields are not listed) */
    public Set<Field> fields() {
        return values.keySet();
    }

    /** @return true when the patch sets the field (possibly to null) */
    boolean has(Field f) {
        return values.containsKey(f);
    }

    /** @return the reason recorded in the version, nullable */
    public String changeReason() {
        return changeReason;
    }

    /**
     * @param document the current state, not null
     * @return a builder of the document with every present field applied
     */
    Document.Builder applyTo(Document document) {
        Document.Builder b = document.toBuilder();
        values.forEach((f, v) -> f.setter.accept(b, v));
        return b;
    }

    @SuppressWarnings("unchecked")
    private static List<LineItem> castItems(Object v) {
        return v == null ? List.of() : (List<LineItem>) v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> castMap(Object v) {
        return v == null ? Map.of() : (Map<String, String>) v;
    }

    /** Mutable, single-thread builder of {@link DocumentPatch}: each call marks the field as present. */
    public static final class Builder {
        private final Map<Field, Object> values = new EnumMap<>(Field.class);
        private String changeReason;

        private Builder() {
        }

        /**
         * @param field the field, not null
         * @param value the new value (null clears), of the field's type
         * @return this
         */
        public Builder set(Field field, Object value) {
            values.put(java.util.Objects.requireNonNull(field, "field"), value);
            return this;
        }

        /** @param v new note, null clears @return this */
        public Builder note(String v) {
            return set(Field.NOTE, v);
        }

        /** @param v new items (replace all), not null @return this */
        public Builder items(List<LineItem> v) {
            return set(Field.ITEMS, List.copyOf(v));
        }

        /** @param v new customer, null clears @return this */
        public Builder customer(Party v) {
            return set(Field.CUSTOMER, v);
        }

        /** @param v new date, null resets to today @return this */
        public Builder date(LocalDate v) {
            return set(Field.DATE, v);
        }

        /** @param v new due date, null clears @return this */
        public Builder dateDue(LocalDate v) {
            return set(Field.DATE_DUE, v);
        }

        /** @param v new metadata (replaces all), null clears @return this */
        public Builder metadata(Map<String, String> v) {
            return set(Field.METADATA, v == null ? null : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(v)));
        }

        /** @param v new payment terms, null clears @return this */
        public Builder paymentTerms(String v) {
            return set(Field.PAYMENT_TERMS, v);
        }

        /** @param v new reference, null clears @return this */
        public Builder reference(String v) {
            return set(Field.REFERENCE, v);
        }

        /** @param v the reason recorded in the version, nullable @return this */
        public Builder changeReason(String v) {
            changeReason = v;
            return this;
        }

        /** @return the patch */
        public DocumentPatch build() {
            return new DocumentPatch(values, changeReason);
        }
    }
}
