package eu.invoicing.core.query;

/**
 * A node of a parsed list query: either one {@link FieldCondition} or an {@link AllOf} conjunction. Stores
 * other than the in-memory one translate this tree (e.g. to SQL); {@link QueryEvaluator} evaluates it.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface Condition permits FieldCondition, AllOf {
}
