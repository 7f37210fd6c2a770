package eu.invoicing.core.query;

import eu.invoicing.core.model.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Cuts one page out of candidate documents in memory: applies the filter and search, walks from the cursor
 * in the requested direction and keeps only {@code limit + 1} documents in a bounded heap, so a page costs
 * one pass over the candidates (O(n log limit)), not a full sort. Stores that cannot translate a query can
 * use it over their own iteration.
 *
 * <p>Stateless and thread-safe; the candidates must not change during the call.
 */
public final class Paginator {
    private Paginator() {
    }

    /**
     * @param candidates the documents of the right entity, kind and trash state, not null
     * @param query the request, not null
     * @return the page, with cursors for the neighbouring pages
     */
    public static Page<Document> page(Iterable<Document> candidates, DocumentQuery query) {
        SortOrder order = query.order();
        int size = order.fields().size();
        List<Function<Document, Object>> readers = new ArrayList<>(size);
        boolean[] descending = new boolean[size];
        for (int i = 0; i < size; i++) {
            readers.add(DocumentFields.reader(order.fields().get(i).field()));
            descending[i] = order.fields().get(i).descending();
        }
        Comparator<Object[]> keys = (a, b) -> {
            for (int i = 0; i < a.length; i++) {
                int c = QueryEvaluator.compareNullsFirst(a[i], b[i]);
                if (c != 0) {
                    return descending[i] ? -c : c;
                }
            }
            return 0;
        };
        Cursor cursor = query.cursor();
        Object[] cursorKey = cursor == null ? null : cursor.key().toArray();
        boolean forward = cursor == null || cursor.forward();
        int keep = query.limit() + 1;
        Comparator<Entry> byKey = (x, y) -> keys.compare(x.key(), y.key());
        // forward keeps the smallest keys (evict the largest: a max-heap); backward the largest (a min-heap).
        PriorityQueue<Entry> heap = new PriorityQueue<>(keep + 1, forward ? byKey.reversed() : byKey);
        long total = 0;
        Predicate<Document> filter = QueryEvaluator.compile(query.filter());
        for (Document d : candidates) {
            if (!filter.test(d) || !QueryEvaluator.matchesSearch(query.search(), d)) {
                continue;
            }
            total++;
            Object[] key = new Object[size];
            for (int i = 0; i < size; i++) {
                key[i] = readers.get(i).apply(d);
            }
            if (cursorKey != null) {
                int c = keys.compare(key, cursorKey);
                if (forward ? c <= 0 : c >= 0) {
                    continue;
                }
            }
            if (heap.size() < keep) {
                heap.add(new Entry(key, d));
            } else {
                int c = keys.compare(key, heap.peek().key());
                if (forward ? c < 0 : c > 0) {
                    heap.poll();
                    heap.add(new Entry(key, d));
                }
            }
        }
        List<Entry> sorted = new ArrayList<>(heap);
        sorted.sort(byKey);
        List<Document> window = new ArrayList<>(sorted.size());
        sorted.forEach(e -> window.add(e.document()));
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
        return new Page<>(data, query.includeTotalCount() ? total : -1, next, prev, next != null);
    }

    private record Entry(Object[] key, Document document) {
    }
}
