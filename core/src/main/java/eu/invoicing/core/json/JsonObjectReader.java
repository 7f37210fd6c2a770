package eu.invoicing.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.CurrencyCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads the fields of one JSON object, recording every type error with its path instead of stopping at the
 * first, and reporting keys that were never asked for as unknown. A missing key and an explicit null both
 * read as null; {@link #has(String)} tells them apart (PATCH semantics).
 *
 * <p>Mutable, single-thread, one per object read.
 */
final class JsonObjectReader {
    /** Most integer digits of any number read (amounts, prices, quantities, rates). */
    static final int MAX_INTEGER_DIGITS = 15;
    /** Most decimals of any number read; the engine applies the tighter limits of the spec. */
    static final int MAX_SCALE = 20;

    private final JsonNode node;
    private final String path;
    private final ViolationCollector out;
    private final Set<String> seen = new HashSet<>();
    private Set<String> readOnly = Set.of();

    private JsonObjectReader(JsonNode node, String path, ViolationCollector out) {
        this.node = node;
        this.path = path;
        this.out = out;
    }

    /** @return a reader, or null (with a violation) when the node is not an object */
    static JsonObjectReader of(JsonNode node, String path, ViolationCollector out) {
        if (node == null || !node.isObject()) {
            out.add(path, "invalid_type", "must be a JSON object, was " + describe(node));
            return null;
        }
        return new JsonObjectReader(node, path, out);
    }

    String path() {
        return path;
    }

    ViolationCollector violations() {
        return out;
    }

    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        seen.add(key);
        return node.has(key);
    }

    JsonNode raw(String key) {
        seen.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() || readOnly.contains(key) ? null : v;
    }

    /**
     * Marks keys that only the library sets: each one given with a value is reported once as
     * {@code read_only}, and every later read of it answers null (absent). An explicit null is accepted.
     *
     * @param keys the server-owned keys of this object, not null
     * @return this
     */
    JsonObjectReader readOnly(Set<String> keys) {
        readOnly = keys;
        for (String key : keys) {
            seen.add(key);
            JsonNode v = node.get(key);
            if (v != null && !v.isNull()) {
                out.add(at(key), "read_only", "is set by the library and cannot be given in a request");
            }
        }
        return this;
    }

    /** An ISO 4217 code, parsed here into a {@link CurrencyCode}; an invalid one is reported and read as null. */
    CurrencyCode currency(String key) {
        String s = string(key);
        CurrencyCode c = CurrencyCode.lookup(s);
        if (s != null && c == null) {
            out.add(CurrencyCode.violation(s, at(key)));
        }
        return c;
    }

    String string(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            out.add(at(key), "invalid_type", "must be a string, was " + describe(v));
            return null;
        }
        return v.textValue();
    }

    BigDecimal decimal(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            out.add(at(key), "invalid_type", "must be a number, was " + describe(v));
            return null;
        }
        BigDecimal value;
        try {
            value = v.decimalValue();
        } catch (NumberFormatException | ArithmeticException e) {
            out.add(at(key), "invalid_number", "is not a representable decimal number");
            return null;
        }
        // Bounds keep every later multiplication and rounding cheap (an exponent of 10^9 would not be).
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            out.add(at(key), "out_of_range", "must be below 10^" + MAX_INTEGER_DIGITS + ", was " + describe(v));
            return null;
        }
        if (value.scale() > MAX_SCALE && value.stripTrailingZeros().scale() > MAX_SCALE) {
            out.add(at(key), "scale", "at most " + MAX_SCALE + " decimal places, was " + describe(v));
            return null;
        }
        return value;
    }

    Boolean bool(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            out.add(at(key), "invalid_type", "must be true or false, was " + describe(v));
            return null;
        }
        return v.booleanValue();
    }

    Integer integer(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || v.bigIntegerValue().bitLength() > 31) {
            out.add(at(key), "invalid_type", "must be an integer, was " + describe(v));
            return null;
        }
        return v.intValue();
    }

    /** A date given as {@code YYYY-MM-DD} or as an ISO date-time (its UTC date). */
    LocalDate date(String key) {
        String s = string(key);
        if (s == null) {
            return null;
        }
        try {
            return s.length() <= 10 ? LocalDate.parse(s) : OffsetDateTime.parse(s).atZoneSameInstant(ZoneOffset.UTC)
                    .toLocalDate();
        } catch (DateTimeException e) {
            // DateTimeException, not only its parse subclass: a valid date-time may lie outside the range of a
            // date at UTC (+999999999-12-31T23:59:59-18:00).
            out.add(at(key), "invalid_date", "must be YYYY-MM-DD or an ISO 8601 date-time, was " + quote(s));
            return null;
        }
    }

    /** An instant given as an ISO date-time or as {@code YYYY-MM-DD} (midnight UTC). */
    Instant instant(String key) {
        String s = string(key);
        if (s == null) {
            return null;
        }
        try {
            return s.length() <= 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            out.add(at(key), "invalid_date", "must be an ISO 8601 date-time, was " + quote(s));
            return null;
        }
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String s = string(key);
        if (s == null) {
            return null;
        }
        return WireValues.parse(type, s).orElseGet(() -> {
            out.add(at(key), "invalid_value", "must be one of " + WireValues.allowed(type) + ", was " + quote(s));
            return null;
        });
    }

    JsonObjectReader object(String key) {
        JsonNode v = raw(key);
        return v == null ? null : of(v, at(key), out);
    }

    /** Reads an array of objects; null when absent. */
    <T> List<T> objects(String key, BiFunction<JsonObjectReader, Integer, T> element) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            out.add(at(key), "invalid_type", "must be an array, was " + describe(v));
            return null;
        }
        List<T> list = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonObjectReader r = of(v.get(i), at(key) + "[" + i + "]", out);
            if (r != null) {
                T t = element.apply(r, i);
                r.rejectUnknown();
                if (t != null) {
                    list.add(t);
                }
            }
        }
        return list;
    }

    List<String> strings(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            out.add(at(key), "invalid_type", "must be an array of strings, was " + describe(v));
            return null;
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i).isTextual()) {
                list.add(v.get(i).textValue());
            } else {
                out.add(at(key) + "[" + i + "]", "invalid_type", "must be a string, was " + describe(v.get(i)));
            }
        }
        return list;
    }

    /** A flat object of string values (metadata). */
    Map<String, String> stringMap(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            out.add(at(key), "invalid_type", "must be an object of strings, was " + describe(v));
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                map.put(e.getKey(), e.getValue().textValue());
            } else {
                out.add(at(key) + "." + JsonTreeReader.pathKey(e.getKey()), "invalid_type", "values must be strings, was "
                        + describe(e.getValue()));
            }
        });
        return map;
    }

    /** Records every key of the object that no read asked for. */
    void rejectUnknown() {
        node.fieldNames().forEachRemaining(k -> {
            if (!seen.contains(k)) {
                out.add(at(JsonTreeReader.pathKey(k)), "unknown_field", "is not a known field");
            }
        });
    }

    /** A string value quoted for a message, truncated when long. */
    static String quote(String s) {
        return JsonTreeReader.quote(s);
    }

    static String describe(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        JsonNodeType t = v.getNodeType();
        String text = v.toString();
        if (text.length() > 40) {
            text = text.substring(0, 37) + "...";
        }
        return t.name().toLowerCase(java.util.Locale.ROOT) + " " + text;
    }
}
