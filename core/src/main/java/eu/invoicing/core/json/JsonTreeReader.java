package eu.invoicing.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.ViolationCollector;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a JSON tree from a parser token by token, so that what the tree holds never depends on how the
 * parser or the host's mapper is configured: decimals are kept exactly as written ({@code 12.30} stays
 * {@code 12.30}, {@code 0.12345678901234567890} keeps every digit), a key given twice in one object is refused
 * ({@code duplicate_key} at its path), nesting and number length are bounded, and parser failures are
 * reported in the library's own words with line and column, never with the parser's class or feature names.
 *
 * <p>Every problem of the tree is reported before any field is read: a tree with problems is not read
 * further.
 *
 * <p>Mutable, single-thread, one per tree read.
 */
final class JsonTreeReader {
    /** Deepest nesting of objects and arrays accepted (a document needs five levels). */
    static final int MAX_DEPTH = 64;
    /** Longest number accepted, in characters. */
    static final int MAX_NUMBER_LENGTH = 64;
    /** Longest token or key quoted in a message. */
    private static final int MAX_QUOTED = 20;
    /** Longest key written whole in a path. */
    private static final int MAX_PATH_KEY = 64;

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("^Unexpected character \\('(.+?)' \\(code (\\d+)");
    private static final Pattern CLOSE_MARKER = Pattern.compile("^Unexpected close marker '(.)'");
    private static final Pattern BAD_TOKEN = Pattern.compile("^(?:Unrecognized|Non-standard) token '(.*?)'");
    private static final Pattern CONTROL = Pattern.compile("^Illegal (unquoted )?character \\(\\(CTRL-CHAR, code (\\d+)");

    private final JsonParser parser;
    private final ViolationCollector out;

    /** Thrown to stop reading at a problem after which the rest of the input cannot be read. */
    private static final class Abort extends Exception {
        private static final long serialVersionUID = 1L;

        Abort() {
            super(null, null, false, false);
        }
    }

    private JsonTreeReader(JsonParser parser, ViolationCollector out) {
        this.parser = parser;
        this.out = out;
    }

    /**
     * Reads one value: the one at the parser's current token (an object whose start was already consumed
     * when the current token is a field name), or the next one when there is no current token.
     *
     * @param parser not null
     * @param whole true when nothing may follow the value (a whole input); false inside a host's stream
     * @param out where problems are added, not null
     * @return the tree, or null when a problem was added
     * @throws IOException when the underlying input fails (not for malformed JSON)
     */
    static JsonNode read(JsonParser parser, boolean whole, ViolationCollector out) throws IOException {
        JsonTreeReader reader = new JsonTreeReader(parser, out);
        int before = out.violations().size();
        try {
            JsonToken t = parser.currentToken() == null ? parser.nextToken() : parser.currentToken();
            if (t == null) {
                throw reader.malformed(parser.currentLocation(), "the input is empty");
            }
            JsonNode root = t == JsonToken.FIELD_NAME ? reader.objectFrom(t, "", 1) : reader.value(t, "", 0);
            if (whole) {
                JsonToken next = parser.nextToken();
                if (next != null) {
                    throw reader.malformed(parser.currentTokenLocation(), "unexpected content after the JSON value");
                }
            }
            return out.violations().size() == before ? root : null;
        } catch (JsonProcessingException e) {
            out.add("", "malformed_json", message(e));
            return null;
        } catch (Abort e) {
            return null;
        }
    }

    private JsonNode value(JsonToken t, String path, int depth) throws IOException, Abort {
        switch (t) {
            case START_OBJECT:
                return objectFrom(parser.nextToken(), path, depth + 1);
            case START_ARRAY:
                return array(path, depth + 1);
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return number(t, path);
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT:
                return embedded(path);
            default:
                throw malformed(parser.currentTokenLocation(), "unexpected " + t.asString());
        }
    }

