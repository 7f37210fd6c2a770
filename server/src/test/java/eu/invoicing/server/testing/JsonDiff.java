package eu.invoicing.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Field-by-field comparison of two JSON trees that reports every differing path. Numbers compare by value
 * ({@code 8500} equals {@code 8500.00}); fields whose name is in the ignored set are skipped at any depth
 * (present or absent on either side), which is how ids, timestamps and generated numbers are set aside.
 */
public final class JsonDiff {
    private JsonDiff() {
    }

    /**
     * @param expected the expected tree, not null
     * @param actual the actual tree, not null
     * @param ignored names of the fields to skip at any depth, not null
     * @return one line per differing path ({@code items[0].total: expected 1500, was 1400}), empty when equal
     */
    public static List<String> diff(JsonNode expected, JsonNode actual, Set<String> ignored) {
        return diff(expected, actual, ignored, Set.of());
    }

    /**
     * @param expected the expected tree, not null
     * @param actual the actual tree, not null
     * @param ignored names of the fields to skip at any depth, not null
     * @param additions names of fields the actual tree may have where the expected one has none (documented
     *                  additions); when both have the field it is compared, not null
     * @return one line per differing path, empty when equal
     */
    public static List<String> diff(JsonNode expected, JsonNode actual, Set<String> ignored, Set<String> additions) {
        List<String> out = new ArrayList<>();
        walk("", expected, actual, ignored, additions, out);
        return out;
    }

    private static void walk(String at, JsonNode e, JsonNode a, Set<String> ignored, Set<String> additions,
                             List<String> out) {
        if (e.isObject() && a.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            e.fieldNames().forEachRemaining(names::add);
            a.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                if (ignored.contains(n)) {
                    continue;
                }
                String p = at.isEmpty() ? n : at + "." + n;
                if (!e.has(n)) {
                    if (additions.contains(n)) {
                        continue;
                    }
                    out.add(p + ": unexpected, was " + a.get(n));
                } else if (!a.has(n)) {
                    out.add(p + ": missing, expected " + e.get(n));
                } else {
                    walk(p, e.get(n), a.get(n), ignored, additions, out);
                }
            }
        } else if (e.isArray() && a.isArray()) {
            if (e.size() != a.size()) {
                out.add(at + ": expected " + e.size() + " elements, was " + a.size());
            }
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                walk(at + "[" + i + "]", e.get(i), a.get(i), ignored, additions, out);
            }
        } else if (e.isNumber() && a.isNumber()) {
            if (e.decimalValue().compareTo(a.decimalValue()) != 0) {
                out.add(at + ": expected " + e + ", was " + a);
            }
        } else if (!e.equals(a)) {
            out.add(at + ": expected " + e + ", was " + a);
        }
    }

    /** @return the names of an object's fields, in order */
    public static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
