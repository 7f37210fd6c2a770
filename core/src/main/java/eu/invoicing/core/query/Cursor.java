package eu.invoicing.core.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A position in an ordered list: the sort-key values of a boundary document, the ordering they belong to
 * and the direction to walk. Encoded as an opaque URL-safe string; decoding checks that the cursor was made
 * for the same ordering (another ordering is a validation error).
 *
 * <p>Immutable and thread-safe.
 *
 * @param ordering the canonical ordering the key belongs to, not null
 * @param forward true for a {@code next_cursor} (documents after the key), false for a {@code prev_cursor}
 * @param key the boundary document's sort-key values, one per ordering field (nullable values)
 */
public record Cursor(String ordering, boolean forward, List<Object> key) {
    /** Longest cursor text accepted (far above any cursor this library makes). */
    public static final int MAX_LENGTH = 65_536;
    /** Immutable and thread-safe (a shared mapper could be reconfigured). */
    private static final ObjectReader JSON = new ObjectMapper().reader();

    /**
     * Validates and copies the key (nulls allowed).
     *
     * @param ordering the canonical ordering the key belongs to, not null
     * @param forward true for a {@code next_cursor} (documents after the key), false for a {@code prev_cursor}
     * @param key the boundary document's sort-key values, one per ordering field (nullable values)
     * @throws NullPointerException if a component documented as not null is null
     */
    public Cursor {
        Objects.requireNonNull(ordering, "ordering");
        key = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(key, "key")));
    }

    /**
     * @param order the ordering, not null
     * @param boundary the document the cursor points past, not null
     * @param forward next (true) or previous (false)
     * @return the cursor
     */
    public static Cursor at(SortOrder order, Document boundary, boolean forward) {
        List<Object> key = new ArrayList<>(order.fields().size());
        for (SortField f : order.fields()) {
            key.add(DocumentFields.value(boundary, f.field()));
        }
        return new Cursor(order.canonical(), forward, key);
    }

    /** @return the opaque, URL-safe text form */
    public String encode() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("o", ordering);
        root.put("d", forward ? "n" : "p");
        ArrayNode k = root.putArray("k");
        for (Object v : key) {
            ArrayNode pair = k.addArray();
            if (v == null) {
                pair.add("z");
            } else if (v instanceof BigDecimal b) {
                pair.add("d").add(b.toPlainString());
            } else if (v instanceof LocalDate d) {
                pair.add("t").add(d.toString());
            } else if (v instanceof Instant i) {
                pair.add("i").add(i.toString());
            } else if (v instanceof Boolean b) {
                pair.add("b").add(b.toString());
            } else {
                pair.add("s").add(v.toString());
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(root.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor, checking all of it: Base64url, the JSON shape, the ordering it was made for, the number
     * of key values and each value's type against its sort field (a cursor is opaque, so anything else was
     * forged or damaged and is refused before a store sees it).
     *
     * @param text a cursor from a previous page, nullable
     * @param path the parameter name used in errors ({@code next_cursor} / {@code prev_cursor}), not null
     * @param order the ordering of the current request, not null
     * @return the decoded cursor
     * @throws ValidationException {@code invalid_cursor} when the text is not a cursor of this ordering,
     *     {@code cursor_ordering_mismatch} when it was made for another ordering
     */
    public static Cursor decode(String text, String path, SortOrder order) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(order, "order");
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            throw invalid(path);
        }
        JsonNode root;
        try {
            root = JSON.readTree(Base64.getUrlDecoder().decode(text));
        } catch (IOException | IllegalArgumentException e) {
            throw invalid(path);
        }
        JsonNode o = root == null ? null : root.get("o");
        JsonNode d = root == null ? null : root.get("d");
        JsonNode k = root == null ? null : root.get("k");
        if (root == null || !root.isObject() || root.size() != 3 || o == null || !o.isTextual() || d == null
                || !d.isTextual() || !"n".equals(d.asText()) && !"p".equals(d.asText()) || k == null || !k.isArray()) {
            throw invalid(path);
        }
        if (!o.asText().equals(order.canonical())) {
            throw mismatch(path, o.asText(), order);
        }
        List<SortField> fields = order.fields();
        if (k.size() != fields.size()) {
            throw invalid(path);
        }
        List<Object> key = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            key.add(value(k.get(i), DocumentFields.typeOf(fields.get(i).field()), path));
        }
        return new Cursor(o.asText(), "n".equals(d.asText()), key);
    }

    /**
     * Checks a cursor built in code against the ordering of a request (see {@link #decode}).
     *
     * @throws ValidationException as {@link #decode} does
     */
    static void check(Cursor cursor, SortOrder order, String path) {
        if (!cursor.ordering().equals(order.canonical())) {
            throw mismatch(path, cursor.ordering(), order);
        }
        List<SortField> fields = order.fields();
        if (cursor.key().size() != fields.size()) {
            throw invalid(path);
        }
        for (int i = 0; i < fields.size(); i++) {
            Object v = cursor.key().get(i);
            if (v != null && !DocumentFields.typeOf(fields.get(i).field()).javaType().isInstance(v)) {
                throw invalid(path);
            }
        }
    }

    private static Object value(JsonNode pair, FieldType type, String path) {
        if (pair == null || !pair.isArray() || pair.isEmpty() || pair.size() > 2 || !pair.get(0).isTextual()) {
            throw invalid(path);
        }
        String tag = pair.get(0).asText();
        if ("z".equals(tag)) {
            if (pair.size() != 1) {
                throw invalid(path);
            }
            return null;
        }
        if (pair.size() != 2 || !pair.get(1).isTextual() || !tag.equals(tag(type))) {
            throw invalid(path);
        }
        String v = pair.get(1).asText();
        try {
            return switch (type) {
                case STRING -> v;
                case DECIMAL -> new BigDecimal(v);
                case DATE -> LocalDate.parse(v);
                case INSTANT -> Instant.parse(v);
                case BOOLEAN -> {
                    if (!"true".equals(v) && !"false".equals(v)) {
                        throw invalid(path);
                    }
                    yield Boolean.valueOf(v);
                }
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw invalid(path);
        }
    }

    private static String tag(FieldType type) {
        return switch (type) {
            case STRING -> "s";
            case DECIMAL -> "d";
            case DATE -> "t";
            case INSTANT -> "i";
            case BOOLEAN -> "b";
        };
    }

    private static ValidationException invalid(String path) {
        return ValidationException.of(path, "invalid_cursor", "is not a cursor returned by this list");
    }

    private static ValidationException mismatch(String path, String ordering, SortOrder order) {
        return ValidationException.of(path, "cursor_ordering_mismatch", "the cursor was made for order_by "
                + Violation.quote(ordering) + ", not \"" + order.canonical() + "\"");
    }
}
