package eu.invoicing.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentRelation;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Estimate;
import eu.invoicing.core.model.DeliveryNote;
import eu.invoicing.core.model.EslogValidation;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.FinaData;
import eu.invoicing.core.model.FursData;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.PtData;
import eu.invoicing.core.model.TaxSummary;
import eu.invoicing.core.model.ViesCheck;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes documents in the reference's snake_case shape. Each kind has the key set of the reference's
 * examples, written always (null as null); every other field is written only when it has a value (non-null,
 * non-empty, or true for {@code is_draft}). Amounts are plain JSON numbers at the scale they carry (the
 * engine's currency scale). Dates are date-times at midnight UTC ({@code 2025-03-15T00:00:00.000Z}).
 *
 * <p>Stateless and thread-safe.
 */
final class DocumentJsonWriter {
    static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final List<String> CREDIT_NOTE_KEYS = List.of("id", "number", "date", "date_service",
            "date_service_to", "issuer", "customer_id", "customer", "note", "total", "total_with_tax", "taxes",
            "currency_code", "entity_id", "date_year", "shareable_id", "voided_at", "deleted_at", "metadata",
            "exchange_rate", "total_converted", "total_with_tax_converted", "total_paid", "total_due", "paid_in_full",
            "furs", "fina", "payment_terms", "items", "created_at", "updated_at");
    private static final Map<DocumentType, Set<String>> ALWAYS = new EnumMap<>(DocumentType.class);
    private static final Map<DocumentType, List<String>> ITEM_KEYS = new EnumMap<>(DocumentType.class);

    static {
        ALWAYS.put(DocumentType.ESTIMATE, ordered("id", "entity_id", "number", "date", "currency_code", "issuer",
                "customer_id", "customer", "items", "note", "total", "total_with_tax", "total_converted",
                "total_with_tax_converted", "shareable_id", "taxes", "date_year", "metadata", "created_at",
                "updated_at", "voided_at", "exchange_rate", "rounding_correction", "transaction_type", "vies",
                "tax_clause", "payment_terms", "date_valid_till"));
        ALWAYS.put(DocumentType.ADVANCE_INVOICE, ordered("id", "entity_id", "number", "date", "currency_code",
                "issuer", "customer_id", "customer", "items", "note", "total", "total_with_tax", "total_converted",
                "total_with_tax_converted", "shareable_id", "taxes", "date_year", "metadata", "created_at",
                "updated_at", "voided_at", "exchange_rate", "rounding_correction", "transaction_type", "vies",
                "tax_clause", "date_due", "total_paid", "total_due", "paid_in_full", "furs"));
        ALWAYS.put(DocumentType.CREDIT_NOTE, new LinkedHashSet<>(CREDIT_NOTE_KEYS));
        Set<String> invoice = new LinkedHashSet<>(CREDIT_NOTE_KEYS);
        invoice.addAll(List.of("date_due", "rounding_correction", "transaction_type", "vies", "tax_clause"));
        ALWAYS.put(DocumentType.INVOICE, invoice);
        ALWAYS.put(DocumentType.DELIVERY_NOTE, ordered("id", "entity_id", "number", "date", "currency_code",
                "issuer", "customer_id", "customer", "items", "note", "total", "total_with_tax", "taxes", "date_year",
                "metadata", "created_at", "updated_at", "voided_at", "deleted_at", "shareable_id",
                "transaction_type", "date_service", "hide_prices"));
        ITEM_KEYS.put(DocumentType.ESTIMATE, List.of("id", "estimate_id", "advance_invoice_id", "name", "description",
                "quantity", "price", "gross_price", "taxes", "discounts", "unit", "total", "total_with_tax",
                "total_converted", "total_with_tax_converted", "metadata", "created_at", "updated_at"));
        ITEM_KEYS.put(DocumentType.ADVANCE_INVOICE, List.of("id", "advance_invoice_id", "name", "description",
                "quantity", "price", "gross_price", "taxes", "discounts", "unit", "total", "total_with_tax",
                "total_converted", "total_with_tax_converted", "metadata", "created_at", "updated_at"));
        for (DocumentType t : List.of(DocumentType.INVOICE, DocumentType.CREDIT_NOTE, DocumentType.DELIVERY_NOTE)) {
            ITEM_KEYS.put(t, List.of("id", "name", "description", "quantity", "price", "gross_price", "total",
                    "total_with_tax", "taxes", "discounts", "type", "unit", itemParentKey(t), "total_converted",
                    "total_with_tax_converted", "metadata", "created_at", "updated_at"));
        }
    }

    /** Keys of the {@code POST /documents/calculate} response item. */
    private static final List<String> CALCULATION_ITEM_KEYS = List.of("name", "description", "type", "price",
            "gross_price", "quantity", "unit", "taxes", "discounts", "total", "total_with_tax", "total_converted",
            "total_with_tax_converted");

    private DocumentJsonWriter() {
    }

    /** The item key that carries the owning document's id, e.g. {@code credit_note_id}. */
    static String itemParentKey(DocumentType type) {
        return WireValues.of(type) + "_id";
    }

    private static Set<String> ordered(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }

    static void writeDocument(Document d, JsonGenerator g) throws IOException {
        Set<String> always = ALWAYS.get(d.type());
        FieldWriter w = new FieldWriter(g, always);
        g.writeStartObject();
        w.string("id", d.id() == null ? null : d.id().value());
        w.string("entity_id", d.entityId());
        w.string("number", d.number());
        if (d.isDraft()) {
            g.writeBooleanField("is_draft", true);
        }
        w.date("date", d.date());
        w.integer("date_year", d.dateYear());
        w.date("date_due", d.dateDue());
        w.plainDate("date_service", d.dateService());
        w.plainDate("date_service_to", d.dateServiceTo());
        if (d instanceof Estimate e) {
            w.date("date_valid_till", e.dateValidTill());
            w.string("title_type", WireValues.of(e.titleType()));
        }
        if (d instanceof DeliveryNote n) {
            w.bool("hide_prices", n.hidePrices());
        }
        w.string("currency_code", d.currencyCode());
        if (w.wants("issuer", d.issuer())) {
            party(g, d.issuer());
        }
        w.string("customer_id", d.customerId());
        if (w.wants("customer", d.customer())) {
            party(g, d.customer());
        }
        if (w.wants("items", d.items())) {
            g.writeStartArray();
            for (LineItem item : d.items()) {
                item(g, item, ITEM_KEYS.get(d.type()), d.type());
            }
            g.writeEndArray();
        }
        w.string("note", d.note());
        w.string("payment_terms", d.paymentTerms());
        w.string("tax_clause", d.taxClause());
        w.string("footer", d.footer());
        w.string("signature", d.signature());
        w.string("reference", d.reference());
        w.string("calculation_mode", WireValues.of(d.calculationMode()));
        w.string("creation_source", WireValues.of(d.creationSource()));
        writeTotals(d, w, g);
        w.decimal("total_paid", d.totalPaid());
        w.decimal("total_due", d.totalDue());
        w.bool("paid_in_full", d.paidInFull());
        if (w.wants("payments", d.payments())) {
            g.writeStartArray();
            for (Payment p : d.payments()) {
                payment(g, p);
            }
            g.writeEndArray();
        }
        if (w.wants("document_relations", d.documentRelations())) {
            g.writeStartArray();
            for (DocumentRelation r : d.documentRelations()) {
                relation(g, r);
            }
            g.writeEndArray();
        }
        if (w.wants("metadata", d.metadata())) {
            stringMap(g, d.metadata());
        }
        w.string("shareable_id", d.shareableId());
        w.instant("voided_at", d.voidedAt());
        w.string("void_reason", d.voidReason());
        w.bool("has_original_document", d.hasOriginalDocument());
        w.instant("deleted_at", d.deletedAt());
        w.instant("created_at", d.createdAt());
        w.instant("updated_at", d.updatedAt());
        if (w.wants("furs", d.furs())) {
            furs(g, d.furs());
        }
        if (w.wants("fina", d.fina())) {
            fina(g, d.fina());
        }
        if (w.wants("pt", d.pt())) {
            pt(g, d.pt());
        }
        if (w.wants("eslog", d.eslog())) {
            eslog(g, d.eslog());
        }
        if (w.wants("vies", d.vies())) {
            vies(g, d.vies());
        }
        g.writeEndObject();
    }

    /** The {@code POST /documents/calculate} response: totals, taxes and lines, no identity or state. */
    static void writeCalculation(Document d, JsonGenerator g) throws IOException {
        FieldWriter w = new FieldWriter(g, ordered("items", "total", "total_with_tax", "total_discount", "taxes",
                "transaction_type", "currency_code", "exchange_rate", "total_converted", "total_with_tax_converted",
                "rounding_correction", "vies"));
        g.writeStartObject();
        g.writeFieldName("items");
        g.writeStartArray();
        for (LineItem item : d.items()) {
            item(g, item, CALCULATION_ITEM_KEYS, null);
        }
        g.writeEndArray();
        w.string("calculation_mode", WireValues.of(d.calculationMode()));
        w.string("currency_code", d.currencyCode());
        writeTotals(d, w, g);
        w.decimal("total_paid", d.totalPaid());
        w.decimal("total_due", d.totalDue());
        w.bool("paid_in_full", d.paidInFull());
        if (w.wants("vies", d.vies())) {
            vies(g, d.vies());
        }
        g.writeEndObject();
    }

    private static void writeTotals(Document d, FieldWriter w, JsonGenerator g) throws IOException {
        w.decimal("total", d.total());
        w.decimal("total_with_tax", d.totalWithTax());
        w.decimal("total_discount", d.totalDiscount());
        if (w.wants("taxes", d.taxes())) {
            g.writeStartArray();
            for (TaxSummary t : d.taxes()) {
                taxSummary(g, t);
            }
            g.writeEndArray();
        }
        w.string("transaction_type", WireValues.of(d.transactionType()));
        if (w.wants("exchange_rate", d.exchangeRate())) {
            ExchangeRate r = d.exchangeRate();
            g.writeStartObject();
            g.writeNumberField("rate", r.rate());
            FieldWriter rw = new FieldWriter(g, Set.of());
            rw.string("source", r.source());
            rw.date("date", r.date());
            rw.string("quote_currency", r.quoteCurrency());
            g.writeEndObject();
        }
        w.decimal("total_converted", d.totalConverted());
        w.decimal("total_with_tax_converted", d.totalWithTaxConverted());
        w.decimal("rounding_correction", d.roundingCorrection());
    }

    static void party(JsonGenerator g, Party p) throws IOException {
        FieldWriter w = new FieldWriter(g, Set.of());
        g.writeStartObject();
        w.string("name", p.name());
        w.string("address", p.address());
        w.string("address_2", p.address2());
        w.string("post_code", p.postCode());
        w.string("city", p.city());
        w.string("state", p.state());
        w.string("country", p.country());
        w.string("country_code", p.countryCode());
        w.string("tax_number", p.taxNumber());
        w.string("company_number", p.companyNumber());
        w.string("email", p.email());
        w.string("phone", p.phone());
        w.string("website", p.website());
        w.bool("is_end_consumer", p.isEndConsumer());
        w.bool("is_tax_subject", p.isTaxSubject());
        g.writeEndObject();
    }

    private static void item(JsonGenerator g, LineItem item, List<String> keys, DocumentType kind) throws IOException {
        FieldWriter w = new FieldWriter(g, new LinkedHashSet<>(keys));
        g.writeStartObject();
        w.string("id", item.id());
        if (kind != null) {
            for (String key : keys) {
                if (key.endsWith("_id") && !key.equals("id") && !key.equals(itemParentKey(kind))) {
                    g.writeNullField(key);
                }
            }
            w.string(itemParentKey(kind), item.documentId());
        }
        w.string("name", item.name());
        w.string("description", item.description());
        w.string("type", WireValues.of(item.type()));
        w.decimal("quantity", item.quantity());
        w.decimal("price", item.price());
        w.decimal("gross_price", item.grossPrice());
        w.string("unit", item.unit());
        w.string("item_id", item.itemId());
        if (w.wants("taxes", item.taxes())) {
            g.writeStartArray();
            for (LineTax t : item.taxes()) {
                FieldWriter tw = new FieldWriter(g, Set.of());
                g.writeStartObject();
                tw.string("name", t.name());
                g.writeNumberField("rate", t.rate());
                tw.string("tax_id", t.taxId());
                tw.decimal("base", t.base());
                tw.decimal("amount", t.amount());
                tw.bool("reverse_charge", t.reverseCharge());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (w.wants("discounts", item.discounts())) {
            g.writeStartArray();
            for (var dsc : item.discounts()) {
                g.writeStartObject();
                g.writeNumberField("value", dsc.value());
                g.writeStringField("type", WireValues.of(dsc.type()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        w.decimal("total", item.total());
        w.decimal("total_with_tax", item.totalWithTax());
        w.decimal("total_discount", item.totalDiscount());
        w.decimal("total_converted", item.totalConverted());
        w.decimal("total_with_tax_converted", item.totalWithTaxConverted());
        if (w.wants("metadata", item.metadata())) {
            stringMap(g, item.metadata());
        }
        w.instant("created_at", item.createdAt());
        w.instant("updated_at", item.updatedAt());
        g.writeEndObject();
    }

    private static void taxSummary(JsonGenerator g, TaxSummary t) throws IOException {
        FieldWriter w = new FieldWriter(g, Set.of());
        g.writeStartObject();
        w.string("name", t.name());
        g.writeNumberField("rate", t.rate());
        w.string("tax_id", t.taxId());
        w.decimal("base", t.base());
        w.decimal("amount", t.amount());
        w.bool("reverse_charge", t.reverseCharge());
        w.decimal("base_converted", t.baseConverted());
        w.decimal("amount_converted", t.amountConverted());
        w.decimal("total", t.total());
        g.writeEndObject();
    }

    static void payment(JsonGenerator g, Payment p) throws IOException {
        FieldWriter w = new FieldWriter(g, Set.of());
        g.writeStartObject();
        w.string("id", p.id());
        w.string("document_id", idValue(p.documentId()));
        g.writeNumberField("amount", p.amount());
        g.writeStringField("type", WireValues.of(p.type()));
        w.date("date", p.date());
        w.string("reference", p.reference());
        w.string("note", p.note());
        w.string("source_document_id", idValue(p.sourceDocumentId()));
        w.instant("created_at", p.createdAt());
        w.instant("deleted_at", p.deletedAt());
        g.writeEndObject();
    }

    private static String idValue(DocumentId id) {
        return id == null ? null : id.value();
    }

    static void relation(JsonGenerator g, DocumentRelation r) throws IOException {
        FieldWriter w = new FieldWriter(g, Set.of());
        g.writeStartObject();
        g.writeStringField("relation_type", WireValues.of(r.relationType()));
        g.writeStringField("target_id", r.targetId().value());
        g.writeStringField("target_type", WireValues.of(r.targetType()));
        w.string("target_number", r.targetNumber());
        w.instant("created_at", r.createdAt());
        g.writeEndObject();
    }

    private static void furs(JsonGenerator g, FursData f) throws IOException {
        FieldWriter w = new FieldWriter(g, Set.of());
        g.writeStartObject();
        w.string("business_premise_name", f.businessPremiseName());
        w.string("electronic_device_name", f.electronicDeviceName());
        w.string("numbering_strategy", f.numberingStrategy());
        w.string("sequence_number", f.sequenceNumber());
        w.string("operator_tax_number", f.operatorTaxNumber());
        w.instant("issued_at", f.issuedAt());
        w.string("zoi", f.zoi());
        w.string("eor", f.eor());
        w.string("barcode", f.barcode());
        w.string("status", WireValues.of(f.status()));
        w.string("error", f.error());
        g.writeEndObject();
    }

    private static void fina(JsonGenerator g, FinaData f) throws IOException {
        FieldWriter w = new FieldWriter(g, Set.of());
        g.writeStartObject();
        w.string("business_premise_name", f.businessPremiseName());
        w.string("electronic_device_name", f.electronicDeviceName());
        w.string("numbering_sequence", f.numberingSequence());
        w.string("sequence_number", f.sequenceNumber());
        w.string("operator_oib", f.operatorOib());
        w.string("payment_method", f.paymentMethod());
        w.instant("issued_at", f.issuedAt());
        w.string("zki", f.zki());
        w.string("jir", f.jir());
        w.string("status", WireValues.of(f.status()));
        w.string("error", f.error());
        g.writeEndObject();
    }

    private static void pt(JsonGenerator g, PtData p) throws IOException {
        FieldWriter w = new FieldWriter(g, Set.of());
        g.writeStartObject();
        w.string("atcud", p.atcud());
        w.string("series", p.series());
        w.string("hash", p.hash());
        w.string("hash_control", p.hashControl());
        w.string("qr_code", p.qrCode());
        g.writeEndObject();
    }

    static void eslog(JsonGenerator g, EslogValidation e) throws IOException {
        FieldWriter w = new FieldWriter(g, Set.of());
        g.writeStartObject();
        g.writeStringField("validation_status", WireValues.of(e.validationStatus()));
        g.writeFieldName("validation_errors");
        violations(g, e.validationErrors());
        w.instant("validated_at", e.validatedAt());
        g.writeEndObject();
    }

    static void violations(JsonGenerator g, List<Violation> violations) throws IOException {
        g.writeStartArray();
        for (Violation v : violations) {
            g.writeStartObject();
            g.writeStringField("path", v.path());
            g.writeStringField("code", v.code());
            g.writeStringField("message", v.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void vies(JsonGenerator g, ViesCheck v) throws IOException {
        FieldWriter w = new FieldWriter(g, Set.of());
        g.writeStartObject();
        g.writeStringField("vat_number", v.vatNumber());
        w.string("country_code", v.countryCode());
        g.writeStringField("status", WireValues.of(v.status()));
        g.writeBooleanField("valid", v.status() == eu.invoicing.core.model.VatCheckStatus.VALID);
        w.string("name", v.name());
        w.string("address", v.address());
        w.instant("checked_at", v.checkedAt());
        w.string("consultation_number", v.consultationNumber());
        g.writeEndObject();
    }

    private static void stringMap(JsonGenerator g, Map<String, String> map) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** Writes a field when it has a value, or as null when the key belongs to the kind's fixed set. */
    private static final class FieldWriter {
        private final JsonGenerator g;
        private final Set<String> always;

        FieldWriter(JsonGenerator g, Set<String> always) {
            this.g = g;
            this.always = always;
        }

        /** Writes the field name and returns true when the caller should write the value. */
        boolean wants(String key, Object value) {
            boolean present = value != null && !(value instanceof java.util.Collection<?> c && c.isEmpty())
                    && !(value instanceof Map<?, ?> m && m.isEmpty());
            try {
                if (present || (always.contains(key) && value != null)) {
                    g.writeFieldName(key);
                    return true;
                }
                if (always.contains(key)) {
                    g.writeNullField(key);
                }
                return false;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void string(String key, String value) throws IOException {
            if (wants(key, value)) {
                g.writeString(value);
            }
        }

        void decimal(String key, BigDecimal value) throws IOException {
            if (wants(key, value)) {
                g.writeNumber(value);
            }
        }

        void integer(String key, Integer value) throws IOException {
            if (wants(key, value)) {
                g.writeNumber(value);
            }
        }

        void bool(String key, Boolean value) throws IOException {
            if (wants(key, value)) {
                g.writeBoolean(value);
            }
        }

        void date(String key, LocalDate value) throws IOException {
            if (wants(key, value)) {
                g.writeString(INSTANT.format(value.atStartOfDay(ZoneOffset.UTC)));
            }
        }

        /** Service dates are plain {@code YYYY-MM-DD} in the reference (type "string", not date-time). */
        void plainDate(String key, LocalDate value) throws IOException {
            if (wants(key, value)) {
                g.writeString(value.toString());
            }
        }

        void instant(String key, Instant value) throws IOException {
            if (wants(key, value)) {
                g.writeString(INSTANT.format(value));
            }
        }
    }
}
