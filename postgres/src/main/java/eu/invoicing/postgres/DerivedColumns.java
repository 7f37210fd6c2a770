package eu.invoicing.postgres;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.query.DocumentFields;
import eu.invoicing.core.query.FieldType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The columns a document is queried by, derived from it when it is saved: {@code fields} (every queryable field
 * of {@link DocumentFields} by name, in a form the database compares exactly as the in-memory evaluator does),
 * {@code meta} (its metadata object under {@code v}, case-folded under {@code f}) and the search text. Stateless, thread-safe.
 *
 * <p>Encoding, per field type: text as itself, plus its case-folded copy under {@code "~" + name} for the
 * case-insensitive operators where folding changes it (else the operators read the text itself); decimals as JSON numbers; dates as their epoch day; instants as epoch nanoseconds
 * (exact, where {@code timestamptz} would round to microseconds; to the millisecond, as the wire format keeps them,
 * so that a document derived before it is written compares as when read back); booleans as JSON booleans. A multi-valued
 * field is an array of its non-null values. A field without a value (null, or no values) has no entry at all: the
 * query translator reads an absent entry as the null (or the empty array) it stands for, and the row stays small
 * enough to be stored in line (docs/postgres.md, Units of work: one document row, no TOAST table write). Numbers compare as {@code numeric}, text {@code COLLATE "C"}
 * (code point order, what {@link String#compareTo} gives for every character outside the surrogate range).
 */
final class DerivedColumns {
    /** Separates the values of the search text; a search containing it is checked value by value. */
    static final char SEPARATOR = '\u001f';

    final String fields;
    final String meta;
    final String searchText;
    final String[] searchValues;

    private DerivedColumns(String fields, String meta, String searchText, String[] searchValues) {
        this.fields = fields;
        this.meta = meta;
        this.searchText = searchText;
        this.searchValues = searchValues;
    }

    static DerivedColumns of(Document d) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode fields = f.objectNode();
        for (String name : DocumentFields.allowedFields()) {
            FieldType type = DocumentFields.typeOf(name);
            if (DocumentFields.isSortable(name)) {
                Object v = DocumentFields.value(d, name);
                if (v != null) {
                    fields.set(name, encode(f, v));
                    if (type == FieldType.STRING) {
                        String folded = fold(v.toString());
                        if (!folded.equals(v.toString())) {
                            fields.put("~" + name, folded);
                        }
                    }
                }
            } else {
                ArrayNode values = null;
                ArrayNode folded = null;
                boolean foldedDiffers = false;
                for (Object v : DocumentFields.values(d, name)) {
                    if (v != null) {
                        if (values == null) {
                            values = fields.putArray(name);
                            folded = type == FieldType.STRING ? f.arrayNode() : null;
                        }
                        values.add(encode(f, v));
                        if (folded != null) {
                            String text = fold(v.toString());
                            foldedDiffers |= !text.equals(v.toString());
                            folded.add(text);
                        }
                    }
                }
                if (foldedDiffers) {
                    fields.set("~" + name, folded);
                }
            }
        }
        ObjectNode meta = f.objectNode();
        ObjectNode values = meta.putObject("v");
        ObjectNode folded = meta.putObject("f");
        for (Map.Entry<String, String> e : d.metadata().entrySet()) {
            values.put(e.getKey(), e.getValue());
            folded.put(e.getKey(), e.getValue() == null ? null : fold(e.getValue()));
        }
        List<String> search = searchValues(d);
        return new DerivedColumns(fields.toString(), meta.toString(), String.join(String.valueOf(SEPARATOR), search),
                search.toArray(new String[0]));
    }

    /** @return the value as the database compares it (see the class comment) */
    static Object sqlValue(Object v) {
        if (v instanceof LocalDate date) {
            return BigDecimal.valueOf(date.toEpochDay());
        } else if (v instanceof Instant i) {
            return epochNanos(i);
        }
        return v;
    }

    private static com.fasterxml.jackson.databind.JsonNode encode(JsonNodeFactory f, Object v) {
        if (v == null) {
            return f.nullNode();
        } else if (v instanceof BigDecimal b) {
            return f.numberNode(b);
        } else if (v instanceof LocalDate date) {
            return f.numberNode(date.toEpochDay());
        } else if (v instanceof Instant i) {
            // As the wire format keeps it (to the millisecond): the document read back compares as stored.
            return f.numberNode(epochNanos(i.truncatedTo(ChronoUnit.MILLIS)));
        } else if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        return f.textNode(v.toString());
    }

    private static BigDecimal epochNanos(Instant i) {
        return BigDecimal.valueOf(i.getEpochSecond()).multiply(BigDecimal.valueOf(1_000_000_000L))
                .add(BigDecimal.valueOf(i.getNano()));
    }

    /**
     * Folds case character by character as {@link String#regionMatches(boolean, int, String, int, int)} compares:
     * two texts of equal length match ignoring case exactly when their folded forms are equal.
     */
    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(Character.toLowerCase(Character.toUpperCase(s.charAt(i))));
        }
        return out.toString();
    }

    /** The folded texts the free-text search looks in (those of QueryEvaluator.matchesSearch). */
    private static List<String> searchValues(Document d) {
        List<String> out = new ArrayList<>();
        add(out, d.number(), d.note(), d.paymentTerms(), d.reference(), d.taxClause(), d.footer(), d.signature(),
                d.customerId());
        Party p = d.customer();
        if (p != null) {
            add(out, p.name(), p.address(), p.address2(), p.postCode(), p.city(), p.state(), p.country(),
                    p.countryCode(), p.taxNumber(), p.companyNumber(), p.email(), p.phone());
        }
        for (LineItem item : d.items()) {
            add(out, item.name(), item.description(), item.unit());
            item.metadata().values().forEach(v -> add(out, v));
        }
        d.metadata().values().forEach(v -> add(out, v));
        return out;
    }

    private static void add(List<String> out, String... values) {
        for (String v : values) {
            if (v != null) {
                out.add(fold(v));
            }
        }
    }
}
