package eu.invoicing.core.model;

import java.util.Optional;

/**
 * The five kinds of document, each with the id prefix that makes the kind derivable from an id.
 *
 * <p>Immutable and thread-safe.
 */
public enum DocumentType {
    /** An invoice ({@code inv_}). */
    INVOICE("inv_"),
    /** An estimate or pro-forma invoice ({@code est_}). */
    ESTIMATE("est_"),
    /** A credit note ({@code cre_}). */
    CREDIT_NOTE("cre_"),
    /** An advance (prepayment) invoice ({@code adv_}). */
    ADVANCE_INVOICE("adv_"),
    /** A delivery note ({@code del_}). */
    DELIVERY_NOTE("del_");

    private final String idPrefix;

    DocumentType(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    /** @return the id prefix, e.g. {@code inv_} */
    public String idPrefix() {
        return idPrefix;
    }

    /** @return true for the kinds that carry payments and a due amount (invoice, advance invoice, credit note) */
    public boolean isPayable() {
        return this == INVOICE || this == ADVANCE_INVOICE || this == CREDIT_NOTE;
    }

    /** @return true for the kinds that can be voided and fiscalized (invoice, advance invoice, credit note) */
    public boolean isFiscal() {
        return isPayable();
    }

    /**
     * Finds the kind whose prefix starts the given id.
     *
     * @param id an id, nullable
     * @return the kind, or empty when the id is null or has no known prefix
     */
    public static Optional<DocumentType> ofId(String id) {
        if (id != null) {
            for (DocumentType t : values()) {
                if (id.startsWith(t.idPrefix)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }
}
