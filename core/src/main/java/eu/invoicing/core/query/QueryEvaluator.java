package eu.invoicing.core.query;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Evaluates a parsed query against documents in memory: the reference semantics that translating stores
 * must reproduce. A condition on a multi-valued field holds when any value satisfies it ({@code notIn}:
 * when no value is in the list). Text operators and search are case-insensitive (character by character,
 * as {@link String#equalsIgnoreCase}).
 * Comparisons are by value (amounts with {@code compareTo}); a null value satisfies only {@code equals null}
 * and {@code notIn} lists without null. Nulls sort before every value.
 *
 * <p>Stateless and thread-safe.
 */
public final class QueryEvaluator {
    private QueryEvaluator() {
    }

    /**
     * @param condition not null
     * @param document not null
     * @return whether the document satisfies the condition
     */
    public static boolean matches(Condition condition, Document document) {
        return compile(condition).test(document);
    }

    /**
     * Resolves the tree once for evaluating it against many documents.
     *
     * @param condition not null
     * @return a predicate equivalent to {@link #matches(Condition, Document)}
     */
    public static Predicate<Document> compile(Condition condition) {
        if (condition instanceof AllOf all) {
            List<Predicate<Document>> parts = new ArrayList<>(all.conditions().size());
            for (Condition c : all.conditions()) {
                parts.add(compile(c));
            }
            return d -> {
                for (Predicate<Document> p : parts) {
                    if (!p.test(d)) {
                        return false;
                    }
                }
                return true;
            };
        }
        FieldCondition fc = (FieldCondition) condition;
        Function<Document, List<Object>> reader = DocumentFields.valuesReader(fc.field());
        return d -> holds(fc, reader.apply(d));
    }

    private static boolean holds(FieldCondition fc, List<Object> values) {
        if (fc.operator() == Operator.NOT_IN) {
            for (Object v : values) {
                if (in(v, fc.operands())) {
                    return false;
                }
            }
            return true;
        }
        for (Object v : values) {
            if (test(fc, v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param search the search text, nullable (null matches everything)
     * @param document not null
     * @return whether any text field (number, parties, items, notes, metadata values, …) contains the text,
     *     ignoring case
     */
    public static boolean matchesSearch(String search, Document document) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String needle = search;
        if (has(document.number(), needle) || has(document.note(), needle) || has(document.paymentTerms(), needle)
                || has(document.reference(), needle) || has(document.taxClause(), needle)
                || has(document.footer(), needle) || has(document.signature(), needle)
                || has(document.customerId(), needle) || party(document.customer(), needle)) {
            return true;
        }
        for (LineItem item : document.items()) {
            if (has(item.name(), needle) || has(item.description(), needle) || has(item.unit(), needle)) {
                return true;
            }
            for (String v : item.metadata().values()) {
                if (has(v, needle)) {
                    return true;
                }
            }
        }
        for (String v : document.metadata().values()) {
            if (has(v, needle)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param order not null
     * @return a total comparator for the ordering (id breaks every tie)
     */
    public static Comparator<Document> comparator(SortOrder order) {
        Objects.requireNonNull(order, "order");
        return (a, b) -> {
            for (SortField f : order.fields()) {
                int c = compareNullsFirst(DocumentFields.value(a, f.field()), DocumentFields.value(b, f.field()));
                if (c != 0) {
                    return f.descending() ? -c : c;
                }
            }
            return 0;
        };
    }

    /**
     * @param order not null
     * @param document not null
     * @param key a cursor key of the same ordering, not null
     * @return negative when the document sorts before the key, 0 at the key, positive after it
     */
    public static int compareToKey(SortOrder order, Document document, List<Object> key) {
        List<SortField> fields = order.fields();
        for (int i = 0; i < fields.size(); i++) {
            SortField f = fields.get(i);
            int c = compareNullsFirst(DocumentFields.value(document, f.field()), key.get(i));
            if (c != 0) {
                return f.descending() ? -c : c;
            }
        }
        return 0;
    }

    private static boolean test(FieldCondition fc, Object v) {
        Object arg = fc.operand();
        return switch (fc.operator()) {
            case EQUALS -> v == null ? arg == null : arg != null && compare(v, arg) == 0;
            case IN -> in(v, fc.operands());
            case NOT_IN -> !in(v, fc.operands());
            case GT -> v != null && compare(v, arg) > 0;
            case GTE -> v != null && compare(v, arg) >= 0;
            case LT -> v != null && compare(v, arg) < 0;
            case LTE -> v != null && compare(v, arg) <= 0;
            case BETWEEN -> v != null && compare(v, fc.operands().get(0)) >= 0
                    && compare(v, fc.operands().get(1)) <= 0;
            case CONTAINS -> v != null && containsIgnoreCase(v.toString(), arg.toString());
            case STARTS_WITH -> v != null && v.toString().regionMatches(true, 0, arg.toString(), 0,
                    arg.toString().length());
            case ENDS_WITH -> v != null && v.toString().length() >= arg.toString().length()
                    && v.toString().regionMatches(true, v.toString().length() - arg.toString().length(),
                            arg.toString(), 0, arg.toString().length());
        };
    }

    private static boolean in(Object v, List<Object> operands) {
        for (Object o : operands) {
            if (v == null ? o == null : o != null && compare(v, o) == 0) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    static int compareNullsFirst(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return compare(a, b);
    }

    /** Case-insensitive substring test without allocating (character-wise, as String#equalsIgnoreCase). */
    static boolean containsIgnoreCase(String text, String needle) {
        int n = needle.length();
        if (n == 0) {
            return true;
        }
        char lower = Character.toLowerCase(needle.charAt(0));
        char upper = Character.toUpperCase(needle.charAt(0));
        for (int i = 0, last = text.length() - n; i <= last; i++) {
            char c = text.charAt(i);
            // Cheap first-character screen before the full comparison.
            boolean first = c == lower || c == upper || c > 127 && Character.toLowerCase(c) == lower;
            if (first && text.regionMatches(true, i, needle, 0, n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(String text, String needle) {
        return text != null && containsIgnoreCase(text, needle);
    }

    private static boolean party(Party p, String needle) {
        return p != null && (has(p.name(), needle) || has(p.address(), needle) || has(p.address2(), needle)
                || has(p.postCode(), needle) || has(p.city(), needle) || has(p.state(), needle)
                || has(p.country(), needle) || has(p.countryCode(), needle) || has(p.taxNumber(), needle)
                || has(p.companyNumber(), needle) || has(p.email(), needle) || has(p.phone(), needle));
    }
}
