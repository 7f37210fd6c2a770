package eu.invoicing.core.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.Document;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates and copies the key (nulls allowed). */
    public Cursor {
        Objects.requireNonNull(ordering, "ordering");
        key = Collections.unmodifiableList(new ArrayList<>(key));
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
        ObjectNode root = JSON.createObjectNode();
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
     * @param text a cursor from a previous page, not null
     * @param path the parameter name used in errors ({@code next_cursor} / {@code prev_cursor}), not null
     * @param order the ordering of the current request, not null
     * @return the decoded cursor
     * @throws ValidationException when the text is not a cursor or was made for another ordering
     */
    public static Cursor decode(String text, String path, SortOrder order) {
        Cursor c;
        try {
            JsonNode root = JSON.readTree(Base64.getUrlDecoder().decode(text));
            List<Object> key = new ArrayList<>();
            for (JsonNode pair : root.required("k")) {
                String tag = pair.get(0).asText();
                String v = pair.size() > 1 ? pair.get(1).asText() : null;
                key.add(switch (tag) {
                    case "z" -> null;
                    case "d" -> new BigDecimal(v);
                    case "t" -> LocalDate.parse(v);
                    case "i" -> Instant.parse(v);
                    case "b" -> Boolean.valueOf(v);
                    case "s" -> v;
                    default -> throw new IllegalArgumentException(tag);
                });
            }
            c = new Cursor(root.required("o").asText(), "n".equals(root.required("d").asText()), key);
        } catch (IOException | RuntimeException e) {
            throw ValidationException.of(path, "invalid_cursor", "is not a cursor returned by this list");
        }
        if (!c.ordering.equals(order.canonical()) || c.key.size() != order.fields().size()) {
            throw ValidationException.of(path, "cursor_ordering_mismatch", "the cursor was made for order_by \""
                    + c.ordering + "\", not \"" + order.canonical() + "\"");
        }
        return c;
    }
}
