package eu.invoicing.core.lifecycle;

import eu.invoicing.core.LifecycleRule;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentRelation;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.RelationType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The meaning of a create request's {@code linked_documents} (docs/lifecycle.md, "Linked documents"): a paid
 * advance invoice linked to an invoice is applied to it as a payment of type {@code advance} (relations
 * {@code advance_applied} / {@code applied_to}); an invoice linked to a credit note is credited by it (relations
 * {@code credit_for} / {@code has_credit}, applied as a payment of type {@code credit_note} when the credit note
 * is final); any other pair is a plain {@code linked} relation. A linked document that is unknown to the entity,
 * in the trash, or in a state its relation does not allow is refused with the reason at
 * {@code linked_documents[i]}, before anything is written.
 *
 * <p>Stateless and thread-safe.
 */
final class LinkedDocuments {
    private LinkedDocuments() {
    }

    /**
     * Reads and checks the linked ids of a create request of the given kind.
     *
     * @return one link per id, in request order
     * @throws ValidationException naming every refused id
     */
    static List<Link> resolve(Scope s, DocumentType creating, List<String> ids) {
        return resolve(s, creating, ids, Set.of());
    }

    /**
     * Reads and checks linked ids, leaving out those in {@code skip} (documents an update finds already
     * related).
     *
     * @return one link per id not skipped, in request order
     * @throws ValidationException naming every refused id
     */
    static List<Link> resolve(Scope s, DocumentType creating, List<String> ids, Set<DocumentId> skip) {
        ViolationCollector problems = new ViolationCollector();
        List<Link> links = new ArrayList<>(ids.size());
        Set<DocumentId> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String path = "linked_documents[" + i + "]";
            DocumentId id;
            try {
                id = DocumentId.parse(ids.get(i), path);
            } catch (ValidationException e) {
                e.violations().forEach(problems::add);
                continue;
            }
            if (!seen.add(id)) {
                problems.add(path, "duplicate", "is linked twice, was " + Violation.quote(id.value()));
                continue;
            }
            if (skip.contains(id)) {
                continue;
            }
            RelationType relation = relationFor(creating, id.type());
            Link link = new Link(id, relation, target -> check(s, path, relation, target));
            Optional<Document> target = s.read("reading " + id, () -> s.core.store.find(s.entityId(), id))
                    .filter(d -> s.entityId().equals(d.entityId()));
            if (target.isEmpty()) {
                // The same answer as for any id of another entity (EntityIsolationTest): its existence is not told.
                throw Scope.notFound(id);
            }
            try {
                link.check().accept(target.get());
            } catch (ValidationException e) {
                e.violations().forEach(problems::add);
                continue;
            }
            links.add(link);
        }
        problems.throwIfAny();
        return links;
    }

    /** The relation a document of kind {@code creating} records to a linked document of kind {@code target}. */
    static RelationType relationFor(DocumentType creating, DocumentType target) {
        if (creating == DocumentType.INVOICE && target == DocumentType.ADVANCE_INVOICE) {
            return RelationType.ADVANCE_APPLIED;
        }
        if (creating == DocumentType.CREDIT_NOTE && target == DocumentType.INVOICE) {
            return RelationType.CREDIT_FOR;
        }
        return RelationType.LINKED;
    }

    /**
     * The state rule of one relation, as a {@link ValidationException} at the request path (re-run inside the
     * unit of work, so a target that changed in between is still refused).
     */
    static void check(Scope s, String path, RelationType relation, Document target) {
        String id = target.id().value();
        if (target.isDeleted()) {
            throw ValidationException.of(path, LifecycleRule.DOCUMENT_IN_TRASH.wireName(), "document " + id
                    + " is in the trash");
        }
        if (relation == RelationType.ADVANCE_APPLIED) {
            if (target.isDraft()) {
                throw ValidationException.of(path, LifecycleRule.ADVANCE_NOT_PAID.wireName(), "advance invoice " + id
                        + " is a draft; only a final advance invoice paid in full can be applied");
            }
            if (target.isVoided()) {
                throw ValidationException.of(path, LifecycleRule.ADVANCE_NOT_PAID.wireName(), "advance invoice " + id
                        + " is voided");
            }
            if (!Boolean.TRUE.equals(target.paidInFull())) {
                throw ValidationException.of(path, LifecycleRule.ADVANCE_NOT_PAID.wireName(), "advance invoice " + id
                        + " is not paid in full (due " + Objects.toString(target.totalDue(), "?") + ")");
            }
            for (DocumentRelation r : target.documentRelations()) {
                if (r.relationType() == RelationType.APPLIED_TO && stillApplied(s, r.targetId(), target.id())) {
                    throw ValidationException.of(path, LifecycleRule.ADVANCE_ALREADY_APPLIED.wireName(),
                            "advance invoice " + id + " is already applied to " + r.targetId());
                }
            }
        } else if (relation == RelationType.CREDIT_FOR) {
            if (target.isDraft()) {
                throw ValidationException.of(path, LifecycleRule.TARGET_INVOICE_NOT_FINAL.wireName(), "invoice " + id
                        + " is a draft; only a final invoice can be credited");
            }
            if (target.isVoided()) {
                throw ValidationException.of(path, LifecycleRule.TARGET_INVOICE_NOT_FINAL.wireName(), "invoice " + id
                        + " is voided");
            }
        }
    }

    /**
     * An advance stays applied while the invoice it is applied to holds its live payment, or is a draft that
     * will apply it when finalized; a voided invoice gave it back.
     */
    private static boolean stillApplied(Scope s, DocumentId invoiceId, DocumentId advanceId) {
        Optional<Document> invoice = s.read("reading " + invoiceId, () -> s.core.store.find(s.entityId(), invoiceId));
        if (invoice.isEmpty() || invoice.get().isDeleted() || invoice.get().isVoided()) {
            return false;
        }
        return invoice.get().isDraft() || PaymentEntries.liveFrom(s, invoiceId, advanceId);
    }

    /** Refuses an advance in another currency than the invoice it is applied to. */
    static void checkCurrency(String path, Document invoice, Document advance) {
        if (!Objects.equals(advance.currencyCode(), invoice.currencyCode())) {
            throw ValidationException.of(path, "currency_mismatch", "the advance is in " + advance.currencyCode()
                    + ", the invoice in " + invoice.currencyCode());
        }
    }

}
