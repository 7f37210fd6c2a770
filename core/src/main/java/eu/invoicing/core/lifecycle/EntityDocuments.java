package eu.invoicing.core.lifecycle;

import eu.invoicing.core.LifecycleRule;
import eu.invoicing.core.DocumentStateException;
import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.calc.PaymentState;
import eu.invoicing.core.model.CreationSource;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentField;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentRelation;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.FinaData;
import eu.invoicing.core.model.FursData;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.PaymentType;
import eu.invoicing.core.model.RelationType;
import eu.invoicing.core.numbering.AssignedNumber;
import eu.invoicing.core.numbering.DocumentNumbering;
import eu.invoicing.core.numbering.FiscalSeries;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.Include;
import eu.invoicing.core.query.Page;
import eu.invoicing.core.spi.FiscalAuthority;
import eu.invoicing.core.version.ChangedFields;
import eu.invoicing.core.version.DocumentVersion;
import eu.invoicing.core.version.TimelineEvent;
import eu.invoicing.core.version.TimelineEventType;
import eu.invoicing.core.version.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every document operation of one issuing entity (docs/lifecycle.md): create (draft or final), get, list,
 * update with versions, finalize (numbering and fiscalization), void with payment reversal, trash, restore,
 * permanent delete, calculation and number previews, sharing, versions, timeline, conversions and links,
 * payments, fiscalization retry and export tracking. Obtained from {@link Invoicing#entity(Entity)}; nothing
 * of another entity is visible through it (an id of another entity answers {@link NotFoundException}).
 *
 * <p>Every rule refuses with a {@link DocumentStateException} naming it ({@code rule()}), bad input with a
 * {@link ValidationException}; both leave nothing changed: each operation validates, then writes inside one
 * unit of work of the {@link eu.invoicing.core.spi.Transactor}. Fiscal submissions happen after that unit of
 * work, so a failing authority never costs a number.
 *
 * <p>Immutable and thread-safe when the SPIs are.
 */
public final class EntityDocuments {
    private final Scope s;
    private final DocumentNumbering numbering;

    EntityDocuments(Invoicing core, Entity entity, User user) {
        this.s = new Scope(core, entity, user);
        this.numbering = core.numbering;
    }

    /**
     * @param user who acts (recorded in versions and the timeline), nullable
     * @return the same scope acting as that user; this instance is unaffected
     */
    public EntityDocuments as(User user) {
        return new EntityDocuments(s.core, s.entity, user);
    }

    /** @return the customers of this entity (acting as the same user) */
    public EntityCustomers customers() {
        return new EntityCustomers(s);
    }

    /** @return the stored taxes of this entity, which resolve line taxes given by {@code tax_id} */
    public EntityTaxes taxes() {
        return new EntityTaxes(s);
    }

    /** @return the entity this API is scoped to */
    public Entity entity() {
        return s.entity;
    }

    // ----------------------------------------------------------------------------------------- create

    /**
     * Creates a document: a draft when {@code request.draft().isDraft()}, otherwise finalized at once
     * (numbered, fiscalized when the entity requires it). The stored document is built here from the request's
     * {@link DocumentDraft}, with the id, owner, timestamps and state that only the library sets.
     *
     * @param request the draft and request options, not null
     * @return the stored document
     * @throws ValidationException for bad input (no items, unknown customer_id, …)
     */
    public Document create(DocumentRequest request) {
        return create(request, false);
    }

    private Document create(DocumentRequest request, boolean custom) {
        Objects.requireNonNull(request, "request");
        boolean save = Boolean.TRUE.equals(request.saveCustomer());
        if (save) {
            EntityCustomers.checkSavable(s, request.draft().values());
        }
        List<Link> links = LinkedDocuments.resolve(s, request.draft().type(), request.linkedDocuments());
        return createFrom(request.draft(), custom, request.expectedTotalWithTax(), links, FinalizeOptions.NONE,
                save);
    }

    /**
     * @param draft the document to create, not null
     * @return the stored document (see {@link #create(DocumentRequest)})
     */
    public Document create(DocumentDraft draft) {
        return create(DocumentRequest.of(draft));
    }

    /**
     * Creates a document with pre-calculated totals ({@code creation_source: custom}): accepted as given, or
     * validated when a calculation mode is set (docs/calculation.md, "Custom totals").
     *
     * @param request the draft with its totals, not null
     * @return the stored document
     * @throws ValidationException when totals are missing or off by more than the tolerance
     */
    public Document createCustom(DocumentRequest request) {
        // creation_source is set on the one builder of the create, not on a copy of the request's draft.
        return create(Objects.requireNonNull(request, "request"), true);
    }

    /**
     * Calculates a document with the creation defaults without storing anything.
     *
     * @param request the draft, not null
     * @return the calculated document (no id, no number)
     * @throws ValidationException for bad input
     */
    public Document calculate(DocumentRequest request) {
        Objects.requireNonNull(request, "request");
        Document draft = request.draft().values();
        Preparation.checkPayments(draft);
        return Preparation.calculate(s, Preparation.withDefaults(s, draft).build(),
                request.expectedTotalWithTax());
    }

    // ------------------------------------------------------------------------------------------- read

    /**
     * @param id the document, not null
     * @return the document (also when in the trash)
     * @throws NotFoundException when absent or owned by another entity
     */
    public Document get(DocumentId id) {
        return s.load(id);
    }

    /**
     * Lists documents of one kind; payments and relations are emptied unless the query includes them.
     *
     * @param type the kind, not null
     * @param query the parsed request, not null
     * @return the page
     */
    public Page<Document> list(DocumentType type, DocumentQuery query) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(query, "query");
        Page<Document> page = s.read("listing documents", () -> s.core.store.list(s.entityId(), type, query));
        boolean payments = query.includes().contains(Include.PAYMENTS);
        boolean relations = query.includes().contains(Include.DOCUMENT_RELATIONS);
        if (payments && relations) {
            return page;
        }
        List<Document> data = new ArrayList<>(page.data().size());
        for (Document d : page.data()) {
            Document.Builder b = d.toBuilder();
            if (!payments) {
                b.payments(List.of());
            }
            if (!relations) {
                b.documentRelations(List.of());
            }
            data.add(b.build());
        }
        return new Page<>(data, page.total(), page.nextCursor(), page.prevCursor(), page.hasMore());
    }

    /**
     * @param id the document, not null
     * @return its timeline, oldest first
     * @throws NotFoundException when absent or owned by another entity
     */
    public List<TimelineEvent> timeline(DocumentId id) {
        s.load(id);
        return s.read("reading the timeline", () -> s.core.store.events(s.entityId(), id));
    }

    /**
     * @param id the document, not null
     * @return its versions, newest first, with the count
     * @throws NotFoundException when absent or owned by another entity
     */
    public VersionList versions(DocumentId id) {
        s.load(id);
        List<DocumentVersion> list = s.read("reading versions", () -> s.core.versions.list(s.entityId(), id));
        return new VersionList(list, list.size());
    }

    /**
     * @param id the document, not null
     * @param version the 1-based version number
     * @return the version
     * @throws NotFoundException when the document or the version does not exist for this entity
     */
    public DocumentVersion version(DocumentId id, int version) {
        s.load(id);
        return s.read("reading a version", () -> s.core.versions.find(s.entityId(), id, version))
                .orElseThrow(() -> new NotFoundException("version " + version + " of " + id + " not found"));
    }

    /**
     * Previews the number the next finalize of the kind would assign, without consuming it. With a premise
     * (and device) the fiscal number of the entity's FURS or FINA series is previewed.
     *
     * @param type the kind, not null
     * @param premise business premise name, nullable
     * @param device electronic device name, nullable (required with a premise)
     * @param businessUnit business unit for formats with {@code {u…}}, nullable
     * @return the preview
     * @throws ValidationException for a device without premise (or the reverse), fiscal numbers when the
     *     entity fiscalizes with neither authority, or a bad number format
     */
    public NextNumber nextNumber(DocumentType type, String premise, String device, String businessUnit) {
        Objects.requireNonNull(type, "type");
        if (premise == null && device == null) {
            AssignedNumber n = s.read("previewing a number",
                    () -> numbering.preview(s.entity, type, s.today(), businessUnit, null));
            return new NextNumber(n.number(), null, null);
        }
        if (premise == null || device == null) {
            throw ValidationException.of(premise == null ? "business_premise_name" : "electronic_device_name",
                    "required", "business_premise_name and electronic_device_name go together");
        }
        EntitySettings settings = s.entity.settings();
        FiscalSeries series;
        if (settings.furs().enabled()) {
            series = new FiscalSeries(FiscalAuthority.FURS, premise, device,
                    settings.furs().numberingStrategy() == EntitySettings.FursNumberingStrategy.B);
        } else if (settings.fina().enabled()) {
            series = new FiscalSeries(FiscalAuthority.FINA, premise, device,
                    settings.fina().numberingSequence() == EntitySettings.FinaNumberingSequence.N);
        } else {
            throw ValidationException.of("business_premise_name", "fiscalization_disabled",
                    "the entity has neither FURS nor FINA enabled");
        }
        if (!type.isFiscal()) {
            throw ValidationException.of("type", "not_fiscal", "a " + wire(type) + " has no fiscal number");
        }
        AssignedNumber n = s.read("previewing a number",
                () -> numbering.preview(s.entity, type, s.today(), businessUnit, series));
        String seq = Long.toString(n.sequence());
        return series.authority() == FiscalAuthority.FURS
                ? new NextNumber(n.number(), new FursData(premise, device, series.structureCode(), seq, null, null,
                        null, null, null, null, null), null)
                : new NextNumber(n.number(), null, new FinaData(premise, device, series.structureCode(), seq, null,
                        null, null, null, null, null, null));
    }

    // ---------------------------------------------------------------------------------------- changes

    /**
     * Updates with PATCH semantics, recording the state before as a new version (with the changed fields and
     * {@code change_reason}); {@code items} replaces all items and the document is recalculated. An update
     * that changes nothing records nothing.
     *
     * @param id the document, not null
     * @param patch the change, not null
     * @return the updated document
     * @throws DocumentStateException for a voided, fiscalized or trashed document
     * @throws ValidationException for bad values
     */
    public Document update(DocumentId id, DocumentPatch patch) {
        Objects.requireNonNull(patch, "patch");
        return s.write("updating " + id, () -> {
            Document before = s.load(id);
            Rules.notInTrash(before);
            Rules.notVoided(before, LifecycleRule.UPDATE_VOIDED_DOCUMENT, "update");
            if (before.type().isFiscal() && Rules.isFiscalized(before)) {
                throw Rules.refuse(LifecycleRule.UPDATE_FISCALIZED_DOCUMENT, "cannot update fiscalized document " + id
                        + "; void it and issue a credit note");
            }
            Document.Builder b = patch.applyTo(before);
            if (patch.has(DocumentField.DATE) && b.date() == null) {
                b.date(s.today());
            }
            if (patch.has(DocumentField.CUSTOMER_ID) && !patch.has(DocumentField.CUSTOMER)
                    && b.customerId() != null) {
                b.customer(null);
            }
            if (patch.has(DocumentField.CUSTOMER) && !patch.has(DocumentField.CUSTOMER_ID)) {
                b.customerId(null);
            }
            if (patch.has(DocumentField.CUSTOMER) || patch.has(DocumentField.CUSTOMER_ID)) {
                Preparation.resolveCustomer(s, b);
            }
            if (patch.has(DocumentField.ITEMS) && before.creationSource() == CreationSource.CUSTOM) {
                // New items cannot carry the old pre-calculated totals: the engine computes them.
                b.creationSource(CreationSource.API).total(null).totalWithTax(null).totalDiscount(null).taxes(null);
            }
            Instant now = s.now();
            // Stamped before the engine's one copy, which keeps the stamps, rather than after it on another.
            Document after = Preparation.calculate(s, Preparation.stamp(s, b, now).updatedAt(now).build(), null);
            List<String> changed = new ArrayList<>(ChangedFields.byUpdate(before, after));
            List<Link> links = List.of();
            if (patch.linkedDocuments() != null) {
                Set<DocumentId> related = new LinkedHashSet<>();
                before.documentRelations().forEach(r -> related.add(r.targetId()));
                links = LinkedDocuments.resolve(s, before.type(), patch.linkedDocuments(), related);
                if (!links.isEmpty()) {
                    changed.add("linked_documents");
                }
            }
            if (changed.isEmpty()) {
                return before;
            }
            int number = s.core.versions.count(s.entityId(), id) + 1;
            s.core.versions.append(s.entityId(), new DocumentVersion(s.core.ids.newId("ver_"), before.type(),
                    id, number, before, changed, s.user, patch.changeReason(), now));
            after = linkOnUpdate(after, links, now);
            s.save(after);
            s.event(after, TimelineEventType.UPDATED, patch.changeReason());
            return applyLinks(after, links);
        });
    }

    /** The relations an update's {@code linked_documents} adds, on both sides (inside the unit of work). */
    private Document linkOnUpdate(Document doc, List<Link> links, Instant now) {
        for (Link link : links) {
            Document target = s.load(link.target());
            link.check().accept(target);
            if (link.relation() == RelationType.ADVANCE_APPLIED) {
                LinkedDocuments.checkCurrency("linked_documents", doc, target);
            }
            doc = doc.toBuilder().documentRelations(Links.with(doc.documentRelations(),
                    new DocumentRelation(link.relation(), target.id(), target.type(), target.number(), now))).build();
            s.save(target.toBuilder().documentRelations(Links.with(target.documentRelations(),
                    new DocumentRelation(link.relation().inverse(), doc.id(), doc.type(), doc.number(), now)))
                    .updatedAt(now).build());
        }
        return doc;
    }

    /**
     * On a final document the payments the new links stand for are made at once (a draft makes them when
     * finalized): a linked paid advance pays the invoice, a final credit note pays the invoice it credits.
     */
    private Document applyLinks(Document doc, List<Link> links) {
        if (doc.isDraft()) {
            return doc;
        }
        for (Link link : links) {
            Document target = s.load(link.target());
            if (link.relation() == RelationType.ADVANCE_APPLIED) {
                doc = PaymentEntries.add(s, doc, PaymentType.ADVANCE, target.totalWithTax(), s.today(), null,
                        "advance " + target.number(), target.id(), "advance " + target.number() + " applied");
            } else if (link.relation() == RelationType.CREDIT_FOR) {
                PaymentEntries.add(s, target, PaymentType.CREDIT_NOTE, doc.totalWithTax(), doc.date(), null,
                        "credit note " + doc.number(), doc.id(), "credit note " + doc.number() + " applied");
            }
        }
        return doc;
    }

    /**
     * @param id a draft, not null
     * @return the finalized document (see {@link #finalizeDocument(DocumentId, FinalizeOptions)})
     */
    public Document finalizeDocument(DocumentId id) {
        return finalizeDocument(id, FinalizeOptions.NONE);
    }

    /**
     * Finalizes a draft: takes its number inside the unit of work that stores it (a failed store gives the
     * number back), sets {@code date_year}, computes the protected code when the entity fiscalizes, applies
     * a credit note to the invoice it credits; then submits to the tax authority.
     *
     * @param id a draft, not null
     * @param options fiscal premise/device and business unit, not null
     * @return the finalized document (with the fiscal outcome when submitted)
     * @throws DocumentStateException when the document is not a draft or is in the trash
     */
    public Document finalizeDocument(DocumentId id, FinalizeOptions options) {
        Objects.requireNonNull(options, "options");
        Fiscalization.checkPaymentMethod(options.fina());
        Document done = s.write("finalizing " + id, () -> {
            Document d = s.load(id);
            Rules.notInTrash(d);
            if (!d.isDraft()) {
                throw Rules.refuse(LifecycleRule.FINALIZE_DRAFT_ONLY, "document " + id + " is already final (number "
                        + d.number() + ")");
            }
            return numberAndStore(d, options);
        });
        return afterFinalize(done);
    }

    /**
     * Voids a finalized invoice, advance invoice, credit note or estimate (reference: "Cannot update voided
     * estimates"): keeps its number, soft-deletes its payments
     * and the payments it made on other documents (restoring their totals), and asks for a technical
     * cancellation when it was fiscalized.
     *
     * @param id the document, not null
     * @param reason why, nullable
     * @param hasOriginalDocument whether the original was handed out, nullable
     * @return the voided document
     * @throws DocumentStateException for a draft, a delivery note, a voided or trashed document
     */
    public Document voidDocument(DocumentId id, String reason, Boolean hasOriginalDocument) {
        Document voided = s.write("voiding " + id, () -> {
            Document d = s.load(id);
            Rules.notInTrash(d);
            if (!d.type().isFiscal() && d.type() != DocumentType.ESTIMATE) {
                throw Rules.refuse(LifecycleRule.VOID_KIND_NOT_VOIDABLE,
                        "a " + wire(d.type()) + " cannot be voided; delete the draft");
            }
            if (d.isDraft()) {
                throw Rules.refuse(LifecycleRule.VOID_DRAFT, "draft " + id + " cannot be voided; delete it instead");
            }
            if (d.isVoided()) {
                throw Rules.refuse(LifecycleRule.VOID_ALREADY_VOIDED, "document " + id + " is already voided");
            }
            if (Rules.isFiscalized(d)) {
                // The cancellation is sent after this unit of work: refuse now what could not be sent then.
                Fiscalization.issued(d);
            }
            Instant now = s.now();
            Document.Builder b = d.toBuilder().payments(PaymentEntries.softDelete(d.payments(), null, now));
            PaymentState.applyTo(b).voidedAt(now).voidReason(reason).hasOriginalDocument(hasOriginalDocument)
                    .updatedAt(now);
            Document result = b.build();
            s.save(result);
            s.event(result, TimelineEventType.VOIDED, reason);
            Set<DocumentId> targets = new LinkedHashSet<>();
            d.documentRelations().forEach(r -> targets.add(r.targetId()));
            for (DocumentId target : targets) {
                PaymentEntries.reverseFrom(s, d, target, now);
            }
            return result;
        });
        if (Rules.isFiscalized(voided)) {
            Fiscalization.cancel(s, voided);
        }
        return voided;
    }

    /**
     * Moves a draft, or an estimate in any state, to the trash.
     *
     * @param id a draft or an estimate, not null
     * @return the trashed document
     * @throws DocumentStateException for a finalized document other than an estimate, or an already trashed one
     */
    public Document delete(DocumentId id) {
        return s.write("deleting " + id, () -> {
            Document d = s.load(id);
            Rules.notInTrash(d);
            // An estimate is no bookkeeping record: final or voided it still goes to the trash, from where the
            // reference lets it be deleted permanently ("Only draft documents and estimates can be permanently
            // deleted").
            if (!d.isDraft() && d.type() != DocumentType.ESTIMATE) {
                throw Rules.refuse(LifecycleRule.DELETE_DRAFT_ONLY, "finalized document " + id + " cannot be deleted"
                        + (d.type().isFiscal() ? "; void it instead" : ""));
            }
            Instant now = s.now();
            Document result = d.toBuilder().deletedAt(now).updatedAt(now).build();
            s.save(result);
            s.event(result, TimelineEventType.DELETED, null);
            return result;
        });
    }

    /**
     * Restores a document from the trash.
     *
     * @param id a trashed document, not null
     * @return the restored document
     * @throws DocumentStateException when it is not in the trash
     */
    public Document restore(DocumentId id) {
        return s.write("restoring " + id, () -> {
            Document d = s.load(id);
            if (!d.isDeleted()) {
                throw Rules.refuse(LifecycleRule.RESTORE_TRASH_ONLY, "document " + id + " is not in the trash");
            }
            Document result = d.toBuilder().deletedAt(null).updatedAt(s.now()).build();
            s.save(result);
            s.event(result, TimelineEventType.RESTORED, null);
            return result;
        });
    }

    /**
     * Deletes a trashed draft or trashed estimate for good, and removes the links other documents had to it.
     *
     * @param id a trashed document, not null
     * @throws DocumentStateException outside the trash, or for a finalized document other than an estimate
     */
    public void deletePermanently(DocumentId id) {
        s.write("deleting " + id + " permanently", () -> {
            Document d = s.load(id);
            if (!d.isDraft() && d.type() != DocumentType.ESTIMATE) {
                throw Rules.refuse(LifecycleRule.PERMANENT_DELETE_FINAL_DOCUMENT,
                        "finalized " + wire(d.type()) + " " + id + " can never be deleted permanently");
            }
            if (!d.isDeleted()) {
                throw Rules.refuse(LifecycleRule.PERMANENT_DELETE_TRASH_ONLY, "document " + id
                        + " must be in the trash to be deleted permanently");
            }
            for (DocumentRelation r : d.documentRelations()) {
                s.core.store.find(s.entityId(), r.targetId()).ifPresent(t -> {
                    List<DocumentRelation> kept = new ArrayList<>(t.documentRelations());
                    kept.removeIf(x -> x.targetId().equals(id));
                    s.save(t.toBuilder().documentRelations(kept).updatedAt(s.now()).build());
                });
            }
            s.core.store.remove(s.entityId(), id);
            return null;
        });
    }

    // ---------------------------------------------------------------------------------------- sharing

    /**
     * Shares a document: returns its token, issuing one (≥ 128 random bits, URL-safe) when it has none.
     *
     * @param id the document, not null
     * @return the token
     * @throws DocumentStateException for a trashed document
     */
    public String share(DocumentId id) {
        return s.write("sharing " + id, () -> {
            Document d = s.load(id);
            Rules.notInTrash(d);
            if (d.shareableId() != null) {
                return d.shareableId();
            }
            String token = s.core.ids.newToken();
            Document result = d.toBuilder().shareableId(token).updatedAt(s.now()).build();
            s.save(result);
            s.event(result, TimelineEventType.SHARED, null);
            return token;
        });
    }

    /**
     * Removes the share token; the old link stops working at once. Unsharing an unshared document does
     * nothing.
     *
     * @param id the document, not null
     * @return the document without token
     */
    public Document unshare(DocumentId id) {
        return s.write("unsharing " + id, () -> {
            Document d = s.load(id);
            if (d.shareableId() == null) {
                return d;
            }
            Document result = d.toBuilder().shareableId(null).updatedAt(s.now()).build();
            s.save(result);
            s.event(result, TimelineEventType.UNSHARED, null);
            return result;
        });
    }

    /**
     * @param id the document, not null
     * @return its current share token, or empty when not shared
     */
    public Optional<String> shareToken(DocumentId id) {
        return Optional.ofNullable(s.load(id).shareableId());
    }

    // --------------------------------------------------------------------------------------- payments

    /**
     * Adds a payment to an invoice, advance invoice or credit note and recomputes what is due.
     *
     * @param id the document, not null
     * @param payment amount (> 0, at most the currency's decimals) and type; date defaults to today, not null
     * @return the updated document
     * @throws DocumentStateException for an estimate or delivery note, a voided or trashed document
     * @throws ValidationException for a bad amount
     */
    public Document addPayment(DocumentId id, Payment payment) {
        Objects.requireNonNull(payment, "payment");
        if (payment.amount().signum() <= 0) {
            throw ValidationException.of("amount", "out_of_range", "must be > 0, was "
                    + payment.amount().toPlainString());
        }
        return s.write("adding a payment to " + id, () -> {
            Document d = s.load(id);
            PaymentEntries.checkPayable(d);
            return PaymentEntries.add(s, d, payment.type(), payment.amount(), payment.date(), payment.reference(),
                    payment.note(), payment.sourceDocumentId(), "payment");
        });
    }

    /**
     * Soft-deletes a payment, restoring what is due.
     *
     * @param id the document, not null
     * @param paymentId the payment, not null
     * @return the updated document
     * @throws NotFoundException when the document has no such payment
     * @throws DocumentStateException when the payment is already deleted or the document is trashed
     */
    public Document deletePayment(DocumentId id, String paymentId) {
        Objects.requireNonNull(paymentId, "paymentId");
        return s.write("deleting payment " + paymentId, () -> {
            Document d = s.load(id);
            Rules.notInTrash(d);
            Payment p = d.payments().stream().filter(x -> paymentId.equals(x.id())).findFirst()
                    .orElseThrow(() -> new NotFoundException("payment " + paymentId + " not found on " + id));
            if (!p.isLive()) {
                throw Rules.refuse(LifecycleRule.PAYMENT_ALREADY_DELETED,
                        "payment " + paymentId + " is already deleted");
            }
            Instant now = s.now();
            Document.Builder b = d.toBuilder().payments(PaymentEntries.softDelete(d.payments(), paymentId, now));
            Document result = PaymentState.applyTo(b).updatedAt(now).build();
            s.save(result);
            s.event(result, TimelineEventType.PAID, "payment " + paymentId + " deleted");
            return result;
        });
    }

    // ------------------------------------------------------------------------------ conversions, links

    /**
     * Converts an estimate into a new invoice or advance invoice (relations {@code converted_from} /
     * {@code converted_to}).
     *
     * @param estimateId the estimate, not null
     * @param target {@link DocumentType#INVOICE} or {@link DocumentType#ADVANCE_INVOICE}, not null
     * @param draft true to create a draft, false to finalize at once
     * @return the new document
     * @throws DocumentStateException for another source or target kind, or a trashed estimate
     */
    public Document convert(DocumentId estimateId, DocumentType target, boolean draft) {
        Objects.requireNonNull(target, "target");
        Document source = s.load(estimateId);
        if (source.type() != DocumentType.ESTIMATE
                || target != DocumentType.INVOICE && target != DocumentType.ADVANCE_INVOICE) {
            throw Rules.refuse(LifecycleRule.CONVERT_KIND_NOT_ALLOWED,
                    "only an estimate converts, and only to an invoice or advance invoice; was "
                    + wire(source.type()) + " to " + wire(target));
        }
        Rules.notInTrash(source);
        Rules.notVoided(source, LifecycleRule.SOURCE_DOCUMENT_VOIDED, "convert");
        DocumentDraft copy = Links.copy(source, target, draft).build();
        return createFrom(copy, false, null, List.of(new Link(estimateId, RelationType.CONVERTED_FROM, Rules::notInTrash)),
                FinalizeOptions.NONE);
    }

    /**
     * Creates a credit note for a final invoice with all its items (relations {@code credit_for} /
     * {@code has_credit}); once final, the credit note is applied to the invoice as a payment of type
     * {@code credit_note}.
     *
     * @param invoiceId the invoice, not null
     * @param items the items to credit, nullable for all of the invoice's items
     * @param draft true to create a draft (applied when finalized)
     * @return the credit note
     * @throws DocumentStateException when the invoice is a draft, voided or trashed
     */
    public Document createCreditNote(DocumentId invoiceId, List<LineItem> items, boolean draft) {
        Document invoice = s.load(invoiceId);
        Links.requireInvoice(invoice);
        Links.checkFinalInvoice(invoice);
        DocumentDraft.Builder b = Links.copy(invoice, DocumentType.CREDIT_NOTE, draft).reference(invoice.number())
                .dateDue(null);
        if (items != null) {
            ViolationCollector problems = new ViolationCollector();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) == null) {
                    problems.add("items[" + i + "]", "required", "must be a line item, was null");
                }
            }
            problems.throwIfAny();
            b.items(items);
        }
        return createFrom(b.build(), false, null, List.of(new Link(invoiceId, RelationType.CREDIT_FOR,
                Links::checkFinalInvoice)), FinalizeOptions.NONE);
    }

    /**
     * Creates a delivery note listing an invoice's items (relations {@code delivered_for} /
     * {@code has_delivery}).
     *
     * @param invoiceId the invoice, not null
     * @param draft true to create a draft
     * @return the delivery note
     * @throws DocumentStateException when the invoice is voided or trashed
     */
    public Document createDeliveryNote(DocumentId invoiceId, boolean draft) {
        Document invoice = s.load(invoiceId);
        Links.requireInvoice(invoice);
        Consumer<Document> check = d -> {
            Rules.notInTrash(d);
            Rules.notVoided(d, LifecycleRule.TARGET_INVOICE_NOT_FINAL, "deliver for");
        };
        check.accept(invoice);
        DocumentDraft.Builder b = Links.copy(invoice, DocumentType.DELIVERY_NOTE, draft).dateDue(null).paymentTerms(null)
                .reference(invoice.number());
        return createFrom(b.build(), false, null, List.of(new Link(invoiceId, RelationType.DELIVERED_FOR, check)),
                FinalizeOptions.NONE);
    }

    /**
     * Applies a paid advance invoice to a final invoice as a payment of type {@code advance} (relations
     * {@code advance_applied} on the invoice, {@code applied_to} on the advance invoice).
     *
     * @param advanceId the advance invoice, not null
     * @param invoiceId the invoice, not null
     * @return the invoice with the payment
     * @throws DocumentStateException when the advance is not final and paid in full, is already applied, or
     *     the invoice is not final
     * @throws ValidationException for ids of the wrong kinds or different currencies
     */
    public Document applyAdvance(DocumentId advanceId, DocumentId invoiceId) {
        Objects.requireNonNull(advanceId, "advanceId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        if (advanceId.type() != DocumentType.ADVANCE_INVOICE) {
            throw ValidationException.of("advance_invoice_id", "wrong_document_type", "expected an adv_ id, was "
                    + advanceId);
        }
        if (invoiceId.type() != DocumentType.INVOICE) {
            throw ValidationException.of("invoice_id", "wrong_document_type", "expected an inv_ id, was " + invoiceId);
        }
        return s.write("applying " + advanceId, () -> {
            Document advance = s.load(advanceId);
            Document invoice = s.load(invoiceId);
            Rules.notInTrash(advance);
            if (advance.isDraft() || advance.isVoided() || !Boolean.TRUE.equals(advance.paidInFull())) {
                throw Rules.refuse(LifecycleRule.ADVANCE_NOT_PAID, "advance invoice " + advanceId
                        + " must be final, not voided and paid in full");
            }
            for (DocumentRelation r : advance.documentRelations()) {
                if (r.relationType() == RelationType.APPLIED_TO && PaymentEntries.liveFrom(s, r.targetId(), advanceId)) {
                    throw Rules.refuse(LifecycleRule.ADVANCE_ALREADY_APPLIED, "advance invoice " + advanceId
                            + " is already applied to " + r.targetId());
                }
            }
            Links.checkFinalInvoice(invoice);
            if (!Objects.equals(advance.currency(), invoice.currency())) {
                throw ValidationException.of("invoice_id", "currency_mismatch", "the advance is in "
                        + advance.currencyCode() + ", the invoice in " + invoice.currencyCode());
            }
            Instant now = s.now();
            Document linkedAdvance = advance.toBuilder().documentRelations(Links.with(advance.documentRelations(),
                    new DocumentRelation(RelationType.APPLIED_TO, invoiceId, DocumentType.INVOICE,
                            invoice.number(), now))).updatedAt(now).build();
            s.save(linkedAdvance);
            s.event(linkedAdvance, TimelineEventType.UPDATED, "applied to " + invoiceId);
            Document linkedInvoice = invoice.toBuilder().documentRelations(Links.with(invoice.documentRelations(),
                    new DocumentRelation(RelationType.ADVANCE_APPLIED, advanceId,
                            DocumentType.ADVANCE_INVOICE, advance.number(), now))).build();
            return PaymentEntries.add(s, linkedInvoice, PaymentType.ADVANCE, advance.totalWithTax(), s.today(), null,
                    "advance " + advance.number(), advanceId, "advance " + advance.number() + " applied");
        });
    }

    // ------------------------------------------------------------------------------------- fiscal

    /**
     * Completes the fiscalization of a final document: sends again a submission that failed
     * ({@code SubsequentSubmit} / {@code NakDost}), completes a {@code pending} one whose outcome was never
     * stored (the gateway answers an already confirmed code with its earlier EOR / JIR, so nothing is registered
     * twice), and for a voided fiscalized document sends the technical cancellation again until one is
     * confirmed. The number and protected code stay.
     *
     * @param id the document, not null
     * @return the document with the new outcome
     * @throws DocumentStateException ({@code fiscalize_retry_failed_only}) when there is nothing to complete,
     *     ({@code fiscal_data_incomplete}) when the stored fiscal data cannot be sent
     */
    public Document retryFiscalization(DocumentId id) {
        Document d = s.load(id);
        boolean submit = !d.isDraft() && (Fiscalization.failed(d) || Fiscalization.pending(d));
        boolean cancel = d.isVoided() && Rules.isFiscalized(d)
                && !s.read("reading the timeline", () -> Fiscalization.cancellationConfirmed(s, d));
        if (!submit && !cancel) {
            throw Rules.refuse(LifecycleRule.FISCALIZE_RETRY_FAILED_ONLY,
                    "only a failed or pending fiscalization, or the "
                    + "unconfirmed cancellation of a voided one, can be retried; " + id + " is "
                    + (d.isDraft() ? "a draft" : d.furs() != null && d.furs().status() != null ? d.furs().status()
                    : d.fina() != null && d.fina().status() != null ? d.fina().status() : "not fiscalized")
                    + (d.isVoided() ? ", voided with a confirmed cancellation" : ""));
        }
        Fiscalization.issued(d);
        Document result = submit ? Fiscalization.submit(s, d, true) : d;
        if (cancel) {
            Fiscalization.cancel(s, result);
        }
        return result;
    }

    // ------------------------------------------------------------------------------------- export

    /**
     * Lists documents of a kind that an accounting system has not received (docs/lifecycle.md,
     * "Decisions where the spec is silent": Export), oldest first.
     *
     * @param type the kind, not null
     * @param request system, re-export time, drafts, created_at/updated_at filter; not null
     * @return the documents to export
     * @throws ValidationException without system id or with a filter on another field
     */
    public List<Document> notExported(DocumentType type, NotExportedRequest request) {
        return ExportTracking.notExported(s, Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(request, "request"));
    }

    /**
     * Marks at most 10 documents as exported to their systems, with a note in each timeline. All or nothing.
     *
     * @param marks the marks, not null
     * @return the documents marked
     * @throws ValidationException for more than 10 marks or missing fields
     * @throws NotFoundException when a document does not exist for this entity
     */
    public List<Document> markExported(List<ExportMark> marks) {
        // Not List.copyOf: a null mark is bad input, reported with its index, not a NullPointerException.
        return ExportTracking.markExported(s, java.util.Collections.unmodifiableList(
                new ArrayList<>(Objects.requireNonNull(marks, "marks"))));
    }

    // ------------------------------------------------------------------------------------- internals

    private Document createFrom(DocumentDraft request, boolean custom, BigDecimal expected, List<Link> links,
            FinalizeOptions options) {
        return createFrom(request, custom, expected, links, options, false);
    }

    private Document createFrom(DocumentDraft request, boolean custom, BigDecimal expected, List<Link> links,
            FinalizeOptions options, boolean saveCustomer) {
        Document draft = request.values();
        Preparation.checkPayments(draft);
        Fiscalization.checkPaymentMethod(draft.fina());
        DocumentType type = draft.type();
        // One builder from the request to the calculated document: the defaults, the server-owned values, the
        // ids and the stamps are set on it before the engine's one copy, which keeps them (and computes the
        // payment state), instead of copying the calculated document again to set them.
        // Ids are drawn before the unit of work, which then holds the entity's lock for less time.
        Document.Builder b = Preparation.withDefaults(s, draft)
                .id(new DocumentId(type, s.core.ids.newId(type.idPrefix())))
                .entityId(s.entityId()).draft(true).number(null).dateYear(null).shareableId(null).voidedAt(null)
                .voidReason(null).deletedAt(null).documentRelations(List.of());
        if (custom) {
            b.creationSource(CreationSource.CUSTOM);
        }
        boolean finalNow = !draft.isDraft();
        Instant stamped = s.now();
        Document prepared = Preparation.calculate(s, Preparation.stamp(s, b, stamped).createdAt(stamped)
                .updatedAt(stamped).build(), expected);
        Document created = s.write("creating a " + wire(type), () -> {
            Instant now = s.now();
            Document doc = prepared;
            if (!links.isEmpty()) {
                // Every link first, then one copy of the new document with all its relations.
                List<DocumentRelation> relations = doc.documentRelations();
                for (Link link : links) {
                    Document target = s.load(link.target());
                    link.check().accept(target);
                    if (link.relation() == RelationType.ADVANCE_APPLIED) {
                        LinkedDocuments.checkCurrency("linked_documents", doc, target);
                    }
                    relations = Links.with(relations, new DocumentRelation(link.relation(), target.id(),
                            target.type(), target.number(), now));
                    s.save(target.toBuilder().documentRelations(Links.with(target.documentRelations(),
                            new DocumentRelation(link.relation().inverse(), doc.id(), type, null, now)))
                            .updatedAt(now).build());
                }
                doc = doc.toBuilder().documentRelations(relations).build();
            }
            if (saveCustomer) {
                doc = EntityCustomers.saveFor(s, doc);
            }
            s.save(doc);
            s.event(doc, TimelineEventType.CREATED, null);
            return finalNow ? numberAndStore(doc, options) : doc;
        });
        return finalNow ? afterFinalize(created) : created;
    }

    /** Inside a unit of work: number, fiscal stamp, store, propagate the number, apply a credit note. */
    private Document numberAndStore(Document d, FinalizeOptions options) {
        FiscalSeries series = Fiscalization.seriesFor(s, d, options);
        AssignedNumber n = numbering.assign(s.entity, d.type(), d.date(), options.businessUnit(), series);
        Instant now = s.now();
        Document.Builder b = d.toBuilder().draft(false).number(n.number()).dateYear(n.year()).updatedAt(now);
        Fiscalization.stamp(s, b, series, n.sequence(), options, now);
        Document done = b.build();
        s.save(done);
        s.event(done, TimelineEventType.FINALIZED, n.number());
        for (DocumentRelation r : done.documentRelations()) {
            Document target = s.core.store.find(s.entityId(), r.targetId()).orElse(null);
            if (target == null) {
                continue;
            }
            List<DocumentRelation> rels = new ArrayList<>();
            for (DocumentRelation x : target.documentRelations()) {
                rels.add(x.targetId().equals(done.id())
                        ? new DocumentRelation(x.relationType(), x.targetId(), x.targetType(), done.number(),
                                x.createdAt())
                        : x);
            }
            target = target.toBuilder().documentRelations(rels).build();
            if (r.relationType() == RelationType.CREDIT_FOR) {
                Links.checkFinalInvoice(target);
                PaymentEntries.add(s, target, PaymentType.CREDIT_NOTE, done.totalWithTax(), done.date(), null,
                        "credit note " + done.number(), done.id(), "credit note " + done.number()
                                + " applied");
            } else {
                s.save(target);
                if (r.relationType() == RelationType.ADVANCE_APPLIED
                        && !PaymentEntries.liveFrom(s, done.id(), target.id())) {
                    // A linked paid advance is applied when the invoice becomes final (create or finalize).
                    if (target.isDeleted() || target.isVoided() || !Boolean.TRUE.equals(target.paidInFull())) {
                        throw Rules.refuse(LifecycleRule.ADVANCE_NOT_PAID, "linked advance invoice " + target.id()
                                + " is no longer final, paid in full and out of the trash");
                    }
                    done = PaymentEntries.add(s, done, PaymentType.ADVANCE, target.totalWithTax(), done.date(),
                            null, "advance " + target.number(), target.id(), "advance " + target.number()
                                    + " applied");
                }
            }
        }
        return done;
    }

    private Document afterFinalize(Document done) {
        return Fiscalization.pending(done) ? Fiscalization.submit(s, done, false) : done;
    }

    private static String wire(DocumentType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
