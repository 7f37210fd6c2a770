package eu.invoicing.core.query;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ordering of a list: one or more single-valued fields, {@code -} for descending, with {@code id}
 * (ascending) appended as the final tie-breaker unless already present, so that every ordering is total
 * and cursors are stable. Nulls sort first in ascending order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fields the fields in priority order, ending with {@code id}, not null and not empty
 */
public record SortOrder(List<SortField> fields) {
    /** The default ordering: newest first ({@code -created_at}, then id). */
    public static final SortOrder DEFAULT = parse("-created_at");

    /** Most fields one ordering may name (the id tie-breaker not counted). */
    public static final int MAX_FIELDS = 10;

    /**
     * Copies the fields.
     *
     * @throws ValidationException (path {@code order_by}) for a field that is unknown, multi-valued or repeated
     *
     * @param fields the fields in priority order, ending with {@code id}, not null and not empty
     */
    public SortOrder {
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("an ordering needs at least one field");
        }
        Set<String> seen = new HashSet<>();
        for (SortField f : fields) {
            String code = !DocumentFields.isAllowed(f.field()) ? "unknown_field"
                    : !DocumentFields.isSortable(f.field()) ? "not_sortable"
                    : !seen.add(f.field()) ? "duplicate_field" : null;
            if (code != null) {
                throw ValidationException.of("order_by", code, "cannot order by " + Violation.quote(f.field())
                        + " (" + code.replace('_', ' ') + ")");
            }
        }
    }

    /**
     * Parses {@code order_by}: comma-separated field names, each optionally prefixed with {@code -}.
     *
     * @param orderBy e.g. {@code -date,number}; nullable or blank for {@link #DEFAULT}
     * @return the ordering with the id tie-breaker
     * @throws ValidationException (path {@code order_by}) for an unknown, multi-valued or repeated field
     */
    public static SortOrder parse(String orderBy) {
        if (orderBy == null || orderBy.isBlank()) {
            return DEFAULT == null ? build(List.of("-created_at")) : DEFAULT;
        }
        List<String> parts = new ArrayList<>();
        for (String p : orderBy.split(",")) {
            parts.add(p.trim());
        }
        return build(parts);
    }

    /**
     * @param fields field names each optionally prefixed with {@code -}, not null
     * @return the ordering with the id tie-breaker
     * @throws ValidationException (path {@code order_by}) for an unknown, multi-valued or repeated field
     */
    public static SortOrder of(List<String> fields) {
        return fields.isEmpty() ? DEFAULT : build(fields);
    }

    private static SortOrder build(List<String> parts) {
        ViolationCollector problems = new ViolationCollector();
        if (parts.size() > MAX_FIELDS) {
            throw ValidationException.of("order_by", "too_many_fields", "at most " + MAX_FIELDS + " fields, was "
                    + parts.size());
        }
        List<SortField> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String p : parts) {
            boolean desc = p.startsWith("-");
            String name = desc ? p.substring(1) : p;
            if (!DocumentFields.isAllowed(name)) {
                problems.add("order_by", "unknown_field", "cannot order by " + Violation.quote(name));
            } else if (!DocumentFields.isSortable(name)) {
                problems.add("order_by", "not_sortable", "cannot order by the multi-valued field \"" + name + "\"");
            } else if (!seen.add(name)) {
                problems.add("order_by", "duplicate_field", Violation.quote(name) + " appears twice");
            } else {
                out.add(new SortField(name, desc));
            }
        }
        problems.throwIfAny();
        if (!seen.contains("id")) {
            out.add(new SortField("id", false));
        }
        return new SortOrder(out);
    }

    /** @return the canonical text, e.g. {@code -date,number,id}, which cursors are bound to */
    public String canonical() {
        return fields.stream().map(SortField::toString).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return canonical();
    }
}
