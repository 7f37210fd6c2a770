package eu.invoicing.core.query;

import java.util.List;

/**
 * One page of a list: the items and the pagination block ({@code total}, {@code next_cursor},
 * {@code prev_cursor}, {@code has_more}).
 *
 * <p>Immutable and thread-safe when the items are.
 *
 * @param <T> the item type
 * @param data the items, not null
 * @param total the number of matching items, or −1 when not requested
 * @param nextCursor the cursor of the next page, null on the last page
 * @param prevCursor the cursor of the previous page, null on the first page
 * @param hasMore whether a next page exists
 */
public record Page<T>(List<T> data, long total, String nextCursor, String prevCursor, boolean hasMore) {
    /**
     * Copies the items.
     *
     * @param data the items, not null
     * @param total the number of matching items, or −1 when not requested
     * @param nextCursor the cursor of the next page, null on the last page
     * @param prevCursor the cursor of the previous page, null on the first page
     * @param hasMore whether a next page exists
     */
    public Page {
        data = List.copyOf(data);
    }
}
