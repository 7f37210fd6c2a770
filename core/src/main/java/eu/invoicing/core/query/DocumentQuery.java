package eu.invoicing.core.query;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.ViolationCollector;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed list request (docs/lifecycle.md "Lists and queries"): filter tree, ordering, cursor, limit
 * (default 10, at most 100), total count (default on), search text, trash flag and includes. Stores receive
 * this value and either evaluate it ({@link QueryEvaluator}, {@link Paginator}) or translate it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param filter the filter tree, not null (an empty {@link AllOf} matches everything)
 * @param order the ordering with its id tie-breaker, not null
 * @param cursor the decoded next/prev cursor, nullable for the first page; its key must have one value of the
 *     right type (or null) per ordering field
 * @param limit page size, 1–100
 * @param includeTotalCount false to skip counting ({@code total} is then −1)
 * @param search case-insensitive substring over all text fields, nullable
 * @param deleted true to list the trash instead of live documents
 * @param includes nested resources to keep in each document, not null
 */
public record DocumentQuery(Condition filter, SortOrder order, Cursor cursor, int limit, boolean includeTotalCount,
        String search, boolean deleted, Set<Include> includes) {
    /** Default page size. */
    public static final int DEFAULT_LIMIT = 10;
    /** Largest page size. */
    public static final int MAX_LIMIT = 100;

    /**
     * Validates and copies.
     *
     * @param filter the filter tree, not null (an empty {@link AllOf} matches everything)
     * @param order the ordering with its id tie-breaker, not null
     * @param cursor the decoded next/prev cursor, nullable for the first page; its key must have one value of the
     *     right type (or null) per ordering field
     * @param limit page size, 1–100
     * @param includeTotalCount false to skip counting ({@code total} is then −1)
     * @param search case-insensitive substring over all text fields, nullable
     * @param deleted true to list the trash instead of live documents
     * @param includes nested resources to keep in each document, not null
     * @throws NullPointerException if a component documented as not null is null
     * @throws ValidationException ({@code out_of_range} at {@code limit}) when the limit is not 1 to 100, or
     *     ({@code invalid_cursor}, {@code cursor_ordering_mismatch} at {@code cursor})
     *     when the cursor is forged or was made for another ordering
     */
    public DocumentQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(order, "order");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", "out_of_range", "must be 1-" + MAX_LIMIT + ", was " + limit);
        }
        if (cursor != null) {
            Cursor.check(cursor, order, "cursor");
        }
        search = search == null || search.isBlank() ? null : search;
        includes = includes == null || includes.isEmpty() ? Set.of() : Set.copyOf(includes);
    }

    /** @return the first page of everything live, newest first, 10 per page */
    public static DocumentQuery all() {
        return builder().build();
    }

    /** @return a new builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param newCursor nullable
     * @return a copy at another position; this instance is unaffected
     */
    public DocumentQuery withCursor(Cursor newCursor) {
        return new DocumentQuery(filter, order, newCursor, limit, includeTotalCount, search, deleted, includes);
    }

    /**
     * Mutable, single-thread builder that accepts the raw request parameters and parses them on
     * {@link #build()}, reporting every problem at once.
     */
    public static final class Builder {
        private String queryJson;
        private Condition filter;
        private String orderBy;
        private String nextCursor;
        private String prevCursor;
        private Integer limit;
        private boolean includeTotalCount = true;
        private String search;
        private boolean deleted;
        private Collection<String> include = List.of();

        private Builder() {
        }

        /**
         * Sets the {@code query} filter, as JSON text.
         *
         * @param json the {@code query} JSON, nullable
         * @return this builder
         */
        public Builder query(String json) {
            this.queryJson = json;
            this.filter = null;
            return this;
        }

        /**
         * Sets an already parsed filter, in place of the {@code query} JSON.
         *
         * @param condition an already parsed filter, nullable
         * @return this builder
         */
        public Builder filter(Condition condition) {
            this.filter = condition;
            this.queryJson = null;
            return this;
        }

        /**
         * Sets the sort order ({@code order_by}).
         *
         * @param orderBy {@code order_by}, e.g. {@code -date,number}, nullable
         * @return this builder
         */
        public Builder orderBy(String orderBy) {
            this.orderBy = orderBy;
            return this;
        }

        /**
         * Sets a multi-column sort order, the reference's repeated {@code order_by} ("provide a repeated array
         * for multi-column ordering"): one field per element, each optionally prefixed with {@code -}.
         *
         * @param columns the fields in order, e.g. {@code ["-date", "number"]}, not null, no null element
         * @return this builder
         * @throws ValidationException for a null element, or an element naming more than one field
         */
        public Builder orderBy(java.util.List<String> columns) {
            java.util.Objects.requireNonNull(columns, "columns");
            eu.invoicing.core.ViolationCollector problems = new eu.invoicing.core.ViolationCollector();
            for (int i = 0; i < columns.size(); i++) {
                String c = columns.get(i);
                if (c == null || c.isBlank() || c.contains(",")) {
                    problems.add("order_by[" + i + "]", "invalid_value", "must name one field, was "
                            + eu.invoicing.core.Violation.quote(c));
                }
            }
            problems.throwIfAny();
            this.orderBy = columns.isEmpty() ? null : String.join(",", columns);
            return this;
        }

        /**
         * Sets the cursor to the next page.
         *
         * @param cursor {@code next_cursor} from a previous page, nullable
         * @return this builder
         */
        public Builder nextCursor(String cursor) {
            this.nextCursor = cursor;
            return this;
        }

        /**
         * Sets the cursor to the previous page.
         *
         * @param cursor {@code prev_cursor} from a previous page, nullable
         * @return this builder
         */
        public Builder prevCursor(String cursor) {
            this.prevCursor = cursor;
            return this;
        }

        /**
         * Sets the page size.
         *
         * @param limit page size, nullable for the default 10
         * @return this builder
         */
        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Sets whether the page counts all matches.
         *
         * @param v whether to count all matches (default true)
         * @return this builder
         */
        public Builder includeTotalCount(boolean v) {
            this.includeTotalCount = v;
            return this;
        }

        /**
         * Sets the free-text search.
         *
         * @param text search text, nullable
         * @return this builder
         */
        public Builder search(String text) {
            this.search = text;
            return this;
        }

        /**
         * Selects the trash instead of the live documents.
         *
         * @param v true to list the trash
         * @return this builder
         */
        public Builder deleted(boolean v) {
            this.deleted = v;
            return this;
        }

        /**
         * Sets the nested resources to include.
         *
         * @param names wire names of nested resources ({@code payments}, {@code document_relations}), nullable
         * @return this builder
         */
        public Builder include(Collection<String> names) {
            this.include = names == null ? List.of() : List.copyOf(names);
            return this;
        }

        /**
         * @return the parsed request
         * @throws ValidationException naming every bad parameter
         */
        public DocumentQuery build() {
            ViolationCollector problems = new ViolationCollector();
            Condition parsedFilter = filter;
            if (parsedFilter == null) {
                try {
                    parsedFilter = QueryParser.parse(queryJson);
                } catch (ValidationException e) {
                    e.violations().forEach(problems::add);
                }
            }
            SortOrder order = null;
            try {
                order = SortOrder.parse(orderBy);
            } catch (ValidationException e) {
                e.violations().forEach(problems::add);
            }
            int size = limit == null ? DEFAULT_LIMIT : limit;
            if (size < 1 || size > MAX_LIMIT) {
                problems.add("limit", "out_of_range", "must be 1-" + MAX_LIMIT + ", was " + size);
            }
            if (nextCursor != null && prevCursor != null) {
                problems.add("prev_cursor", "conflict", "give either next_cursor or prev_cursor, not both");
            }
            Set<Include> includes = EnumSet.noneOf(Include.class);
            for (String name : include) {
                Include i = Include.ofWireName(name).orElse(null);
                if (i == null) {
                    problems.add("include", "unknown_include", "cannot include \"" + name
                            + "\"; use payments or document_relations");
                } else {
                    includes.add(i);
                }
            }
            Cursor cursor = null;
            if (order != null && problems.isEmpty()) {
                try {
                    // The parameter, not the text, decides the direction.
                    if (nextCursor != null) {
                        Cursor c = Cursor.decode(nextCursor, "next_cursor", order);
                        cursor = new Cursor(c.ordering(), true, c.key());
                    } else if (prevCursor != null) {
                        Cursor c = Cursor.decode(prevCursor, "prev_cursor", order);
                        cursor = new Cursor(c.ordering(), false, c.key());
                    }
                } catch (ValidationException e) {
                    e.violations().forEach(problems::add);
                }
            }
            problems.throwIfAny();
            return new DocumentQuery(parsedFilter, order, cursor, size, includeTotalCount, search, deleted, includes);
        }
    }
}
