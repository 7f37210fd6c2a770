package eu.invoicing.core;

import java.util.Optional;

/**
 * The lifecycle rules (docs/lifecycle.md, "Errors and atomicity") that can refuse an operation, as {@link DocumentStateException#rule()}
 * names them. Each has a stable {@link #wireName() wire name}, written wherever the rule is reported (the
 * message of the exception, the {@code invoicing batch} output): it never changes between versions, even when a
 * constant is renamed.
 *
 * <p>Immutable and thread-safe.
 */
public enum LifecycleRule {
    /** Refuses any change to a document in the trash except restore and permanent delete. */
    DOCUMENT_IN_TRASH("document_in_trash"),
    /** Refuses the update of a voided document. */
    UPDATE_VOIDED_DOCUMENT("update_voided_document"),
    /** Refuses the update of a fiscalized invoice, advance invoice or credit note. */
    UPDATE_FISCALIZED_DOCUMENT("update_fiscalized_document"),
    /** Refuses to finalize a document that is not a draft. */
    FINALIZE_DRAFT_ONLY("finalize_draft_only"),
    /** Refuses to void a delivery note (estimates, invoices, advance invoices and credit notes can be voided). */
    VOID_KIND_NOT_VOIDABLE("void_kind_not_voidable"),
    /** Refuses to void a draft. */
    VOID_DRAFT("void_draft"),
    /** Refuses to void a document that is already voided. */
    VOID_ALREADY_VOIDED("void_already_voided"),
    /** Refuses to move a finalized document other than an estimate to the trash. */
    DELETE_DRAFT_ONLY("delete_draft_only"),
    /** Refuses to restore a document that is not in the trash. */
    RESTORE_TRASH_ONLY("restore_trash_only"),
    /** Refuses the permanent delete of a document that is not in the trash. */
    PERMANENT_DELETE_TRASH_ONLY("permanent_delete_trash_only"),
    /** Refuses the permanent delete of a finalized document other than an estimate. */
    PERMANENT_DELETE_FINAL_DOCUMENT("permanent_delete_final_document"),
    /** Refuses payments on an estimate or a delivery note. */
    PAYMENT_KIND_NOT_PAYABLE("payment_kind_not_payable"),
    /** Refuses payments on a voided document. */
    PAYMENT_VOIDED_DOCUMENT("payment_voided_document"),
    /** Refuses to remove a payment that is already removed. */
    PAYMENT_ALREADY_DELETED("payment_already_deleted"),
    /** Refuses to convert anything but an estimate, or an estimate into a kind it does not convert to. */
    CONVERT_KIND_NOT_ALLOWED("convert_kind_not_allowed"),
    /**
     * Refuses a credit note, a delivery note or an advance application for an invoice that is not final or is
     * voided.
     */
    TARGET_INVOICE_NOT_FINAL("target_invoice_not_final"),
    /** Refuses to apply an advance invoice that is a draft, voided or not paid in full. */
    ADVANCE_NOT_PAID("advance_not_paid"),
    /** Refuses to apply an advance invoice that is already applied to an invoice. */
    ADVANCE_ALREADY_APPLIED("advance_already_applied"),
    /**
     * Refuses a fiscalization retry with nothing to complete: neither a failed or pending submission nor an
     * unconfirmed cancellation of a voided fiscalized document.
     */
    FISCALIZE_RETRY_FAILED_ONLY("fiscalize_retry_failed_only"),
    /** Refuses to send a document that claims a fiscalization whose stored fiscal data cannot be sent. */
    FISCAL_DATA_INCOMPLETE("fiscal_data_incomplete"),
    /** Refuses to convert or copy a voided source document. */
    SOURCE_DOCUMENT_VOIDED("source_document_voided");

    private final String wireName;

    LifecycleRule(String wireName) {
        this.wireName = wireName;
    }

    /** @return the stable snake_case name, e.g. {@code fiscalize_retry_failed_only} */
    public String wireName() {
        return wireName;
    }

    /**
     * @param name a wire name, nullable
     * @return the rule, or empty when no rule has that wire name (case-sensitive)
     */
    public static Optional<LifecycleRule> ofWireName(String name) {
        for (LifecycleRule rule : values()) {
            if (rule.wireName.equals(name)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
