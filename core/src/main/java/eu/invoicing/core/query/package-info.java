/**
 * Listing documents: the {@code query} filter language ({@link eu.invoicing.core.query.Condition} and its
 * parser), sorting ({@code order_by}), cursor pagination ({@link eu.invoicing.core.query.Cursor},
 * {@link eu.invoicing.core.query.Page}), free-text search and included nested resources, gathered by
 * {@link eu.invoicing.core.query.DocumentQuery}; and the evaluator a store can use to apply a query in memory.
 * The rules are described in {@code docs/lifecycle.md}, "Lists and queries".
 *
 * <p>API. The parsed queries, conditions, cursors and pages are immutable and thread-safe;
 * {@code DocumentQuery.Builder} is mutable, for one thread.
 */
package eu.invoicing.core.query;
