package eu.invoicing.core.lifecycle;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentField;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An update with PATCH semantics (docs/lifecycle.md, "Decisions where the spec is silent": PATCH): a field that is absent is left alone, a field
 * set to null is cleared, {@code items} replaces every item. Carries the {@code change_reason} recorded in
 * the version.
 *
 * <p>Immutable and thread-safe.
 */
public final class DocumentPatch {
    /** The fields an update may change, with their wire names. */
    public enum Field {
        /** {@code date}. */
        DATE(DocumentField.DATE),
        /** {@code date_due}. */
        DATE_DUE(DocumentField.DATE_DUE),
        /** {@code date_service}. */
        DATE_SERVICE(DocumentField.DATE_SERVICE),
        /** {@code date_service_to}. */
        DATE_SERVICE_TO(DocumentField.DATE_SERVICE_TO),
        /** {@code date_valid_till} (estimates). */
        DATE_VALID_TILL(DocumentField.DATE_VALID_TILL),
        /** {@code title_type} (estimates). */
        TITLE_TYPE(DocumentField.TITLE_TYPE),
        /** {@code hide_prices} (delivery notes). */
        HIDE_PRICES(DocumentField.HIDE_PRICES),
        /** {@code issuer}. */
        ISSUER(DocumentField.ISSUER),
        /** {@code customer_id}. */
        CUSTOMER_ID(DocumentField.CUSTOMER_ID),
        /** {@code customer}. */
        CUSTOMER(DocumentField.CUSTOMER),
        /** {@code items}: replaces every item. */
        ITEMS(DocumentField.ITEMS),
        /** {@code note}. */
        NOTE(DocumentField.NOTE),
        /** {@code payment_terms}. */
        PAYMENT_TERMS(DocumentField.PAYMENT_TERMS),
        /** {@code tax_clause}. */
        TAX_CLAUSE(DocumentField.TAX_CLAUSE),
        /** {@code footer}. */
        FOOTER(DocumentField.FOOTER),
        /** {@code signature}. */
        SIGNATURE(DocumentField.SIGNATURE),
        /** {@code reference}. */
        REFERENCE(DocumentField.REFERENCE),
        /** {@code currency_code}. */
        CURRENCY_CODE(DocumentField.CURRENCY_CODE),
        /** {@code calculation_mode}. */
        CALCULATION_MODE(DocumentField.CALCULATION_MODE),
        /** {@code exchange_rate}. */
        EXCHANGE_RATE(DocumentField.EXCHANGE_RATE),
        /** {@code metadata}: replaces the whole map; null clears it. */
        METADATA(DocumentField.METADATA);

        static {
            // The constants are the catalogue's patchable subset, in its order: fail at once if they drift.
            List<DocumentField> mine = new java.util.ArrayList<>();
            for (Field f : values()) {
                mine.add(f.field);
            }
            if (!mine.equals(DocumentField.patchable())) {
                throw new ExceptionInInitializerError("DocumentPatch.Field " + mine
                        + " is not the catalogue's patchable subset " + DocumentField.patchable());
            }
        }

        private final DocumentField field;
        private final String wireName;
        private final Class<?> type;

        Field(DocumentField field) {
            this.field = field;
            this.wireName = field.wireName();
            this.type = field.valueType();
        }

        /** @return the catalogue field this update field changes */
        public DocumentField field() {
            return field;
        }

        /** @return the type a value of this field has ({@code List} of {@link LineItem}, {@code Map} of strings) */
        public Class<?> valueType() {
            return type;
        }

        /**
         * Checks a value for this field before it is applied, so that a value of another type is bad input
         * naming the field, not a failure while the update runs.
         *
         * @return the value, lists and maps copied
         * @throws ValidationException (code {@code invalid_type}) naming the field, item or metadata key
         */
        Object check(Object value) {
            if (value == null) {
                return null;
            }
            if (!type.isInstance(value)) {
                throw ValidationException.of(wireName, "invalid_type", "expected " + expected() + ", was "
                        + value.getClass().getSimpleName() + " " + Violation.quote(value));
            }
            if (this == ITEMS) {
                ViolationCollector problems = new ViolationCollector();
                List<?> list = (List<?>) value;
                for (int i = 0; i < list.size(); i++) {
                    Object item = list.get(i);
                    if (!(item instanceof LineItem)) {
                        problems.add(wireName + "[" + i + "]", "invalid_type", "expected a line item, was "
                                + (item == null ? "null"
                                        : item.getClass().getSimpleName() + " " + Violation.quote(item)));
                    }
                }
                problems.throwIfAny();
                return List.copyOf(list);
            }
            if (this == METADATA) {
                ViolationCollector problems = new ViolationCollector();
                Map<String, String> copy = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    if (!(e.getKey() instanceof String key)) {
                        problems.add(wireName, "invalid_type", "keys must be text, was " + Violation.quote(e.getKey()));
                    } else if (!(e.getValue() instanceof String v)) {
                        problems.add(wireName + "." + key, "invalid_type", "values must be text, was "
                                + Violation.quote(e.getValue()));
                    } else {
                        copy.put(key, v);
                    }
                }
                problems.throwIfAny();
                return Collections.unmodifiableMap(copy);
            }
            return value;
        }

