package eu.invoicing.core.lifecycle;

import eu.invoicing.core.DocumentStateException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.FinaData;
import eu.invoicing.core.model.FiscalStatus;
import eu.invoicing.core.model.FursData;

/**
 * The lifecycle rules of spec/lifecycle.md, each refusing with a {@link DocumentStateException} that carries
 * the rule's stable name. Checked inside the unit of work, before anything is written.
 *
 * <p>Stateless and thread-safe.
 */
final class Rules {
    /** Any change to a document in the trash except restore and permanent delete. */
    static final String IN_TRASH = "document_in_trash";
    /** update of a voided document. */
    static final String UPDATE_VOIDED = "update_voided_document";
    /** update of a fiscalized invoice, advance invoice or credit note. */
    static final String UPDATE_FISCALIZED = "update_fiscalized_document";
    /** finalize of a document that is not a draft. */
    static final String FINALIZE_DRAFT_ONLY = "finalize_draft_only";
    /** void of an estimate or delivery note. */
    static final String VOID_KIND = "void_kind_not_voidable";
    /** void of a draft. */
    static final String VOID_DRAFT = "void_draft";
    /** void of a voided document. */
    static final String VOID_TWICE = "void_already_voided";
    /** delete of a finalized document. */
    static final String DELETE_DRAFT_ONLY = "delete_draft_only";
    /** restore of a document that is not in the trash. */
    static final String RESTORE_TRASH_ONLY = "restore_trash_only";
    /** permanent delete of a document that is not in the trash. */
    static final String PURGE_TRASH_ONLY = "permanent_delete_trash_only";
    /** permanent delete of a finalized document other than an estimate. */
    static final String PURGE_FINAL = "permanent_delete_final_document";
    /** payments on an estimate or delivery note. */
    static final String PAYMENT_KIND = "payment_kind_not_payable";
    /** payments on a voided document. */
    static final String PAYMENT_VOIDED = "payment_voided_document";
    /** removing a payment that is already removed. */
    static final String PAYMENT_REMOVED = "payment_already_deleted";
    /** conversion from anything but an estimate, or to a kind an estimate does not convert to. */
    static final String CONVERT_KIND = "convert_kind_not_allowed";
    /** credit note, delivery note or advance application for an invoice that is not final or is voided. */
    static final String TARGET_NOT_FINAL = "target_invoice_not_final";
    /** an advance invoice that is a draft, voided or not paid in full. */
    static final String ADVANCE_NOT_PAID = "advance_not_paid";
    /** an advance invoice already applied to an invoice. */
    static final String ADVANCE_APPLIED = "advance_already_applied";
    /**
     * a fiscalization retry of a document with nothing to complete: neither a failed or pending submission nor
     * an unconfirmed cancellation of a voided fiscalized document.
     */
    static final String RETRY_FAILED_ONLY = "fiscalize_retry_failed_only";
    /** a document claims a fiscalization (code or status) but its stored fiscal data cannot be sent. */
    static final String FISCAL_DATA_INCOMPLETE = "fiscal_data_incomplete";
    /** a voided source document (convert, copy). */
    static final String SOURCE_VOIDED = "source_document_voided";

    private Rules() {
    }

    static DocumentStateException refuse(String rule, String message) {
        return new DocumentStateException(rule, message + " [" + rule + "]");
    }

    static void notInTrash(Document d) {
        if (d.isDeleted()) {
            throw refuse(IN_TRASH, "document " + d.id() + " is in the trash; restore it first");
        }
    }

    static void notVoided(Document d, String rule, String what) {
        if (d.isVoided()) {
            throw refuse(rule, "cannot " + what + " voided document " + d.id());
        }
    }

    /**
     * A final document carries an issued protected code (pending, confirmed or failed fiscalization). A draft
     * is never fiscalized, whatever fiscal data it claims: finalize replaces it.
     */
    static boolean isFiscalized(Document d) {
        return !d.isDraft() && (fiscalized(d.furs()) || fiscalized(d.fina()));
    }

    private static boolean fiscalized(FursData f) {
        return f != null && f.zoi() != null && f.status() != FiscalStatus.SKIPPED
                && f.status() != FiscalStatus.NOT_FISCALIZED;
    }

    private static boolean fiscalized(FinaData f) {
        return f != null && f.zki() != null && f.status() != FiscalStatus.SKIPPED
                && f.status() != FiscalStatus.NOT_FISCALIZED;
    }
}
