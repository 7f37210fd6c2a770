package eu.invoicing.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict readers of the fields of a JSON operation (a batch line): a value of the wrong JSON type is refused
 * with {@code invalid_type} at its path, never coerced ({@code 10.7} is not the integer 10, {@code "yes"} is
 * not {@code true}, an object is not the empty string), and keys nobody reads are {@code unknown_field}.
 * An absent key and an explicit {@code null} both read as absent.
 *
 * <p>Stateless and thread-safe.
 */
final class OpFields {
    /** Longest excerpt of a value quoted in a message. */
    private static final int MAX_QUOTED = 40;

    private OpFields() {
    }

    /** @return {@code prefix.field}, or {@code field} when the prefix is empty */
    static String at(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    private static JsonNode value(JsonNode parent, String field) {
        JsonNode v = parent == null ? null : parent.get(field);
        return v == null || v.isNull() ? null : v;
    }

    /**
     * @return the string, or null when absent and not required
     * @throws ValidationException {@code required} or {@code invalid_type} at {@code prefix.field}
     */
    static String text(JsonNode parent, String prefix, String field, boolean required) {
        JsonNode v = value(parent, field);
        if (v == null) {
            if (required) {
                throw ValidationException.of(at(prefix, field), "required", "is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw ValidationException.of(at(prefix, field), "invalid_type", "must be a string, was " + describe(v));
        }
        return v.textValue();
    }

    /**
     * @return the boolean, or null when absent
     * @throws ValidationException {@code invalid_type} at {@code prefix.field}
     */
    static Boolean bool(JsonNode parent, String prefix, String field) {
        JsonNode v = value(parent, field);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw ValidationException.of(at(prefix, field), "invalid_type", "must be true or false, was " + describe(v));
        }
        return v.booleanValue();
    }

    /** @return the boolean, {@code false} when absent */
    static boolean flag(JsonNode parent, String prefix, String field) {
        return Boolean.TRUE.equals(bool(parent, prefix, field));
    }

    /**
     * An integer in {@code [min, max]}. A JSON number with a fraction or an exponent ({@code 10.7}, {@code 10.0},
     * {@code 1e3}) is not an integer.
     *
     * @return the integer, or null when absent
     * @throws ValidationException {@code invalid_type} or {@code out_of_range} at {@code prefix.field}
     */
    static Integer integer(JsonNode parent, String prefix, String field, int min, int max) {
        JsonNode v = value(parent, field);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw ValidationException.of(at(prefix, field), "invalid_type", "must be an integer, was " + describe(v));
        }
        if (!v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw ValidationException.of(at(prefix, field), "out_of_range", (max == Integer.MAX_VALUE
                    ? "must be >= " + min : "must be " + min + "-" + max) + ", was " + describe(v));
        }
        return v.intValue();
    }

    /**
     * @return the object, or null when absent and not required
     * @throws ValidationException {@code required} or {@code invalid_type} at {@code prefix.field}
     */
    static ObjectNode object(JsonNode parent, String prefix, String field, boolean required) {
        JsonNode v = value(parent, field);
        if (v == null) {
            if (required) {
                throw ValidationException.of(at(prefix, field), "required", "an object is required");
            }
            return null;
        }
        if (!v.isObject()) {
            throw ValidationException.of(at(prefix, field), "invalid_type", "must be an object, was " + describe(v));
        }
        return (ObjectNode) v;
    }

    /**
     * @throws ValidationException {@code unknown_field} for every key of {@code node} outside {@code known}
     */
    static void onlyKnown(JsonNode node, String prefix, Set<String> known) {
        if (node == null) {
            return;
        }
        List<Violation> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                unknown.add(Violation.of(at(prefix, k), "unknown_field", "is not a field of this operation"));
            }
        });
        if (!unknown.isEmpty()) {
            throw new ValidationException(unknown);
        }
    }

    /** The JSON type an operation field must have, wherever it appears (docs/batch.md). */
    enum Kind {
        TEXT("a string"), OBJECT("an object"), TEXT_OR_OBJECT("an object or its JSON text"), BOOLEAN("true or false"),
        INTEGER("an integer"), ARRAY("an array"), TEXT_OR_ARRAY("an array of strings or a comma list");

        private final String expected;

        Kind(String expected) {
            this.expected = expected;
        }

        boolean accepts(JsonNode v) {
            return switch (this) {
                case TEXT -> v.isTextual();
                case OBJECT -> v.isObject();
                case TEXT_OR_OBJECT -> v.isTextual() || v.isObject();
                case BOOLEAN -> v.isBoolean();
                case INTEGER -> v.isIntegralNumber();
                case ARRAY -> v.isArray();
                case TEXT_OR_ARRAY -> v.isTextual() || v.isArray();
            };
        }
    }

    /**
     * Checks an operation's own fields before any of it runs, so that one line reports every bad field at
     * once: keys outside {@code allowed} ({@code unknown_field}), absent {@code required} ones ({@code
     * required}), and values of the wrong JSON type for their {@code kinds} ({@code invalid_type}). Ranges and
     * values are checked afterwards, as each field is read.
     *
     * @throws ValidationException listing every violation, when there is one
     */
    static void precheck(ObjectNode op, Set<String> allowed, Set<String> required, Map<String, Kind> kinds) {
        List<Violation> problems = new ArrayList<>();
        op.fields().forEachRemaining(e -> {
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (!allowed.contains(k)) {
                problems.add(Violation.of(k, "unknown_field", "is not a field of this operation"));
            } else if (!v.isNull() && kinds.containsKey(k) && !kinds.get(k).accepts(v)) {
                problems.add(Violation.of(k, "invalid_type", "must be " + kinds.get(k).expected + ", was "
                        + describe(v)));
            }
        });
        for (String k : required) {
            if (value(op, k) == null) {
                problems.add(Violation.of(k, "required", "is required"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** @return the value as JSON for a message, cut to a few dozen characters */
    static String describe(JsonNode v) {
        String text = v == null ? "null" : v.toString();
        return text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED - 3) + "..." : text;
    }
}
