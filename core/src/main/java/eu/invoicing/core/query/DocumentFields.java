package eu.invoicing.core.query;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentRelation;
import eu.invoicing.core.model.DocumentField;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.Payment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The fields a list query may filter and sort on (the "Allowed fields" of the reference, the union over
 * the five kinds), with their value types and how each is read from a {@link Document}. A field is
 * single-valued (sortable) or multi-valued ({@code items.name}, {@code payments.type}, …; a condition holds
 * when any value satisfies it). {@code metadata.KEY} addresses one metadata value; {@code metadata} all of
 * them; {@code customer} is the customer's directory id and name. The top-level single-valued fields are
 * the {@link DocumentField#queryable() queryable} subset of the field catalogue.
 *
 * <p>Stateless and thread-safe.
 */
public final class DocumentFields {
    /** Prefix of a single metadata key field. */
    public static final String METADATA_PREFIX = "metadata.";

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        top(DocumentField.ID);
        top(DocumentField.NUMBER);
        top(DocumentField.DATE);
        multi("customer", FieldType.STRING, d -> {
            List<Object> values = new ArrayList<>(2);
            if (d.customerId() != null) {
                values.add(d.customerId());
            }
            if (d.customer() != null && d.customer().name() != null) {
                values.add(d.customer().name());
            }
            return values;
        });
        single("customer.name", FieldType.STRING, d -> party(d, Party::name));
        single("customer.email", FieldType.STRING, d -> party(d, Party::email));
        single("customer.address", FieldType.STRING, d -> party(d, Party::address));
        single("customer.city", FieldType.STRING, d -> party(d, Party::city));
        single("customer.country", FieldType.STRING, d -> party(d, Party::country));
        top(DocumentField.TOTAL);
        top(DocumentField.TOTAL_WITH_TAX);
        multi("items.name", FieldType.STRING, d -> items(d, LineItem::name));
        multi("items.description", FieldType.STRING, d -> items(d, LineItem::description));
        multi("payments.type", FieldType.STRING, d -> payments(d, p -> p.type().name().toLowerCase(Locale.ROOT)));
        multi("payments.date", FieldType.DATE, d -> payments(d, Payment::date));
        multi("document_relations.relation_type", FieldType.STRING,
                d -> relations(d, r -> r.relationType().name().toLowerCase(Locale.ROOT)));
        multi("document_relations.target_type", FieldType.STRING,
                d -> relations(d, r -> r.targetType().name().toLowerCase(Locale.ROOT)));
        multi("metadata", FieldType.STRING, d -> new ArrayList<>(d.metadata().values()));
        top(DocumentField.CREATED_AT);
        top(DocumentField.UPDATED_AT);
        top(DocumentField.PAID_IN_FULL);
        top(DocumentField.VOIDED_AT);
        top(DocumentField.TOTAL_PAID);
        top(DocumentField.DATE_DUE);
        top(DocumentField.DATE_VALID_TILL);
        // Every other queryable field of the catalogue, after the reference's order: a field flagged queryable
        // in the model needs no edit here.
        for (DocumentField f : DocumentField.queryable()) {
            if (!FIELDS.containsKey(f.wireName())) {
                top(f);
            }
        }
    }

    private DocumentFields() {
    }

    /** The definition of one queryable field. */
    record Field(String name, FieldType type, boolean multiValued, Function<Document, List<Object>> reader,
            Function<Document, Object> single) {
    }

    /** @return the names of every allowed field, in reference order ({@code metadata.KEY} not listed) */
    public static Set<String> allowedFields() {
        return Collections.unmodifiableSet(FIELDS.keySet());
    }

    /**
     * @param name a field name, nullable
     * @return whether the field may appear in a query (including {@code metadata.KEY})
     */
    public static boolean isAllowed(String name) {
        return find(name).isPresent();
    }

    /**
     * @param name a field name, nullable
     * @return whether the field is single-valued and so may appear in {@code order_by}
     */
    public static boolean isSortable(String name) {
        return find(name).map(f -> !f.multiValued()).orElse(false);
    }

    /**
     * @param name an allowed field name, not null
     * @return its value type
     * @throws IllegalArgumentException when the field is not allowed
     */
    public static FieldType typeOf(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown field " + name)).type();
    }

    /**
     * Reads a field's values. A single-valued field gives a one-element list (the element may be null); a
     * multi-valued field gives its non-null values, or a list of one null when it has none.
     *
     * @param document not null
     * @param name an allowed field name, not null
     * @return the values, never empty
     * @throws IllegalArgumentException when the field is not allowed
     */
    public static List<Object> values(Document document, String name) {
        return valuesReader(name).apply(document);
    }

    /**
     * @param name an allowed field name, not null
     * @return a function doing what {@link #values} does, with the field resolved once
     * @throws IllegalArgumentException when the field is not allowed
     */
    public static Function<Document, List<Object>> valuesReader(String name) {
        Field field = find(name).orElseThrow(() -> new IllegalArgumentException("unknown field " + name));
        if (!field.multiValued()) {
            return field.reader();
        }
        return document -> {
            List<Object> values = field.reader().apply(document);
            values.removeIf(v -> v == null);
            return values.isEmpty() ? Collections.singletonList(null) : values;
        };
    }

    /**
     * @param document not null
     * @param name a sortable field name, not null
     * @return the field's single value, nullable
     */
    public static Object value(Document document, String name) {
        return reader(name).apply(document);
    }

    /**
     * @param name a sortable (single-valued) field name, not null
     * @return a function reading the field's value (nullable) from a document, for repeated use
     * @throws IllegalArgumentException when the field is not allowed or is multi-valued
     */
    public static Function<Document, Object> reader(String name) {
        Field field = find(name).orElseThrow(() -> new IllegalArgumentException("unknown field " + name));
        if (field.multiValued()) {
            throw new IllegalArgumentException("multi-valued field " + name + " has no single value");
        }
        return field.single();
    }

    static Optional<Field> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Field f = FIELDS.get(name);
        if (f != null) {
            return Optional.of(f);
        }
        if (name.startsWith(METADATA_PREFIX) && name.length() > METADATA_PREFIX.length()) {
            String key = name.substring(METADATA_PREFIX.length());
            Function<Document, Object> single = d -> d.metadata().get(key);
            return Optional.of(new Field(name, FieldType.STRING, false,
                    d -> Collections.singletonList(single.apply(d)), single));
        }
        return Optional.empty();
    }

    /** A top-level field of the catalogue, read by its own value (a document id as its text). */
    private static void top(DocumentField f) {
        Function<Document, Object> reader = f.valueType() == DocumentId.class
                ? d -> d.id() == null ? null : d.id().value()
                : f::get;
        single(f.wireName(), typeOf(f), reader);
    }

    /** @return the query type of a catalogue field's value */
    static FieldType typeOf(DocumentField f) {
        Class<?> t = f.valueType();
        if (t == String.class || t == DocumentId.class) {
            return FieldType.STRING;
        } else if (t == LocalDate.class) {
            return FieldType.DATE;
        } else if (t == Instant.class) {
            return FieldType.INSTANT;
        } else if (t == BigDecimal.class) {
            return FieldType.DECIMAL;
        } else if (t == Boolean.class) {
            return FieldType.BOOLEAN;
        }
        throw new ExceptionInInitializerError("queryable field " + f.wireName() + " has a value type ("
                + t.getSimpleName() + ") a query cannot compare");
    }

    private static void single(String name, FieldType type, Function<Document, Object> reader) {
        FIELDS.put(name, new Field(name, type, false, d -> Collections.singletonList(reader.apply(d)), reader));
    }

    private static void multi(String name, FieldType type, Function<Document, List<Object>> reader) {
        FIELDS.put(name, new Field(name, type, true, reader, null));
    }

    private static Object party(Document d, Function<Party, String> getter) {
        return d.customer() == null ? null : getter.apply(d.customer());
    }

    private static List<Object> items(Document d, Function<LineItem, Object> getter) {
        List<Object> out = new ArrayList<>(d.items().size());
        for (LineItem item : d.items()) {
            out.add(getter.apply(item));
        }
        return out;
    }

    private static List<Object> payments(Document d, Function<Payment, Object> getter) {
        List<Object> out = new ArrayList<>(d.payments().size());
        for (Payment p : d.payments()) {
            if (p.isLive()) {
                out.add(getter.apply(p));
            }
        }
        return out;
    }

    private static List<Object> relations(Document d, Function<DocumentRelation, Object> getter) {
        List<Object> out = new ArrayList<>(d.documentRelations().size());
        for (DocumentRelation r : d.documentRelations()) {
            out.add(getter.apply(r));
        }
        return out;
    }
}
