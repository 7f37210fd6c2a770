package eu.invoicing.postgres;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.query.DocumentFields;
import eu.invoicing.core.query.FieldType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
 * enough to be stored in line (docs/postgres.md, The schema and why: one heap row, no TOAST table write). Numbers compare as {@code numeric}, text {@code COLLATE "C"}
 * (code point order, what {@link String#compareTo} gives for every character outside the surrogate range).
 */
final class DerivedColumns {
    /** Separates the values of the search text; a search containing it is checked value by value. */
    static final char SEPARATOR = '\u001f';
    /** Thread-safe once configured; generators it creates are used by one thread each. */
    private static final JsonFactory JSON = new JsonFactory();

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
        // Streamed, not built as a tree and then printed: half the work, a fraction of the garbage, per save.
        StringWriter fields = new StringWriter(512);
        StringWriter meta = new StringWriter(64);
        try (JsonGenerator g = JSON.createGenerator(fields)) {
            g.writeStartObject();
            for (String name : DocumentFields.allowedFields()) {
                FieldType type = DocumentFields.typeOf(name);
                if (DocumentFields.isSortable(name)) {
                    Object v = DocumentFields.value(d, name);
                    if (v != null) {
                        g.writeFieldName(name);
                        encode(g, v);
                        if (type == FieldType.STRING) {
                            String text = v.toString();
                            String folded = fold(text);
                            if (!folded.equals(text)) {
                                g.writeStringField("~" + name, folded);
                            }
                        }
                    }
                } else {
                    List<Object> values = DocumentFields.values(d, name);
                    boolean any = false;
                    boolean foldedDiffers = false;
                    for (Object v : values) {
                        if (v != null) {
                            if (!any) {
                                g.writeArrayFieldStart(name);
                                any = true;
                            }
                            encode(g, v);
                            foldedDiffers |= type == FieldType.STRING && !fold(v.toString()).equals(v.toString());
                        }
                    }
                    if (any) {
                        g.writeEndArray();
                    }
                    if (foldedDiffers) {
                        g.writeArrayFieldStart("~" + name);
                        for (Object v : values) {
                            if (v != null) {
                                g.writeString(fold(v.toString()));
                            }
                        }
                        g.writeEndArray();
                    }
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (JsonGenerator g = JSON.createGenerator(meta)) {
            g.writeStartObject();
            g.writeObjectFieldStart("v");
            for (Map.Entry<String, String> e : d.metadata().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("f");
            for (Map.Entry<String, String> e : d.metadata().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue() == null ? null : fold(e.getValue()));
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private static void encode(JsonGenerator g, Object v) throws IOException {
        if (v instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (v instanceof LocalDate date) {
            g.writeNumber(date.toEpochDay());
        } else if (v instanceof Instant i) {
            // As the wire format keeps it (to the millisecond): the document read back compares as stored.
            g.writeNumber(epochNanos(i.truncatedTo(ChronoUnit.MILLIS)));
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
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
