package eu.invoicing.core.query;

import eu.invoicing.core.model.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

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
        Comparator<Document> cmp = QueryEvaluator.comparator(order);
        Cursor cursor = query.cursor();
        boolean forward = cursor == null || cursor.forward();
        int keep = query.limit() + 1;
        // forward keeps the smallest (evict the largest): a max-heap; backward the largest: a min-heap.
        PriorityQueue<Document> heap = new PriorityQueue<>(keep + 1, forward ? cmp.reversed() : cmp);
        long total = 0;
        for (Document d : candidates) {
            if (!QueryEvaluator.matches(query.filter(), d) || !QueryEvaluator.matchesSearch(query.search(), d)) {
                continue;
            }
            total++;
            if (cursor != null) {
                int c = QueryEvaluator.compareToKey(order, d, cursor.key());
                if (forward ? c <= 0 : c >= 0) {
                    continue;
                }
            }
            heap.add(d);
            if (heap.size() > keep) {
                heap.poll();
            }
        }
        List<Document> window = new ArrayList<>(heap);
        window.sort(cmp);
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
}
