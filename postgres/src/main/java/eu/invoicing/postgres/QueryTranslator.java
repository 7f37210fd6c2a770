package eu.invoicing.postgres;

import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.query.AllOf;
import eu.invoicing.core.query.Condition;
import eu.invoicing.core.query.Cursor;
import eu.invoicing.core.query.DocumentFields;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.FieldCondition;
import eu.invoicing.core.query.FieldType;
import eu.invoicing.core.query.Operator;
import eu.invoicing.core.query.Page;
import eu.invoicing.core.query.SortField;
import eu.invoicing.core.query.SortOrder;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Translates a parsed list query ({@code core.query}: the condition tree, the ordering, the keyset cursor, the
 * free-text search, the trash flag) into one parameterised SQL statement over {@code SCHEMA.documents}, and
 * builds the page as {@link eu.invoicing.core.query.Paginator} would: the same documents, in the same order,
 * with the same cursors. Every operand, every metadata key and the search text are bound parameters; the only
 * names written into the SQL text are field names taken from the {@link DocumentFields} catalogue (never the
 * caller's text), checked against a fixed pattern.
 *
 * <p>Stateless after construction, thread-safe.
 */
final class QueryTranslator {
    /**
     * How many entries of the ordering's index a filtered page's first step walks per row of the page: it
     * answers every filter that matches at least one in {@value} of the rows it walks. Also the most days of a
     * date range ordered by number that are read as a loose index scan ({@link #daysByNumber}), which then reads
     * no more entries than the walk would.
     */
    static final int WALK_PER_ROW = 100;
    private static final Pattern CATALOGUE_NAME = Pattern.compile("[a-z_]+(\\.[a-z_]+)?");
    private static final Set<String> CATALOGUE = DocumentFields.allowedFields();
    /**
     * The sortable fields with a query column of their own (V6: stored generated columns, exactly the expression
     * {@link #valueExpression} writes, with collation "C" for text), which the ordering indexes are on and cover.
     */
    private static final Map<String, String> COLUMNS = Map.of("created_at", "q_created_at", "id", "q_id",
            "number", "q_number", "date", "q_date", "updated_at", "q_updated_at", "total", "q_total",
            "total_with_tax", "q_total_with_tax", "date_due", "q_date_due", "customer.name", "q_customer_name");

    private final String table;
    private final int walkPerRow;

    QueryTranslator(String documentsTable) {
        this(documentsTable, WALK_PER_ROW);
    }

    /** @param walkPerRow the walk's entries per row of the page ({@link #WALK_PER_ROW}; tests shorten it) */
    QueryTranslator(String documentsTable, int walkPerRow) {
        this.table = documentsTable;
        this.walkPerRow = walkPerRow;
    }

    /** SQL text with its parameters, built together so that they cannot drift apart. */
    private static final class Sql {
        final StringBuilder text = new StringBuilder();
        final List<Object> params = new ArrayList<>();

        Sql add(String s) {
            text.append(s);
            return this;
        }

        Sql param(Object v) {
            text.append('?');
            params.add(v);
            return this;
        }
    }

    Page<Document> page(Connection c, String entityId, DocumentType type, DocumentQuery query) throws SQLException {
        SortOrder order = query.order();
        Cursor cursor = query.cursor();
        boolean forward = cursor == null || cursor.forward();

        // Conditions, each starting with " and " (where() makes the first one a WHERE).
        Sql scope = new Sql().add(" and d.entity_id = ").param(entityId).add(" and d.kind = ").param(type.name())
                .add(" and d.deleted = ").param(query.deleted());
        Sql filter = new Sql();
        condition(filter, query.filter());
        search(filter, query.search());
        Sql keyset = new Sql();
        if (cursor != null) {
            keyset.add(" and ");
            keyset(keyset, order, cursor.key(), forward);
        }

        int limit = query.limit();
        List<Document> window;
        boolean twoSteps = query.search() == null && rangeBeyondOrder(query.filter(), order);
        long[] days = twoSteps ? daysByNumber(query.filter(), order) : null;
        if (days != null && days[1] - days[0] < walkPerRow) {
            // A loose index scan of (date, number, id): for each day of the range at most limit + 1 entries in
            // the page's order, merged; at most days * (limit + 1) entries, however many the range matches.
            Sql perDay = new Sql().add("generate_series(").param(BigDecimal.valueOf(days[0])).add("::numeric, ")
                    .param(BigDecimal.valueOf(days[1])).add("::numeric) g(day) cross join lateral (select "
                    + columns(order, List.of()) + " from " + table + " d");
            where(perDay, scope, new Sql().add(" and d.q_date = g.day"), filter, keyset);
            orderBy(perDay, order, forward);
            perDay.add(" limit ").param(limit + 1).add(") d");
            window = read(c, page(scope, perDay, new Sql(), order, forward, limit), limit);
        } else if (twoSteps) {
            // First a walk of the ordering's index that stops after walkPerRow entries per row of the page; when
            // the filter matched too few of them, the filter's own index (docs/postgres.md, Query plans).
            // Only the columns the filter and ordering read: an index-only scan then hands them on unprojected.
            List<FieldCondition> tests = new ArrayList<>();
            flatten(query.filter(), tests);
            Sql walk = new Sql().add("(select " + columns(order, tests) + " from " + table + " d");
            where(walk, scope, keyset);
            orderBy(walk, order, forward);
            walk.add(" limit ").param(walkPerRow * (limit + 1)).add(") d");
            Sql tested = new Sql();
            where(tested, filter);
            window = read(c, page(scope, walk, tested, order, forward, limit), limit);
            if (window.size() <= limit) {
                // The fence (offset 0) keeps the ordering out of the choice of the scan: the planner picks it
                // for the filter alone, and a top-N sort of the matching rows gives the page.
                Sql fenced = new Sql().add("(select " + columns(order, List.of()) + " from " + table + " d");
                where(fenced, scope, filter, keyset);
                fenced.add(" offset 0) d");
                window = read(c, page(scope, fenced, new Sql(), order, forward, limit), limit);
            }
        } else {
            Sql all = new Sql();
            where(all, scope, filter, keyset);
            window = read(c, page(scope, new Sql().add(table + " d"), all, order, forward, limit), limit);
        }
        // Backward pages are read in reverse order (the nearest documents first); the page itself is in order.
        if (!forward) {
            Collections.reverse(window);
        }
        long total = -1;
        if (query.includeTotalCount()) {
            Sql count = new Sql().add("select count(*) from " + table + " d");
            where(count, scope, filter);
            try (PreparedStatement s = prepare(c, count); ResultSet r = s.executeQuery()) {
                r.next();
                total = r.getLong(1);
            }
        }
        boolean extra = window.size() > query.limit();
        List<Document> data;
        String next;
        String prev;
        if (forward) {
            data = extra ? window.subList(0, query.limit()) : window;
            next = extra ? Cursor.at(order, data.get(data.size() - 1), true).encode() : null;
            prev = cursor != null && !data.isEmpty() ? Cursor.at(order, data.get(0), false).encode() : null;
        } else {
            data = extra ? window.subList(window.size() - query.limit(), window.size()) : window;
            prev = extra ? Cursor.at(order, data.get(0), false).encode() : null;
            next = !data.isEmpty() ? Cursor.at(order, data.get(data.size() - 1), true).encode() : null;
        }
        return new Page<>(List.copyOf(data), total, next, prev, next != null);
    }

    /**
     * The page's statement, a deferred join: the ids of its at most limit + 1 rows are chosen first, from
     * {@code source} (a table or subquery, aliased d) under {@code where} (a WHERE clause, or nothing), in the
     * page's order (over the covering indexes an index-only scan that never reads a body); then their bodies are
     * read, in the scope, and put in the same order.
     */
    private Sql page(Sql scope, Sql source, Sql where, SortOrder order, boolean forward, int limit) {
        Sql select = new Sql().add("select d.body::text from " + table + " d");
        where(select, scope);
        select.add(" and d.q_id in (select d.q_id from ");
        append(select, source);
        append(select, where);
        orderBy(select, order, forward);
        select.add(" limit ").param(limit + 1).add(")");
        orderBy(select, order, forward);
        return select;
    }

    /** Appends the conditions (each starting with " and "), the first one as the WHERE clause. */
    private static void where(Sql sql, Sql... conditions) {
        int at = sql.text.length();
        for (Sql part : conditions) {
            append(sql, part);
        }
        if (sql.text.length() > at) {
            sql.text.replace(at, at + " and ".length(), " where ");
        }
    }

    private static List<Document> read(Connection c, Sql select, int limit) throws SQLException {
        List<Document> window = new ArrayList<>(limit + 1);
        try (PreparedStatement s = prepare(c, select)) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    window.add(InvoicingJson.readDocument(r.getString(1)));
                }
            }
        }
        return window;
    }

    /**
     * Whether the page is chosen in two steps: every test of the filter is on a query column (so both steps read
     * indexes only), and one of them, on a field other than the ordering's first, can start a range scan of that
     * field's index.
     */
    static boolean rangeBeyondOrder(Condition filter, SortOrder order) {
        List<FieldCondition> tests = new ArrayList<>();
        flatten(filter, tests);
        boolean range = false;
        for (FieldCondition fc : tests) {
            if (fc.operator().isText() || !COLUMNS.containsKey(fc.field())) {
                return false;
            }
            boolean sargable = fc.operator() != Operator.NOT_IN
                    && !(fc.operator() == Operator.EQUALS && fc.operand() == null);
            range |= sargable && !fc.field().equals(order.fields().get(0).field());
        }
        return range;
    }

    /**
     * The days a filter bounds the date to, when the page is ordered by number first (the loose index scan of V8's
     * {@code documents_by_date_number}): every date is a whole epoch day ({@link DerivedColumns#sqlValue}), so the
     * range's days are the integers from the greatest lower bound to the least upper bound of the filter's tests
     * on the date. Every test is applied again on each day's entries; the bounds only choose the days.
     *
     * @return the first and last day (the range is empty when the first is after the last), or null when the
     *     order does not start with the number or the filter does not bound the date on both sides
     */
    static long[] daysByNumber(Condition filter, SortOrder order) {
        if (!order.fields().get(0).field().equals("number")) {
            return null;
        }
        List<FieldCondition> tests = new ArrayList<>();
        flatten(filter, tests);
        Long low = null;
        Long high = null;
        for (FieldCondition fc : tests) {
            if (!fc.field().equals("date") || fc.operand() == null) {
                continue;
            }
            switch (fc.operator()) {
                case EQUALS -> {
                    low = max(low, day(fc.operand()));
                    high = min(high, day(fc.operand()));
                }
                case GT -> low = max(low, day(fc.operand()) + 1);
                case GTE -> low = max(low, day(fc.operand()));
                case LT -> high = min(high, day(fc.operand()) - 1);
                case LTE -> high = min(high, day(fc.operand()));
                case BETWEEN -> {
                    low = max(low, day(fc.operands().get(0)));
                    high = min(high, day(fc.operands().get(1)));
                }
                default -> {
                    // in, notIn: no bound of the range; they are tested on each day's entries like every test.
                }
            }
        }
        if (low == null || high == null) {
            return null;
        }
        // No day at all: an empty series (and a difference that fits in a long whatever the dates).
        return low > high ? new long[] {1, 0} : new long[] {low, high};
    }

    /** @return a date operand's epoch day (LocalDate within its range, so one day more or less still fits) */
    private static long day(Object operand) {
        return ((LocalDate) operand).toEpochDay();
    }

    private static Long max(Long bound, long day) {
        return bound == null || day > bound ? day : bound;
    }

    private static Long min(Long bound, long day) {
        return bound == null || day < bound ? day : bound;
    }

    /** @return the columns of a subquery the ordering and {@code tests} read: the id, query columns, JSON */
    private static String columns(SortOrder order, List<FieldCondition> tests) {
        Set<String> columns = new LinkedHashSet<>();
        columns.add("d.q_id");
        for (SortField f : order.fields()) {
            columns.add(column(f.field()));
        }
        for (FieldCondition fc : tests) {
            columns.add(column(fc.field()));
        }
        return String.join(", ", columns);
    }

    /** @return the column a sortable field's expression ({@link #sortExpression}, {@link #test}) reads */
    private static String column(String field) {
        String column = COLUMNS.get(field);
        if (column != null) {
            return "d." + column;
        }
        return field.startsWith(DocumentFields.METADATA_PREFIX) ? "d.meta" : "d.fields";
    }

    private static void flatten(Condition condition, List<FieldCondition> out) {
        if (condition instanceof AllOf all) {
            for (Condition part : all.conditions()) {
                flatten(part, out);
            }
        } else {
            out.add((FieldCondition) condition);
        }
    }

    private static void orderBy(Sql sql, SortOrder order, boolean forward) {
        sql.add(" order by ");
        for (int i = 0; i < order.fields().size(); i++) {
            SortField f = order.fields().get(i);
            boolean descending = f.descending() == forward;
            sql.add(i == 0 ? "" : ", ").add(sortExpression(f.field(), sql))
                    .add(descending ? " desc nulls last" : " asc nulls first");
        }
    }

    private static PreparedStatement prepare(Connection c, Sql sql) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql.text.toString());
        try {
            for (int i = 0; i < sql.params.size(); i++) {
                Object v = sql.params.get(i);
                int at = i + 1;
                if (v instanceof String str) {
                    s.setString(at, str);
                } else if (v instanceof BigDecimal b) {
                    s.setBigDecimal(at, b);
                } else if (v instanceof Boolean b) {
                    s.setBoolean(at, b);
                } else if (v instanceof Integer n) {
                    s.setInt(at, n);
                } else if (v instanceof TypedArray a) {
                    s.setArray(at, c.createArrayOf(a.sqlType, a.values));
                } else {
                    throw new IllegalStateException("no binding for " + v.getClass());
                }
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** An array parameter ({@code = any(?)}). */
    private record TypedArray(String sqlType, Object[] values) {
    }

    private void condition(Sql sql, Condition condition) {
        if (condition instanceof AllOf all) {
            for (Condition part : all.conditions()) {
                condition(sql, part);
            }
            return;
        }
        FieldCondition fc = (FieldCondition) condition;
        sql.add(" and ");
        test(sql, fc);
    }

    private void test(Sql sql, FieldCondition fc) {
        String field = fc.field();
        FieldType type = fc.type();
        boolean text = fc.operator().isText();
        if (field.startsWith(DocumentFields.METADATA_PREFIX) && DocumentFields.isSortable(field)) {
            String key = field.substring(DocumentFields.METADATA_PREFIX.length());
            Sql expr = new Sql().add("(d.meta->'" + (text ? "f" : "v") + "'->>").param(key).add(")");
            predicate(sql, expr, type, fc);
            return;
        }
        String name = catalogue(field);
        if (DocumentFields.isSortable(field) && !text && COLUMNS.containsKey(field)) {
            predicate(sql, new Sql().add("d." + COLUMNS.get(field)), type, fc);
            return;
        }
        // A text operator reads the folded copy ("~name"), or the text itself where folding does not change it
        // (DerivedColumns writes no copy then); an absent entry is the null it stands for.
        if (DocumentFields.isSortable(field)) {
            String value = text ? "coalesce(d.fields->>'~" + name + "', d.fields->>'" + name + "')"
                    : "d.fields->>'" + name + "'";
            predicate(sql, new Sql().add(valueExpression(value, type)), type, fc);
            return;
        }
        // Multi-valued: any value satisfies the test (notIn: none is in the list); no value (an absent entry, or
        // an empty array, as rows written by earlier versions hold) counts as one null.
        String array = text ? "coalesce(d.fields->'~" + name + "', d.fields->'" + name + "')" : "d.fields->'" + name + "'";
        String values = "jsonb_array_elements_text(coalesce(nullif(" + array + ", '[]'::jsonb), '[null]'::jsonb)) x(v)";
        Sql element = new Sql().add(valueExpression("x.v", type));
        if (fc.operator() == Operator.NOT_IN) {
            sql.add("not exists (select 1 from " + values + " where ");
            in(sql, element, type, fc.operands());
            sql.add(")");
        } else {
            sql.add("exists (select 1 from " + values + " where ");
            predicate(sql, element, type, fc);
            sql.add(")");
        }
    }

    /** A test that selects what the evaluator's selects (null, where it can be, only ever stands for false). */
    private static void predicate(Sql sql, Sql expr, FieldType type, FieldCondition fc) {
        Object arg = fc.operand();
        switch (fc.operator()) {
            case EQUALS -> {
                if (arg == null) {
                    sql.add("(");
                    append(sql, expr);
                    sql.add(" is null)");
                } else {
                    compare(sql, expr, type, "=", arg);
                }
            }
            case IN -> in(sql, expr, type, fc.operands());
            case NOT_IN -> {
                sql.add("not ");
                in(sql, expr, type, fc.operands());
            }
            case GT -> compare(sql, expr, type, ">", arg);
            case GTE -> compare(sql, expr, type, ">=", arg);
            case LT -> compare(sql, expr, type, "<", arg);
            case LTE -> compare(sql, expr, type, "<=", arg);
            case BETWEEN -> {
                sql.add("(");
                compare(sql, expr, type, ">=", fc.operands().get(0));
                sql.add(" and ");
                compare(sql, expr, type, "<=", fc.operands().get(1));
                sql.add(")");
            }
            case CONTAINS -> like(sql, expr, "%" + escape(DerivedColumns.fold(arg.toString())) + "%");
            case STARTS_WITH -> like(sql, expr, escape(DerivedColumns.fold(arg.toString())) + "%");
            case ENDS_WITH -> like(sql, expr, "%" + escape(DerivedColumns.fold(arg.toString())));
        }
    }

    /*
     * compare and like are written bare, not coalesce(..., false): a null there is a false, because every test
     * stands in a positive place (a conjunct of the WHERE clause or of an EXISTS subquery; the negated ones,
     * notIn, are built by in() and are never null). Bare, a range test on a field is sargable: the expression
     * index of (entity, kind, trash, field) serves it (docs/postgres.md, plans).
     */
    private static void compare(Sql sql, Sql expr, FieldType type, String op, Object operand) {
        sql.add("(");
        append(sql, expr);
        sql.add(type == FieldType.STRING ? " collate \"C\" " : " ").add(op).add(" ").param(DerivedColumns.sqlValue(operand))
                .add(")");
    }

    private static void like(Sql sql, Sql expr, String pattern) {
        sql.add("(");
        append(sql, expr);
        sql.add(" collate \"C\" like ").param(pattern).add(" escape '\\')");
    }

    private static void in(Sql sql, Sql expr, FieldType type, List<Object> operands) {
        List<Object> values = new ArrayList<>(operands.size());
        boolean withNull = false;
        for (Object o : operands) {
            if (o == null) {
                withNull = true;
            } else {
                values.add(DerivedColumns.sqlValue(o));
            }
        }
        sql.add("(");
        append(sql, expr);
        sql.add(withNull ? " is null or " : " is not null and ");
        if (values.isEmpty()) {
            sql.add("false)");
            return;
        }
        append(sql, expr);
        String sqlType = type == FieldType.STRING ? "text" : type == FieldType.BOOLEAN ? "bool" : "numeric";
        sql.add(type == FieldType.STRING ? " collate \"C\"" : "").add(" = any(")
                .param(new TypedArray(sqlType, values.toArray())).add("))");
    }

    private static void append(Sql sql, Sql part) {
        sql.text.append(part.text);
        sql.params.addAll(part.params);
    }

    /** The free-text search: a substring of one of the folded texts (pg_trgm serves the LIKE). */
    private static void search(Sql sql, String search) {
        if (search == null) {
            return;
        }
        String needle = DerivedColumns.fold(search);
        sql.add(" and d.search_text like ").param("%" + escape(needle) + "%").add(" escape '\\'");
        if (needle.indexOf(DerivedColumns.SEPARATOR) >= 0) {
            // The joined text could match across two values: check them one by one.
            sql.add(" and exists (select 1 from unnest(d.search_values) s(v) where strpos(s.v, ").param(needle)
                    .add(") > 0)");
        }
    }

    /**
     * Rows after the cursor's key in the ordering (before it, for a backward page): the first field after it,
     * or equal and the second after, and so on; nulls sort first in ascending order.
     */
    private static void keyset(Sql sql, SortOrder order, List<Object> key, boolean forward) {
        List<SortField> fields = order.fields();
        sql.add("(");
        // A sargable bound on the first field lets the index start at the cursor.
        Object first = key.get(0);
        if (first != null && fields.get(0).descending() != forward) {
            String e = sortExpression(fields.get(0).field(), sql);
            sql.add(e + " >= ").param(DerivedColumns.sqlValue(first)).add(" and (");
        } else {
            sql.add("(");
        }
        for (int i = 0; i < fields.size(); i++) {
            sql.add(i == 0 ? "(" : " or (");
            for (int j = 0; j < i; j++) {
                equal(sql, sortExpression(fields.get(j).field(), sql), key.get(j));
                sql.add(" and ");
            }
            // Forward over an ascending field (or backward over a descending one) goes to greater values.
            boolean greater = fields.get(i).descending() != forward;
            after(sql, fields.get(i).field(), key.get(i), greater);
            sql.add(")");
        }
        sql.add("))");
    }

    private static void equal(Sql sql, String expr, Object value) {
        if (value == null) {
            sql.add(expr + " is null");
        } else {
            sql.add(expr + " = ").param(DerivedColumns.sqlValue(value));
        }
    }

    /**
     * {@code ascendingAfter}: the row's value is greater than the key's in nulls-first order. The field's expression
     * is written (and a metadata key bound) only where the condition uses it.
     */
    private static void after(Sql sql, String field, Object value, boolean ascendingAfter) {
        if (!ascendingAfter && value == null) {
            // Nothing sorts before null. No expression: a metadata key bound for it would have no placeholder.
            sql.add("false");
            return;
        }
        String expr = sortExpression(field, sql);
        if (ascendingAfter) {
            if (value == null) {
                sql.add(expr + " is not null");
            } else {
                sql.add(expr + " > ").param(DerivedColumns.sqlValue(value));
            }
        } else {
            // Null sorts first, so it is smaller than any value (the expression appears once: its parameters too).
            sql.add("coalesce(" + expr + " < ").param(DerivedColumns.sqlValue(value)).add(", true)");
        }
    }

    /** The expression a sortable field orders by; the expression indexes of the schema are on these. */
    private static String sortExpression(String field, Sql sql) {
        FieldType type = DocumentFields.typeOf(field);
        if (field.startsWith(DocumentFields.METADATA_PREFIX)) {
            // The key is a parameter: bound again at each use.
            String key = field.substring(DocumentFields.METADATA_PREFIX.length());
            sql.params.add(key);
            return "((d.meta->'v'->>?) collate \"C\")";
        }
        String column = COLUMNS.get(field);
        if (column != null) {
            return "d." + column;
        }
        return "(" + valueExpression("d.fields->>'" + catalogue(field) + "'", type)
                + (type == FieldType.STRING ? " collate \"C\")" : ")");
    }

    private static String valueExpression(String text, FieldType type) {
        return switch (type) {
            case STRING -> "(" + text + ")";
            case BOOLEAN -> "((" + text + ")::boolean)";
            default -> "((" + text + ")::numeric)";
        };
    }

    /** @return the catalogue's own spelling of a field name, so that no caller text reaches the SQL */
    private static String catalogue(String field) {
        for (String name : CATALOGUE) {
            if (name.equals(field)) {
                if (!CATALOGUE_NAME.matcher(name).matches()) {
                    throw new IllegalStateException("catalogue field name " + name + " is not a plain name");
                }
                return name;
            }
        }
        throw new IllegalArgumentException("not a catalogue field: " + field);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
