package eu.invoicing.core.model;

import java.util.Optional;

/**
 * The five kinds of document, each with the id prefix that makes the kind derivable from an id.
 *
 * <p>Immutable and thread-safe.
 */
public enum DocumentType {
    /** An invoice ({@code inv_}, lines {@code item_}). */
    INVOICE("inv_", "item_"),
    /** An estimate or pro-forma invoice ({@code est_}, lines {@code est_item_}). */
    ESTIMATE("est_", "est_item_"),
    /** A credit note ({@code cre_}, lines {@code item_}). */
    CREDIT_NOTE("cre_", "item_"),
    /** An advance (prepayment) invoice ({@code adv_}, lines {@code adv_item_}). */
    ADVANCE_INVOICE("adv_", "adv_item_"),
    /** A delivery note ({@code del_}, lines {@code del_item_}). */
    DELIVERY_NOTE("del_", "del_item_");

    private final String idPrefix;
    private final String itemIdPrefix;

    DocumentType(String idPrefix, String itemIdPrefix) {
        this.idPrefix = idPrefix;
        this.itemIdPrefix = itemIdPrefix;
    }

    /**
     * The prefix of the ids the library gives this kind's line items, as the reference shows them: estimates
     * {@code est_item_…}, advance invoices {@code adv_item_…}, credit notes {@code item_…}. The reference shows
     * no invoice or delivery note lines; invoices keep the plain {@code item_} of credit notes, delivery notes
     * follow the kind-prefixed pattern of estimates and advances ({@code del_item_}), docs/wire-format.md.
     *
     * @return the line item id prefix, e.g. {@code adv_item_}
     */
    public String itemIdPrefix() {
        return itemIdPrefix;
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
