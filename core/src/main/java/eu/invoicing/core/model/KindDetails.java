package eu.invoicing.core.model;

/**
 * The fields only one kind of document has, held by that kind: an {@link Estimate}'s {@link EstimateDetails}
 * (validity date, title) and a {@link DeliveryNote}'s {@link DeliveryNoteDetails} (price hiding). The kinds
 * without fields of their own answer {@link #NONE}. {@link Document#kindDetails()} gives the value of any
 * document; {@code Estimate.details()} and
 * {@code DeliveryNote.details()} give it typed.
 *
 * <p>Every implementation is an immutable, thread-safe record.
 */
public sealed interface KindDetails permits KindDetails.None, EstimateDetails, DeliveryNoteDetails {
    /** The details of a kind without fields of its own (invoice, credit note, advance invoice). */
    KindDetails NONE = new None();

    /** @return whether every field of the kind is absent */
    boolean isEmpty();

    /**
     * No fields of its own: the details of an invoice, credit note or advance invoice.
     *
     * <p>Immutable and thread-safe.
     */
    record None() implements KindDetails {
        @Override
        public boolean isEmpty() {
            return true;
        }
    }
}
