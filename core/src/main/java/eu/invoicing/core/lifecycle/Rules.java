package eu.invoicing.core.lifecycle;

import eu.invoicing.core.DocumentStateException;
import eu.invoicing.core.LifecycleRule;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.FinaData;
import eu.invoicing.core.model.FiscalStatus;
import eu.invoicing.core.model.FursData;

/**
 * Checks of the lifecycle rules of docs/lifecycle.md ({@link LifecycleRule}), each refusing with a
 * {@link DocumentStateException} that carries the rule. Checked inside the unit of work, before anything is
 * written.
 *
 * <p>Stateless and thread-safe.
 */
final class Rules {
    private Rules() {
    }

    static DocumentStateException refuse(LifecycleRule rule, String message) {
        return new DocumentStateException(rule, message);
    }

    static void notInTrash(Document d) {
        if (d.isDeleted()) {
            throw refuse(LifecycleRule.DOCUMENT_IN_TRASH, "document " + d.id() + " is in the trash; restore it first");
        }
    }

    static void notVoided(Document d, LifecycleRule rule, String what) {
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
