package eu.invoicing.core.lifecycle;

import eu.invoicing.core.LifecycleRule;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentRelation;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.LineItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Helpers of conversions and links: the copy a conversion starts from, relation lists, and the checks on
 * the invoice a credit note, delivery note or advance refers to.
 *
 * <p>Stateless and thread-safe.
 */
final class Links {
    private Links() {
    }

    /** A new document of the target kind with the source's inputs (fresh ids, dates and issuer). */
    static DocumentDraft.Builder copy(Document source, DocumentType target, boolean draft) {
        List<LineItem> items = new ArrayList<>(source.items().size());
        for (LineItem item : source.items()) {
            items.add(item.toBuilder().id(null).documentId(null).createdAt(null).updatedAt(null).build());
        }
        return DocumentDraft.builder(target).draft(draft).customerId(source.customerId()).customer(source.customer())
                .items(items).note(source.note()).paymentTerms(source.paymentTerms()).taxClause(source.taxClause())
                .footer(source.footer()).signature(source.signature()).currency(source.currency())
                .calculationMode(source.calculationMode()).exchangeRate(source.exchangeRate())
                .dateService(source.dateService()).dateServiceTo(source.dateServiceTo())
                .metadata(source.metadata());
    }

    /** The relations with one more at the end. */
    static List<DocumentRelation> with(List<DocumentRelation> existing, DocumentRelation added) {
        List<DocumentRelation> out = new ArrayList<>(existing);
        out.add(added);
        return out;
    }

    static void checkFinalInvoice(Document invoice) {
        Rules.notInTrash(invoice);
        if (invoice.isDraft() || invoice.isVoided()) {
            throw Rules.refuse(LifecycleRule.TARGET_INVOICE_NOT_FINAL,
                    "invoice " + invoice.id() + " must be final and not voided");
        }
    }

    static void requireInvoice(Document d) {
        if (d.type() != DocumentType.INVOICE) {
            throw ValidationException.of("invoice_id", "wrong_document_type", "expected an inv_ id, was " + d.id());
        }
    }
}
