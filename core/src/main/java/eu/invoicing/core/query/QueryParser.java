package eu.invoicing.core.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Parses the list {@code query} parameter (JSON with Mongo-style operators, docs/lifecycle.md "Lists and
 * queries") into a {@link Condition} tree with typed operands. Every unknown field, unknown operator or
 * malformed operand is reported (path {@code query.FIELD} or {@code query.FIELD.OPERATOR}) in one
 * {@link ValidationException}.
 *
 * <p>Forms: {@code {"total": 10}} (equals), {@code {"total": {"gte": 10, "lt": 20}}} (all must hold),
 * {@code {"date": {"between": ["2025-01-01", "2025-12-31"]}}}, {@code {"metadata": {"erp": "42"}}} (a
 * metadata key; also {@code {"metadata.erp": {"startsWith": "4"}}}).
 *
 * <p>Stateless and thread-safe.
 */
public final class QueryParser {
    /** Most field conditions (field × operator pairs) one query may hold. */
    public static final int MAX_CONDITIONS = 100;
    /** Longest text of a number operand (an amount never needs more). */
    private static final int MAX_NUMBER_LENGTH = 100;
    /** Amounts are read exactly (no detour through double). */
    private static final ObjectReader JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build().reader();

    private QueryParser() {
    }

    /**
     * @param json the query JSON, nullable or blank for "match everything"
     * @return the parsed tree (an empty {@link AllOf} when there is no query)
     * @throws ValidationException when the JSON is malformed or names an unknown field or operator
     */
    public static Condition parse(String json) {
        if (json == null || json.isBlank()) {
            return new AllOf(List.of());
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw ValidationException.of("query", "invalid_json", "is not valid JSON: "
                    + Violation.quote(String.valueOf(e.getOriginalMessage())));
        }
        return parse(root);
    }

    /**
     * @param root a JSON object node, nullable for "match everything"
     * @return the parsed tree
     * @throws ValidationException when the node is not an object or names an unknown field or operator
     */
    public static Condition parse(JsonNode root) {
        if (root == null || root.isNull() || root.isMissingNode()) {
            return new AllOf(List.of());
        }
        if (!root.isObject()) {
            throw ValidationException.of("query", "invalid_query", "must be a JSON object, was " + describe(root));
        }
        int conditions = 0;
        for (JsonNode v : root) {
            conditions += v.isObject() ? Math.max(1, v.size()) : 1;
        }
        if (conditions > MAX_CONDITIONS) {
            throw ValidationException.of("query", "too_many_conditions", "at most " + MAX_CONDITIONS
                    + " conditions, was " + conditions);
        }
        ViolationCollector problems = new ViolationCollector();
        List<Condition> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            field(e.getKey(), e.getValue(), parts, problems);
        }
        problems.throwIfAny();
        return parts.size() == 1 ? parts.get(0) : new AllOf(parts);
    }

    private static void field(String name, JsonNode value, List<Condition> out, ViolationCollector problems) {
        String path = "query." + shortened(name);
        if (!DocumentFields.isAllowed(name)) {
            problems.add(path, "unknown_field", "field " + Violation.quote(name) + " cannot be queried; allowed: "
                    + String.join(", ", DocumentFields.allowedFields()) + ", metadata.KEY");
            return;
        }
        if ("metadata".equals(name) && value.isObject() && !value.isEmpty() && !allOperators((ObjectNode) value)) {
            Iterator<Map.Entry<String, JsonNode>> keys = value.fields();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> k = keys.next();
                field(DocumentFields.METADATA_PREFIX + k.getKey(), k.getValue(), out, problems);
            }
            return;
        }
        FieldType type = DocumentFields.typeOf(name);
        if (!value.isObject()) {
            Object operand = operand(value, type, path, problems);
            out.add(new FieldCondition(name, type, Operator.EQUALS, singleton(operand)));
            return;
        }
        if (value.isEmpty()) {
            problems.add(path, "invalid_query", "needs an operator, was {}");
        }
        Iterator<Map.Entry<String, JsonNode>> ops = value.fields();
        while (ops.hasNext()) {
            Map.Entry<String, JsonNode> o = ops.next();
            String opPath = path + "." + shortened(o.getKey());
            Operator op = Operator.ofWireName(o.getKey()).orElse(null);
            if (op == null) {
                problems.add(opPath, "unknown_operator", "operator " + Violation.quote(o.getKey())
                        + " is not supported; use "
                        + "equals, gte, lte, gt, lt, in, notIn, contains, startsWith, endsWith or between");
                continue;
            }
            condition(name, type, op, o.getValue(), opPath, out, problems);
        }
    }

    private static void condition(String name, FieldType type, Operator op, JsonNode arg, String path,
            List<Condition> out, ViolationCollector problems) {
        if (op.isText() && type != FieldType.STRING) {
            problems.add(path, "operator_not_applicable", op.wireName() + " applies to text fields only");
            return;
        }
        if (op.isRange() && type == FieldType.BOOLEAN) {
            problems.add(path, "operator_not_applicable", op.wireName() + " does not apply to true/false fields");
            return;
        }
        List<Object> operands = new ArrayList<>();
        int before = problems.violations().size();
        switch (op) {
            case IN, NOT_IN -> {
                if (!arg.isArray()) {
                    problems.add(path, "invalid_value", "must be an array, was " + describe(arg));
                    return;
                }
                if (arg.size() > FieldCondition.MAX_OPERANDS) {
                    problems.add(path, "invalid_value", "at most " + FieldCondition.MAX_OPERANDS + " values, was "
                            + arg.size());
                    return;
                }
                for (JsonNode n : arg) {
                    operands.add(operand(n, type, path, problems));
                }
            }
            case BETWEEN -> {
                if (!arg.isArray() || arg.size() != 2 || arg.get(0).isNull() || arg.get(1).isNull()) {
                    problems.add(path, "invalid_value", "must be an array [min, max], was " + describe(arg));
                    return;
                }
                operands.add(operand(arg.get(0), type, path, problems));
                operands.add(operand(arg.get(1), type, path, problems));
            }
            default -> {
                if (arg.isNull() && op != Operator.EQUALS) {
                    problems.add(path, "invalid_value", op.wireName() + " needs a value, was null");
                    return;
                }
                operands.add(operand(arg, type, path, problems));
            }
        }
        if (problems.violations().size() == before) {
            out.add(new FieldCondition(name, type, op, operands));
        }
    }

    private static Object operand(JsonNode n, FieldType type, String path, ViolationCollector problems) {
        if (n.isNull()) {
            return null;
        }
        if (n.isContainerNode()) {
            problems.add(path, "invalid_value", "must be a single value, was " + describe(n));
            return null;
        }
        String text = n.asText();
        try {
            return switch (type) {
                case STRING -> text;
                case DECIMAL -> {
                    if (text.length() > MAX_NUMBER_LENGTH) {
                        throw new IllegalArgumentException("too long");
                    }
                    yield n.isNumber() ? n.decimalValue() : new BigDecimal(text.trim());
                }
                case DATE -> toDate(text);
                case INSTANT -> toInstant(text);
                case BOOLEAN -> {
                    if (n.isBoolean()) {
                        yield n.booleanValue();
                    }
                    if ("true".equals(text) || "false".equals(text)) {
                        yield Boolean.valueOf(text);
                    }
                    throw new IllegalArgumentException(text);
                }
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            problems.add(path, "invalid_value", "expected " + type.label() + ", was " + describe(n));
            return null;
        }
    }

    /**
     * @param text {@code yyyy-MM-dd} or an ISO date-time with offset, not null
     * @return the (UTC) date
     * @throws DateTimeParseException when neither
     */
    static LocalDate toDate(String text) {
        if (text.length() <= 10) {
            return LocalDate.parse(text);
        }
        return OffsetDateTime.parse(text).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * @param text an ISO instant/offset date-time or a date (midnight UTC), not null
     * @return the instant
     * @throws DateTimeParseException when neither
     */
    static Instant toInstant(String text) {
        if (text.length() <= 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    /** A field or operator name for a path, cut so that a path never repeats unbounded input. */
    static String shortened(String name) {
        return name.length() <= Violation.QUOTE_LIMIT ? name : name.substring(0, Violation.QUOTE_LIMIT) + "\u2026";
    }

    /** A JSON value for a message: scalars quoted (cut), containers by size, never the whole (deep) tree. */
    private static String describe(JsonNode n) {
        if (n.isArray()) {
            return "an array of " + n.size() + " element" + (n.size() == 1 ? "" : "s");
        }
        if (n.isObject()) {
            return "an object with " + n.size() + " field" + (n.size() == 1 ? "" : "s");
        }
        return n.isTextual() ? Violation.quote(n.asText()) : Violation.quote((Object) n.asText());
    }

    private static boolean allOperators(ObjectNode node) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            if (Operator.ofWireName(names.next()).isEmpty()) {
                return false;
            }
        }
        return node.size() > 0;
    }

    private static List<Object> singleton(Object o) {
        List<Object> l = new ArrayList<>(1);
        l.add(o);
        return l;
    }
}
