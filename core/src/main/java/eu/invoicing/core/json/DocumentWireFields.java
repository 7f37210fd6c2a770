package eu.invoicing.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.CalculationMode;
import eu.invoicing.core.model.CreationSource;
import eu.invoicing.core.model.DeliveryNote;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentField;
import eu.invoicing.core.model.DocumentRelation;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Estimate;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.TaxSummary;
import eu.invoicing.core.model.TitleType;
import eu.invoicing.core.model.TransactionType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The wire mapping of the field catalogue: for every {@link DocumentField}, how its value is read from JSON,
 * where a read value goes (a stored document's builder, and a request's {@link DocumentDraft} builder unless
 * only the library sets the field), how it is written, and on which kinds the reference writes it even when
 * it is null. The JSON reader's accepted keys and the writer's per-kind key sets are derived from this table
 * and the catalogue ({@link DocumentField#carriers()}): a kind reads and writes exactly the fields it carries.
 *
 * <p>Adding a field to the catalogue means one entry here; the class refuses to load while a catalogue field has
 * no entry (and {@code DocumentWireFieldsTest} says which).
 *
 * <p>The entries are in the order the writer writes them. The reader reads in the same order, except that, as
 * before the table existed, {@code currency_code} is read after {@code reference} and the fields of one kind
 * come last, so that problems are reported in the same order as before.
 *
 * <p>Stateless and thread-safe.
 */
final class DocumentWireFields {
    /** Reads a field's value; problems go to the reader's violations. */
    interface Read<T> {
        T read(JsonObjectReader r, String key, DocumentJsonReader.Source source, DocumentType type);
    }

    /** Writes a field (or nothing, or null, as the field writer decides). */
    interface Write {
        void write(String key, Document d, DocumentJsonWriter.FieldWriter w, JsonGenerator g) throws IOException;
    }

    /**
     * One field's wire mapping.
     *
     * @param <T> the value type
     */
    static final class Entry<T> {
        final DocumentField field;
        final String key;
        private final Read<T> read;
        private final BiConsumer<Document.Builder, T> toDocument;
        private final BiConsumer<DocumentDraft.Builder, T> toDraft;
        private final Write write;
        final Set<DocumentType> nullFor;

        private Entry(DocumentField field, Read<T> read, BiConsumer<Document.Builder, T> toDocument,
                BiConsumer<DocumentDraft.Builder, T> toDraft, Write write, Set<DocumentType> nullFor) {
            this.field = field;
            this.key = field.wireName();
            this.read = read;
            this.toDocument = toDocument;
            this.toDraft = toDraft;
            this.write = write;
            this.nullFor = nullFor;
        }

        /** @return whether the entry reads its value (the id is read by the reader itself: it gives the kind) */
        boolean isRead() {
            return read != null;
        }

        /** @return whether a request's value is kept in its draft (false: server-owned, or an outcome only) */
        boolean isRequestValue() {
            return toDraft != null;
        }

        void readInto(JsonObjectReader r, DocumentJsonReader.Source source, DocumentType type, Document.Builder b) {
            if (read != null) {
                T v = read.read(r, key, source, type);
                toDocument.accept(b, v);
            }
        }

        void readInto(JsonObjectReader r, DocumentJsonReader.Source source, DocumentType type,
                DocumentDraft.Builder b) {
            if (read != null) {
                // Read even when the draft does not keep it: its problems are reported, its key is known.
                T v = read.read(r, key, source, type);
                if (toDraft != null) {
                    toDraft.accept(b, v);
                }
            }
        }

        void write(Document d, DocumentJsonWriter.FieldWriter w, JsonGenerator g) throws IOException {
            write.write(key, d, w, g);
        }
    }

    private static final Set<DocumentType> ALL = Collections.unmodifiableSet(EnumSet.allOf(DocumentType.class));
    private static final Set<DocumentType> NONE = Collections.unmodifiableSet(EnumSet.noneOf(DocumentType.class));
    private static final DocumentType I = DocumentType.INVOICE;
    private static final DocumentType E = DocumentType.ESTIMATE;
    private static final DocumentType C = DocumentType.CREDIT_NOTE;
    private static final DocumentType A = DocumentType.ADVANCE_INVOICE;
    private static final DocumentType D = DocumentType.DELIVERY_NOTE;

    private static final Map<DocumentField, Entry<?>> BY_FIELD = new EnumMap<>(DocumentField.class);
    private static final List<Entry<?>> WRITE_ORDER = new ArrayList<>();

    static {
        add(DocumentField.ID, null, null, null, (k, d, w, g) -> w.string(k, d.id() == null ? null : d.id().value()),
                ALL);
        add(DocumentField.ENTITY_ID, str(), Document.Builder::entityId, null, (k, d, w, g) -> w.string(k, d.entityId()),
                ALL);
        add(DocumentField.NUMBER, str(), Document.Builder::number, DocumentDraft.Builder::number,
                (k, d, w, g) -> w.string(k, d.number()), ALL);
        // Absent means final, for stored documents (finals carry no is_draft key) and for create requests
        // alike (docs/wire-format.md: without is_draft the document is finalized at once).
        add(DocumentField.IS_DRAFT, (r, k, s, t) -> Boolean.TRUE.equals(r.bool(k)), Document.Builder::draft,
                DocumentDraft.Builder::draft, (k, d, w, g) -> {
                    if (d.isDraft()) {
                        g.writeBooleanField(k, true);
                    }
                }, NONE);
        add(DocumentField.DATE, date(), Document.Builder::date, DocumentDraft.Builder::date,
                (k, d, w, g) -> w.date(k, d.date()), ALL);
        add(DocumentField.DATE_YEAR, (r, k, s, t) -> r.integer(k), Document.Builder::dateYear,
                DocumentDraft.Builder::dateYear, (k, d, w, g) -> w.integer(k, d.dateYear()), ALL);
        add(DocumentField.DATE_DUE, date(), Document.Builder::dateDue, DocumentDraft.Builder::dateDue,
                (k, d, w, g) -> w.date(k, d.dateDue()), EnumSet.of(I, A));
        add(DocumentField.DATE_SERVICE, date(), Document.Builder::dateService, DocumentDraft.Builder::dateService,
                (k, d, w, g) -> w.plainDate(k, d.dateService()), EnumSet.of(I, C, D));
        add(DocumentField.DATE_SERVICE_TO, date(), Document.Builder::dateServiceTo,
                DocumentDraft.Builder::dateServiceTo, (k, d, w, g) -> w.plainDate(k, d.dateServiceTo()),
                EnumSet.of(I, C));
        add(DocumentField.DATE_VALID_TILL, date(), Document.Builder::dateValidTill,
                DocumentDraft.Builder::dateValidTill, (k, d, w, g) -> w.date(k, ((Estimate) d).dateValidTill()),
                EnumSet.of(E));
        add(DocumentField.TITLE_TYPE, (r, k, s, t) -> r.enumValue(k, TitleType.class), Document.Builder::titleType,
                DocumentDraft.Builder::titleType,
                (k, d, w, g) -> w.string(k, WireValues.of(((Estimate) d).titleType())), NONE);
        add(DocumentField.HIDE_PRICES, (r, k, s, t) -> r.bool(k), Document.Builder::hidePrices,
                DocumentDraft.Builder::hidePrices, (k, d, w, g) -> w.bool(k, ((DeliveryNote) d).hidePrices()),
                EnumSet.of(D));
        add(DocumentField.CURRENCY_CODE, (r, k, s, t) -> r.currency(k), Document.Builder::currency,
                DocumentDraft.Builder::currency, (k, d, w, g) -> w.string(k, d.currencyCode()), ALL);
        add(DocumentField.ISSUER, (r, k, s, t) -> DocumentJsonReader.party(r.object(k)), Document.Builder::issuer,
                DocumentDraft.Builder::issuer, (k, d, w, g) -> {
                    if (w.wants(k, d.issuer())) {
                        DocumentJsonWriter.party(g, d.issuer());
                    }
                }, ALL);
        add(DocumentField.CUSTOMER_ID, str(), Document.Builder::customerId, DocumentDraft.Builder::customerId,
                (k, d, w, g) -> w.string(k, d.customerId()), ALL);
        add(DocumentField.CUSTOMER, (r, k, s, t) -> DocumentJsonReader.party(r.object(k)),
                Document.Builder::customer, DocumentDraft.Builder::customer, (k, d, w, g) -> {
                    if (w.wants(k, d.customer())) {
                        DocumentJsonWriter.party(g, d.customer());
                    }
                }, ALL);
        add(DocumentField.ITEMS, (r, k, s, t) -> r.objects(k, (ir, i) -> DocumentJsonReader.item(
                ir.readOnly(s.owned(DocumentJsonReader.SERVER_OWNED_ITEM)), t, s)), Document.Builder::items,
                DocumentDraft.Builder::items, (k, d, w, g) -> {
                    if (w.wants(k, d.items())) {
                        g.writeStartArray();
                        for (LineItem item : d.items()) {
                            DocumentJsonWriter.item(g, item, DocumentJsonWriter.itemKeys(d.type()), d.type());
                        }
                        g.writeEndArray();
                    }
                }, ALL);
        add(DocumentField.NOTE, str(), Document.Builder::note, DocumentDraft.Builder::note,
                (k, d, w, g) -> w.string(k, d.note()), ALL);
        add(DocumentField.PAYMENT_TERMS, str(), Document.Builder::paymentTerms, DocumentDraft.Builder::paymentTerms,
                (k, d, w, g) -> w.string(k, d.paymentTerms()), EnumSet.of(I, E, C));
        add(DocumentField.TAX_CLAUSE, str(), Document.Builder::taxClause, DocumentDraft.Builder::taxClause,
                (k, d, w, g) -> w.string(k, d.taxClause()), EnumSet.of(I, E, A));
        add(DocumentField.FOOTER, str(), Document.Builder::footer, DocumentDraft.Builder::footer,
                (k, d, w, g) -> w.string(k, d.footer()), NONE);
        add(DocumentField.SIGNATURE, str(), Document.Builder::signature, DocumentDraft.Builder::signature,
                (k, d, w, g) -> w.string(k, d.signature()), NONE);
        add(DocumentField.REFERENCE, str(), Document.Builder::reference, DocumentDraft.Builder::reference,
                (k, d, w, g) -> w.string(k, d.reference()), NONE);
        TradeWireFields.register();
        add(DocumentField.CALCULATION_MODE, (r, k, s, t) -> r.enumValue(k, CalculationMode.class),
                Document.Builder::calculationMode, DocumentDraft.Builder::calculationMode,
                (k, d, w, g) -> w.string(k, WireValues.of(d.calculationMode())), NONE);
        add(DocumentField.CREATION_SOURCE, (r, k, s, t) -> r.enumValue(k, CreationSource.class),
                Document.Builder::creationSource, DocumentDraft.Builder::creationSource,
                (k, d, w, g) -> w.string(k, WireValues.of(d.creationSource())), NONE);
        add(DocumentField.TOTAL, dec(), Document.Builder::total, DocumentDraft.Builder::total,
                (k, d, w, g) -> w.decimal(k, d.total()), ALL);
        add(DocumentField.TOTAL_WITH_TAX, dec(), Document.Builder::totalWithTax, DocumentDraft.Builder::totalWithTax,
                (k, d, w, g) -> w.decimal(k, d.totalWithTax()), ALL);
        add(DocumentField.TOTAL_DISCOUNT, dec(), Document.Builder::totalDiscount,
                DocumentDraft.Builder::totalDiscount, (k, d, w, g) -> w.decimal(k, d.totalDiscount()), NONE);
        add(DocumentField.ALLOWANCES, allowanceCharges(), Document.Builder::allowances,
                DocumentDraft.Builder::allowances, allowanceCharges(Document::allowances), NONE);
        add(DocumentField.CHARGES, allowanceCharges(), Document.Builder::charges, DocumentDraft.Builder::charges,
                allowanceCharges(Document::charges), NONE);
        add(DocumentField.TOTAL_ALLOWANCES, dec(), Document.Builder::totalAllowances,
                DocumentDraft.Builder::totalAllowances, (k, d, w, g) -> w.decimal(k, d.totalAllowances()), NONE);
        add(DocumentField.TOTAL_CHARGES, dec(), Document.Builder::totalCharges, DocumentDraft.Builder::totalCharges,
                (k, d, w, g) -> w.decimal(k, d.totalCharges()), NONE);
        add(DocumentField.TAXES, (r, k, s, t) -> r.objects(k, (tr, i) -> DocumentJsonReader.taxSummary(tr)),
                Document.Builder::taxes, DocumentDraft.Builder::taxes, (k, d, w, g) -> {
                    if (w.wants(k, d.taxes())) {
                        g.writeStartArray();
                        for (TaxSummary t : d.taxes()) {
                            DocumentJsonWriter.taxSummary(g, t);
                        }
                        g.writeEndArray();
                    }
                }, ALL);
        add(DocumentField.TRANSACTION_TYPE, (r, k, s, t) -> r.enumValue(k, TransactionType.class),
                Document.Builder::transactionType, DocumentDraft.Builder::transactionType,
                (k, d, w, g) -> w.string(k, WireValues.of(d.transactionType())), EnumSet.of(I, E, A, D));
        add(DocumentField.EXCHANGE_RATE, (r, k, s, t) -> DocumentJsonReader.exchangeRate(r, r.object(k)),
                Document.Builder::exchangeRate, DocumentDraft.Builder::exchangeRate, (k, d, w, g) -> {
                    if (w.wants(k, d.exchangeRate())) {
                        DocumentJsonWriter.exchangeRate(g, d.exchangeRate());
                    }
                }, EnumSet.of(I, E, C, A));
        add(DocumentField.TOTAL_CONVERTED, dec(), Document.Builder::totalConverted,
                DocumentDraft.Builder::totalConverted, (k, d, w, g) -> w.decimal(k, d.totalConverted()),
                EnumSet.of(I, E, C, A));
        add(DocumentField.TOTAL_WITH_TAX_CONVERTED, dec(), Document.Builder::totalWithTaxConverted,
                DocumentDraft.Builder::totalWithTaxConverted, (k, d, w, g) -> w.decimal(k, d.totalWithTaxConverted()),
                EnumSet.of(I, E, C, A));
        add(DocumentField.ROUNDING_CORRECTION, dec(), Document.Builder::roundingCorrection,
                DocumentDraft.Builder::roundingCorrection, (k, d, w, g) -> w.decimal(k, d.roundingCorrection()),
                EnumSet.of(I, E, A));
        add(DocumentField.TOTAL_PAID, dec(), Document.Builder::totalPaid, DocumentDraft.Builder::totalPaid,
                (k, d, w, g) -> w.decimal(k, d.totalPaid()), EnumSet.of(I, C, A));
        add(DocumentField.TOTAL_DUE, dec(), Document.Builder::totalDue, DocumentDraft.Builder::totalDue,
                (k, d, w, g) -> w.decimal(k, d.totalDue()), EnumSet.of(I, C, A));
        add(DocumentField.PAID_IN_FULL, (r, k, s, t) -> r.bool(k), Document.Builder::paidInFull,
                DocumentDraft.Builder::paidInFull, (k, d, w, g) -> w.bool(k, d.paidInFull()), EnumSet.of(I, C, A));
        add(DocumentField.PAYMENTS, (r, k, s, t) -> r.objects(k, (pr, i) -> DocumentJsonReader.payment(
                pr.readOnly(s.owned(DocumentJsonReader.SERVER_OWNED_PAYMENT)), r.violations())),
                Document.Builder::payments, DocumentDraft.Builder::payments, (k, d, w, g) -> {
                    if (w.wants(k, d.payments())) {
                        g.writeStartArray();
                        for (Payment p : d.payments()) {
                            DocumentJsonWriter.payment(g, p);
                        }
                        g.writeEndArray();
                    }
                }, NONE);
        add(DocumentField.DOCUMENT_RELATIONS, (r, k, s, t) -> r.objects(k, (dr, i) -> DocumentJsonReader.relation(dr)),
                Document.Builder::documentRelations, null, (k, d, w, g) -> {
                    if (w.wants(k, d.documentRelations())) {
                        g.writeStartArray();
                        for (DocumentRelation rel : d.documentRelations()) {
                            DocumentJsonWriter.relation(g, rel);
                        }
                        g.writeEndArray();
                    }
                }, NONE);
        add(DocumentField.METADATA, (r, k, s, t) -> r.stringMap(k), Document.Builder::metadata,
                DocumentDraft.Builder::metadata, (k, d, w, g) -> {
                    if (w.wants(k, d.metadata())) {
                        DocumentJsonWriter.stringMap(g, d.metadata());
                    }
                }, ALL);
        add(DocumentField.SHAREABLE_ID, str(), Document.Builder::shareableId, null,
                (k, d, w, g) -> w.string(k, d.shareableId()), ALL);
        add(DocumentField.VOIDED_AT, (r, k, s, t) -> r.instant(k), Document.Builder::voidedAt, null,
                (k, d, w, g) -> w.instant(k, d.voidedAt()), ALL);
        add(DocumentField.VOID_REASON, str(), Document.Builder::voidReason, null,
                (k, d, w, g) -> w.string(k, d.voidReason()), NONE);
        add(DocumentField.HAS_ORIGINAL_DOCUMENT, (r, k, s, t) -> r.bool(k), Document.Builder::hasOriginalDocument,
                null, (k, d, w, g) -> w.bool(k, d.hasOriginalDocument()), NONE);
        add(DocumentField.DELETED_AT, (r, k, s, t) -> r.instant(k), Document.Builder::deletedAt, null,
                (k, d, w, g) -> w.instant(k, d.deletedAt()), EnumSet.of(I, C, D));
        add(DocumentField.CREATED_AT, (r, k, s, t) -> r.instant(k), Document.Builder::createdAt, null,
                (k, d, w, g) -> w.instant(k, d.createdAt()), ALL);
        add(DocumentField.UPDATED_AT, (r, k, s, t) -> r.instant(k), Document.Builder::updatedAt, null,
                (k, d, w, g) -> w.instant(k, d.updatedAt()), ALL);
        add(DocumentField.FURS, (r, k, s, t) -> DocumentJsonReader.furs(r.object(k), s), Document.Builder::furs,
                DocumentDraft.Builder::furs, (k, d, w, g) -> {
                    if (w.wants(k, d.furs())) {
                        DocumentJsonWriter.furs(g, d.furs());
                    }
                }, EnumSet.of(I, C, A));
        add(DocumentField.FINA, (r, k, s, t) -> DocumentJsonReader.fina(r.object(k), s), Document.Builder::fina,
                DocumentDraft.Builder::fina, (k, d, w, g) -> {
                    if (w.wants(k, d.fina())) {
                        DocumentJsonWriter.fina(g, d.fina());
                    }
                }, EnumSet.of(I, C));
        add(DocumentField.PT, (r, k, s, t) -> DocumentJsonReader.pt(r.object(k)), Document.Builder::pt,
                DocumentDraft.Builder::pt, (k, d, w, g) -> {
                    if (w.wants(k, d.pt())) {
                        DocumentJsonWriter.pt(g, d.pt());
                    }
                }, NONE);
        // Every field of the e-SLOG object is an outcome: a request's object is checked, and nothing is kept.
        add(DocumentField.ESLOG, (r, k, s, t) -> DocumentJsonReader.eslog(r.object(k), s), Document.Builder::eslog,
                null, (k, d, w, g) -> {
                    if (w.wants(k, d.eslog())) {
                        DocumentJsonWriter.eslog(g, d.eslog());
                    }
                }, NONE);
        add(DocumentField.VIES, (r, k, s, t) -> DocumentJsonReader.vies(r.object(k)), Document.Builder::vies, null,
                (k, d, w, g) -> {
                    if (w.wants(k, d.vies())) {
                        DocumentJsonWriter.vies(g, d.vies());
                    }
                }, EnumSet.of(I, E, A));
    }

    private static final List<Entry<?>> READ_ORDER = readOrder();
    private static final Map<DocumentType, Set<String>> NULL_WRITTEN = nullWritten();

    static {
        List<DocumentField> missing = new ArrayList<>();
        for (DocumentField f : DocumentField.values()) {
            if (!BY_FIELD.containsKey(f)) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new ExceptionInInitializerError("catalogue fields without a wire mapping: " + missing);
        }
    }

    private DocumentWireFields() {
    }

    static <T> void add(DocumentField field, Read<T> read, BiConsumer<Document.Builder, T> toDocument,
            BiConsumer<DocumentDraft.Builder, T> toDraft, Write write, Set<DocumentType> nullFor) {
        if (toDraft != null && field.isServerOwned()) {
            throw new ExceptionInInitializerError(field + " is server-owned: a request's draft cannot keep it");
        }
        Entry<T> e = new Entry<>(field, read, toDocument, toDraft, write,
                Collections.unmodifiableSet(nullFor.isEmpty() ? EnumSet.noneOf(DocumentType.class)
                        : EnumSet.copyOf(nullFor)));
        if (BY_FIELD.put(field, e) != null) {
            throw new ExceptionInInitializerError(field + " is mapped twice");
        }
        WRITE_ORDER.add(e);
    }

    private static Read<String> str() {
        return (r, k, s, t) -> r.string(k);
    }

    private static Read<LocalDate> date() {
        return (r, k, s, t) -> r.date(k);
    }

    private static Read<List<AllowanceCharge>> allowanceCharges() {
        return (r, k, s, t) -> r.objects(k, (ar, i) -> DocumentJsonReader.allowanceCharge(ar));
    }

    private static Write allowanceCharges(java.util.function.Function<Document, List<AllowanceCharge>> list) {
        return (k, d, w, g) -> {
            if (w.wants(k, list.apply(d))) {
                DocumentJsonWriter.allowanceCharges(g, list.apply(d));
            }
        };
    }

    private static Read<BigDecimal> dec() {
        return (r, k, s, t) -> r.decimal(k);
    }

    private static List<Entry<?>> readOrder() {
        List<Entry<?>> common = new ArrayList<>();
        List<Entry<?>> ofOneKind = new ArrayList<>();
        Entry<?> currency = BY_FIELD.get(DocumentField.CURRENCY_CODE);
        for (Entry<?> e : WRITE_ORDER) {
            if (e == currency) {
                continue;
            }
            (e.field.carriers().size() < DocumentType.values().length ? ofOneKind : common).add(e);
            if (e.field == DocumentField.REFERENCE) {
                common.add(currency);
            }
        }
        common.addAll(ofOneKind);
        return List.copyOf(common);
    }

    private static Map<DocumentType, Set<String>> nullWritten() {
        Map<DocumentType, Set<String>> out = new EnumMap<>(DocumentType.class);
        for (DocumentType t : DocumentType.values()) {
            Set<String> keys = new LinkedHashSet<>();
            for (Entry<?> e : WRITE_ORDER) {
                if (e.nullFor.contains(t) && e.field.carriers().contains(t)) {
                    keys.add(e.key);
                }
            }
            out.put(t, Collections.unmodifiableSet(keys));
        }
        return Collections.unmodifiableMap(out);
    }

    /** @return every entry, in the order the writer writes them */
    static List<Entry<?>> writeOrder() {
        return Collections.unmodifiableList(WRITE_ORDER);
    }

    /** @return every entry, in the order the reader reads them */
    static List<Entry<?>> readOrderList() {
        return READ_ORDER;
    }

    /**
     * @param field not null
     * @return the field's entry
     */
    static Entry<?> of(DocumentField field) {
        return BY_FIELD.get(field);
    }

    /**
     * @param type not null
     * @return the keys the writer writes on a document of the kind even when their value is null (the
     *     reference's examples show them), derived from the entries and the catalogue's carriers
     */
    static Set<String> nullWritten(DocumentType type) {
        return NULL_WRITTEN.get(type);
    }

    /**
     * @param type not null
     * @return the top-level keys a document of the kind is read with: the wire names of the fields it carries
     */
    static Set<String> acceptedKeys(DocumentType type) {
        Set<String> keys = new LinkedHashSet<>();
        for (Entry<?> e : WRITE_ORDER) {
            if (e.field.carriers().contains(type)) {
                keys.add(e.key);
            }
        }
        return keys;
    }
}