    /** An object whose start was consumed; {@code t} is its first field name or its end. */
    private JsonNode objectFrom(JsonToken t, String path, int depth) throws IOException, Abort {
        checkDepth(path, depth);
        ObjectNode object = NODES.objectNode();
        for (; t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
            String key = parser.currentName();
            String at = path.isEmpty() ? pathKey(key) : path + "." + pathKey(key);
            JsonNode v = value(next(), at, depth);
            if (object.has(key)) {
                out.add(at, "duplicate_key", "the key " + quote(key) + " is given more than once");
            } else {
                object.set(key, v);
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw malformed(parser.currentTokenLocation(), "unexpected " + (t == null ? "end of input" : t.asString()));
        }
        return object;
    }

    private JsonNode array(String path, int depth) throws IOException, Abort {
        checkDepth(path, depth);
        ArrayNode array = NODES.arrayNode();
        JsonToken t;
        for (int i = 0; (t = next()) != JsonToken.END_ARRAY; i++) {
            array.add(value(t, path + "[" + i + "]", depth));
        }
        return array;
    }

    private JsonToken next() throws IOException, Abort {
        JsonToken t = parser.nextToken();
        if (t == null) {
            throw malformed(parser.currentLocation(), "unexpected end of input");
        }
        return t;
    }

    private void checkDepth(String path, int depth) throws Abort {
        if (depth > MAX_DEPTH) {
            out.add("", "too_deep", "objects and arrays may be nested at most " + MAX_DEPTH
                    + " levels; the input is nested deeper than " + MAX_DEPTH + " levels");
            throw new Abort();
        }
    }

    /**
     * Numbers are taken from their text, whatever the parser was told to make of floats, so that the value
     * and its scale are exactly what was written.
     */
    private JsonNode number(JsonToken t, String path) throws IOException {
        if (parser.getTextLength() > MAX_NUMBER_LENGTH) {
            out.add(path, "out_of_range", "numbers may have at most " + MAX_NUMBER_LENGTH + " characters, was "
                    + parser.getTextLength());
            return NODES.nullNode();
        }
        try {
            if (t == JsonToken.VALUE_NUMBER_INT) {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            if (parser.isNaN()) {
                throw new NumberFormatException();
            }
            return NODES.numberNode(parser.getDecimalValue());
        } catch (NumberFormatException | ArithmeticException | JsonProcessingException e) {
            out.add(path, "invalid_number", "is not a representable decimal number, was " + quote(parser.getText()));
            return NODES.nullNode();
        }
    }

    /** A value a host's buffering parser holds as an object: only numbers are meaningful here. */
    private JsonNode embedded(String path) throws IOException {
        Object o = parser.getEmbeddedObject();
        if (o instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (o instanceof Number n) {
            try {
                return NODES.numberNode(new BigDecimal(n.toString()));
            } catch (NumberFormatException e) {
                // falls through to the violation
            }
        }
        out.add(path, "invalid_type", "is not a JSON value");
        return NODES.nullNode();
    }

    private Abort malformed(JsonLocation at, String what) {
        out.add("", "malformed_json", where(at, 0) + ": " + what);
        return new Abort();
    }

    /** Our wording of a parser failure: where it happened and what was found, nothing of the parser. */
    static String message(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return where(e.getLocation(), 0) + ": the input exceeds the parser's limits";
        }
        if (e instanceof JsonEOFException || original.startsWith("Unexpected end-of-input")) {
            return where(e.getLocation(), 0) + ": unexpected end of input";
        }
        Matcher m = BAD_TOKEN.matcher(original);
        if (m.find()) {
            String token = m.group(1);
            return where(e.getLocation(), token.length()) + ": unexpected " + (token.length() == 1 ? "character "
                    : "token ") + "'" + truncate(token) + "'";
        }
        m = UNEXPECTED_CHAR.matcher(original);
        if (m.find()) {
            int code = Integer.parseInt(m.group(2));
            return where(e.getLocation(), 0) + ": unexpected " + character(code);
        }
        m = CLOSE_MARKER.matcher(original);
        if (m.find()) {
            return where(e.getLocation(), 0) + ": unexpected character '" + m.group(1) + "'";
        }
        m = CONTROL.matcher(original);
        if (m.find()) {
            String c = String.format("U+%04X", Integer.parseInt(m.group(2)));
            return where(e.getLocation(), 0) + ": " + (m.group(1) != null
                    ? "unescaped control character " + c + " in a string" : "unexpected control character " + c);
        }
        if (original.startsWith("Invalid numeric value") || original.contains("Leading zeroes")
                || original.contains("Numeric value")) {
            return where(e.getLocation(), 0) + ": invalid number";
        }
        if (original.startsWith("Unrecognized character escape") || original.contains("escape")) {
            return where(e.getLocation(), 0) + ": invalid escape sequence in a string";
        }
        if (original.contains("UTF-8") || original.contains("UTF8")) {
            return where(e.getLocation(), 0) + ": invalid UTF-8";
        }
        return where(e.getLocation(), 0) + ": not valid JSON";
    }

    private static String where(JsonLocation at, int tokenLength) {
        if (at == null || at.getLineNr() < 1) {
            return "malformed JSON";
        }
        // For an unknown token the parser stands after it; the message points at its first character.
        int column = Math.max(1, at.getColumnNr() - tokenLength);
        return "malformed JSON at line " + at.getLineNr() + ", column " + column;
    }

    private static String character(int code) {
        if (code < 0x20 || code == 0x7f) {
            return String.format("control character U+%04X", code);
        }
        return "character '" + new String(Character.toChars(code)) + "'";
    }

    private static String truncate(String s) {
        return s.length() <= MAX_QUOTED ? s : s.substring(0, MAX_QUOTED) + "...";
    }

    /** A key as it appears in a path: whole up to {@value #MAX_PATH_KEY} characters, truncated beyond. */
    static String pathKey(String key) {
        return key.length() <= MAX_PATH_KEY ? key : key.substring(0, MAX_PATH_KEY) + "...";
    }

    static String quote(String s) {
        return s == null ? "null" : "\"" + truncate(s) + "\"";
    }
}