        private String expected() {
            return switch (this) {
                case DATE, DATE_DUE, DATE_SERVICE, DATE_SERVICE_TO, DATE_VALID_TILL -> "a date (LocalDate)";
                case ITEMS -> "a list of line items";
                case METADATA -> "a map of text to text";
                case HIDE_PRICES -> "true or false (Boolean)";
                default -> "a " + type.getSimpleName();
            };
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
    /** The request's {@code linked_documents}, null when absent (not a field of the document: relations are). */
    private final List<String> linkedDocuments;

    private DocumentPatch(Map<Field, Object> values, String changeReason) {
        this(values, changeReason, null);
    }

    private DocumentPatch(Map<Field, Object> values, String changeReason, List<String> linkedDocuments) {
        EnumMap<Field, Object> copy = new EnumMap<>(Field.class);
        copy.putAll(values);
        this.values = Collections.unmodifiableMap(copy);
        this.changeReason = changeReason;
        this.linkedDocuments = linkedDocuments == null ? null : List.copyOf(linkedDocuments);
    }

    /**
     * Builds a patch as {@link #of(Document, Collection, String)} does, plus the request's
     * {@code linked_documents} (docs/lifecycle.md, "Linked documents": the listed documents are linked to the
     * updated one as on create; relations already there stay).
     *
     * @param values the request body read as a document, not null
     * @param present the wire names present in the body, not null; {@code linked_documents} may be among them
     * @param changeReason the reason recorded in the version, nullable
     * @param linkedDocuments the ids to link, nullable (absent)
     * @return the patch
     * @throws ValidationException naming every present field that an update cannot change
     */
    public static DocumentPatch of(Document values, Collection<String> present, String changeReason,
            List<String> linkedDocuments) {
        List<String> others = new java.util.ArrayList<>(present);
        boolean linking = others.remove("linked_documents");
        DocumentPatch p = of(values, others, changeReason);
        return linking ? new DocumentPatch(p.values, changeReason, linkedDocuments == null ? List.of()
                : linkedDocuments) : p;
    }

    /** @return the ids the update links (docs/lifecycle.md, "Linked documents"), null when absent */
    public List<String> linkedDocuments() {
        return linkedDocuments;
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
            Object v = f.field.get(values);
            if (f == Field.METADATA && v instanceof Map<?, ?> m && m.isEmpty()) {
                v = null;
            }
            try {
                map.put(f, f.check(v));
            } catch (ValidationException e) {
                e.violations().forEach(problems::add);
            }
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
        values.forEach((f, v) -> f.field.set(b, v));
        return b;
    }

    /** Mutable, single-thread builder of {@link DocumentPatch}: each call marks the field as present. */
    public static final class Builder {
        private final Map<Field, Object> values = new EnumMap<>(Field.class);
        private String changeReason;
        private List<String> linkedDocuments;

        private Builder() {
        }

        /**
         * @param field the field, not null
         * @param value the new value (null clears), of the field's {@link Field#valueType() type}
         * @return this
         * @throws ValidationException (code {@code invalid_type}) for a value of another type, naming the field
         */
        public Builder set(Field field, Object value) {
            java.util.Objects.requireNonNull(field, "field");
            values.put(field, field.check(value));
            return this;
        }

        /**
         * Replaces the note.
         *
         * @param v new note, null clears
         * @return this builder
         */
        public Builder note(String v) {
            return set(Field.NOTE, v);
        }

        /**
         * Replaces all the lines.
         *
         * @param v new items (replace all), not null, no null item
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         */
        public Builder items(List<LineItem> v) {
            return set(Field.ITEMS, java.util.Objects.requireNonNull(v, "items"));
        }

        /**
         * Replaces the customer.
         *
         * @param v new customer, null clears
         * @return this builder
         */
        public Builder customer(Party v) {
            return set(Field.CUSTOMER, v);
        }

        /**
         * Replaces the document date.
         *
         * @param v new date, null resets to today
         * @return this builder
         */
        public Builder date(LocalDate v) {
            return set(Field.DATE, v);
        }

        /**
         * Replaces the due date.
         *
         * @param v new due date, null clears
         * @return this builder
         */
        public Builder dateDue(LocalDate v) {
            return set(Field.DATE_DUE, v);
        }

        /**
         * Replaces the custom key-value data.
         *
         * @param v new metadata (replaces all), null clears
         * @return this builder
         */
        public Builder metadata(Map<String, String> v) {
            return set(Field.METADATA, v);
        }

        /**
         * Replaces the payment terms.
         *
         * @param v new payment terms, null clears
         * @return this builder
         */
        public Builder paymentTerms(String v) {
            return set(Field.PAYMENT_TERMS, v);
        }

        /**
         * Replaces the reference.
         *
         * @param v new reference, null clears
         * @return this builder
         */
        public Builder reference(String v) {
            return set(Field.REFERENCE, v);
        }

        /**
         * Sets the reason recorded in the new version.
         *
         * @param v the reason recorded in the version, nullable
         * @return this builder
         */
        public Builder changeReason(String v) {
            changeReason = v;
            return this;
        }

        /**
         * Links documents to the updated one, as {@code linked_documents} on create does.
         *
         * @param v the document ids, not null
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         */
        public Builder linkedDocuments(List<String> v) {
            linkedDocuments = List.copyOf(java.util.Objects.requireNonNull(v, "linkedDocuments"));
            return this;
        }

        /** @return the patch */
        public DocumentPatch build() {
            return new DocumentPatch(values, changeReason, linkedDocuments);
        }
    }
}
