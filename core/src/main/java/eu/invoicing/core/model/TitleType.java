package eu.invoicing.core.model;

/**
 * How an estimate is titled.
 *
 * <p>Immutable and thread-safe.
 */
public enum TitleType {
    /** "Estimate" (the default). */
    ESTIMATE,
    /** "Pro-forma invoice". */
    PROFORMA_INVOICE
}
