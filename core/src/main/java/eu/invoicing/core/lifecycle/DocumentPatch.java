package eu.invoicing.core.lifecycle;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
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
 * the version. Its fields are the field catalogue's own constants: any {@link DocumentField#isPatchable()
 * patchable} {@link DocumentField} may be set, so a new patchable field needs no change here.
 *
 * <p>Immutable and thread-safe.
 */
public final class DocumentPatch {
    private final Map<DocumentField, Object> values;
    private final String changeReason;
    /** The request's {@code linked_documents}, null when absent (not a field of the document: relations are). */
    private final List<String> linkedDocuments;

    private DocumentPatch(Map<DocumentField, Object> values, String changeReason) {
        this(values, changeReason, null);
    }

    private DocumentPatch(Map<DocumentField, Object> values, String changeReason, List<String> linkedDocuments) {
        EnumMap<DocumentField, Object> copy = new EnumMap<>(DocumentField.class);
        copy.putAll(values);
        this.values = Collections.unmodifiableMap(copy);
        this.changeReason = changeReason;
        this.linkedDocuments = linkedDocuments == null ? null : List.copyOf(linkedDocuments);
    }

    /**
     * Builds a patch as {@link #of(DocumentDraft, Collection, String)} does, plus the request's
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
    public static DocumentPatch of(DocumentDraft values, Collection<String> present, String changeReason,
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

    /**
     * Checks a value for a field before it is applied, so that a field an update cannot change, or a value of
     * another type, is bad input naming the field, not a failure while the update runs.
     *
     * @return the value, lists and maps copied
     * @throws ValidationException (code {@code not_updatable}) for a field that is not
     *     {@link DocumentField#isPatchable() patchable}, (code {@code invalid_type}) naming the field, item or
     *     metadata key for a value of another type
     */
    private static Object check(DocumentField field, Object value) {
        String wireName = field.wireName();
        if (!field.isPatchable()) {
            throw ValidationException.of(wireName, "not_updatable", "cannot be changed by an update (allowed: "
                    + allowed() + ")");
        }
        if (value == null) {
            return null;
        }
        Class<?> type = field.valueType();
        if (!type.isInstance(value)) {
            throw ValidationException.of(wireName, "invalid_type", "expected " + expected(type) + ", was "
                    + value.getClass().getSimpleName() + " " + Violation.quote(value));
        }
        if (type == List.class) {
            // Each element must be of the list's type (a line, an allowance or charge, a payment means...).
            Class<?> element = field.elementType();
            ViolationCollector problems = new ViolationCollector();
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (element == null || !element.isInstance(item)) {
                    problems.add(wireName + "[" + i + "]", "invalid_type", "expected " + (element == LineItem.class
                            ? "a line item" : "a " + (element == null ? "value" : element.getSimpleName())) + ", was "
                            + (item == null ? "null" : item.getClass().getSimpleName() + " " + Violation.quote(item)));
                }
            }
            problems.throwIfAny();
            return List.copyOf(list);
        }
        if (type == Map.class) {
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

    private static String expected(Class<?> type) {
        if (type == LocalDate.class) {
            return "a date (LocalDate)";
        }
        if (type == List.class) {
            return "a list of line items";
        }
        if (type == Map.class) {
            return "a map of text to text";
        }
        if (type == Boolean.class) {
            return "true or false (Boolean)";
        }
        return "a " + type.getSimpleName();
    }

    private static String allowed() {
        return DocumentField.patchable().stream().map(DocumentField::wireName).collect(Collectors.joining(", "));
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a patch from parsed request values and the names present in the request (so that an explicit
     * null clears and an absent field is untouched).
     *
     * @param values the request body read as a draft (absent and null fields are null), not null
     * @param present the wire names present in the body, not null; {@code change_reason} is ignored here
     * @param changeReason the reason recorded in the version, nullable
     * @return the patch
     * @throws ValidationException naming every present field that an update cannot change
     */
    public static DocumentPatch of(DocumentDraft values, Collection<String> present, String changeReason) {
        ViolationCollector problems = new ViolationCollector();
        Map<DocumentField, Object> map = new EnumMap<>(DocumentField.class);
        for (String name : present) {
            if ("change_reason".equals(name)) {
                continue;
            }
            DocumentField f = DocumentField.ofWireName(name);
            if (f == null || !f.isPatchable()) {
                problems.add(name, "not_updatable", "cannot be changed by an update (allowed: " + allowed() + ")");
                continue;
            }
            Object v = f.get(values.values());
            if (f.valueType() == Map.class && v instanceof Map<?, ?> m && m.isEmpty()) {
                v = null;
            }
            try {
                map.put(f, check(f, v));
            } catch (ValidationException e) {
                e.violations().forEach(problems::add);
            }
        }
        problems.throwIfAny();
        return new DocumentPatch(map, changeReason);
    }

    /** @return the fields this patch sets, in catalogue order (absent fields are not listed) */
    public Set<DocumentField> fields() {
        return values.keySet();
    }

    /** @return true when the patch sets the field (possibly to null) */
    boolean has(DocumentField f) {
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
        values.forEach((f, v) -> f.set(b, v));
        return b;
    }

    /** Mutable, single-thread builder of {@link DocumentPatch}: each call marks the field as present. */
    public static final class Builder {
        private final Map<DocumentField, Object> values = new EnumMap<>(DocumentField.class);
        private String changeReason;
        private List<String> linkedDocuments;

        private Builder() {
        }

        /**
         * Sets any field of the catalogue that an update may change.
         *
         * @param field the field, not null, {@link DocumentField#isPatchable() patchable}
         * @param value the new value (null clears), of the field's {@link DocumentField#valueType() type}
         * @return this
         * @throws ValidationException (code {@code not_updatable}) for a field an update cannot change,
         *     (code {@code invalid_type}) for a value of another type, naming the field
         */
        public Builder set(DocumentField field, Object value) {
            java.util.Objects.requireNonNull(field, "field");
            values.put(field, check(field, value));
            return this;
        }

        /**
         * Replaces the note.
         *
         * @param v new note, null clears
         * @return this builder
         */
        public Builder note(String v) {
            return set(DocumentField.NOTE, v);
        }

        /**
         * Replaces all the lines.
         *
         * @param v new items (replace all), not null, no null item
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         */
        public Builder items(List<LineItem> v) {
            return set(DocumentField.ITEMS, java.util.Objects.requireNonNull(v, "items"));
        }

        /**
         * Replaces the customer.
         *
         * @param v new customer, null clears
         * @return this builder
         */
        public Builder customer(Party v) {
            return set(DocumentField.CUSTOMER, v);
        }

        /**
         * Replaces the document date.
         *
         * @param v new date, null resets to today
         * @return this builder
         */
        public Builder date(LocalDate v) {
            return set(DocumentField.DATE, v);
        }

        /**
         * Replaces the due date.
         *
         * @param v new due date, null clears
         * @return this builder
         */
        public Builder dateDue(LocalDate v) {
            return set(DocumentField.DATE_DUE, v);
        }

        /**
         * Replaces the custom key-value data.
         *
         * @param v new metadata (replaces all), null clears
         * @return this builder
         */
        public Builder metadata(Map<String, String> v) {
            return set(DocumentField.METADATA, v);
        }

        /**
         * Replaces the payment terms.
         *
         * @param v new payment terms, null clears
         * @return this builder
         */
        public Builder paymentTerms(String v) {
            return set(DocumentField.PAYMENT_TERMS, v);
        }

        /**
         * Replaces the reference.
         *
         * @param v new reference, null clears
         * @return this builder
         */
        public Builder reference(String v) {
            return set(DocumentField.REFERENCE, v);
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
