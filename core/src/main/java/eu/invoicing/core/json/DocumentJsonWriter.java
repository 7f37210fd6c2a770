package eu.invoicing.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentField;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentRelation;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.EslogValidation;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.FinaData;
import eu.invoicing.core.model.FursData;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.PartyIdentifier;
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

    private static final Map<DocumentType, List<String>> ITEM_KEYS = new EnumMap<>(DocumentType.class);

    static {
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

    /** @return the item keys the reference writes on a line of the kind */
    static List<String> itemKeys(DocumentType type) {
        return ITEM_KEYS.get(type);
    }

    /**
     * The document: every field its kind carries, in the wire table's order; the kind's null-written keys
     * ({@link DocumentWireFields#nullWritten(DocumentType)}) as null when absent.
     */
    static void writeDocument(Document d, JsonGenerator g) throws IOException {
        DocumentType type = d.type();
        FieldWriter w = new FieldWriter(g, DocumentWireFields.nullWritten(type));
        g.writeStartObject();
        for (DocumentWireFields.Entry<?> e : DocumentWireFields.writeOrder()) {
            if (e.field.carriers().contains(type)) {
                e.write(d, w, g);
            }
        }
        g.writeEndObject();
    }

    /** The fields of the calculation response after its items, in its order. */
    private static final List<DocumentField> CALCULATION_FIELDS = List.of(DocumentField.CALCULATION_MODE,
            DocumentField.CURRENCY_CODE, DocumentField.TOTAL, DocumentField.TOTAL_WITH_TAX, DocumentField.TOTAL_DISCOUNT,
            DocumentField.ALLOWANCES, DocumentField.CHARGES, DocumentField.TOTAL_ALLOWANCES, DocumentField.TOTAL_CHARGES,
            DocumentField.TAXES, DocumentField.TRANSACTION_TYPE, DocumentField.EXCHANGE_RATE,
            DocumentField.TOTAL_CONVERTED, DocumentField.TOTAL_WITH_TAX_CONVERTED, DocumentField.ROUNDING_CORRECTION,
            DocumentField.TOTAL_PAID, DocumentField.TOTAL_DUE, DocumentField.PAID_IN_FULL, DocumentField.VIES);

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
        for (DocumentField f : CALCULATION_FIELDS) {
            DocumentWireFields.of(f).write(d, w, g);
        }
        g.writeEndObject();
    }

    static void exchangeRate(JsonGenerator g, ExchangeRate r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("rate", r.rate());
        FieldWriter rw = new FieldWriter(g, Set.of());
        rw.string("source", r.source());
        rw.date("date", r.date());
        rw.string("quote_currency", r.quoteCurrency());
        g.writeEndObject();
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
        identifiers(g, w, p.identifiers());
        w.string("email", p.email());
        w.string("phone", p.phone());
        w.string("website", p.website());
        w.bool("is_end_consumer", p.isEndConsumer());
        w.bool("is_tax_subject", p.isTaxSubject());
        g.writeEndObject();
    }

    /** {@code identifiers [{id, scheme}]} of a party or entity (BT-29 / BT-46), written only when there is one. */
    static void identifiers(JsonGenerator g, FieldWriter w, List<PartyIdentifier> identifiers) throws IOException {
        if (w.wants("identifiers", identifiers)) {
            g.writeStartArray();
            for (PartyIdentifier i : identifiers) {
                if (i == null) {
                    g.writeNull();
                    continue;
                }
                g.writeStartObject();
                w.string("id", i.id());
                w.string("scheme", i.scheme());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    static void item(JsonGenerator g, LineItem item, List<String> keys, DocumentType kind) throws IOException {
        FieldWriter w = new FieldWriter(g, new LinkedHashSet<>(keys));
        g.writeStartObject();
        w.string("id", item.id());
        if (kind != null) {
            for (String key : keys) {
                if (key.endsWith("_id") && !key.equals("id") && !key.equals(itemParentKey(kind))) {
                    g.writeNullField(key);
                }
            }
            w.string(itemParentKey(kind), idValue(item.documentId()));
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
                tw.string("category", WireValues.of(t.category()));
                tw.string("exemption_reason", t.exemptionReason());
                tw.string("exemption_reason_code", t.exemptionReasonCode());
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
        if (w.wants("charges", item.charges())) {
            allowanceCharges(g, item.charges());
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
        LineDetailsJson.write(g, item.details());
        g.writeEndObject();
    }

    /** Allowances or charges, as an array (the field name is written). */
    static void allowanceCharges(JsonGenerator g, List<AllowanceCharge> list) throws IOException {
        g.writeStartArray();
        for (AllowanceCharge a : list) {
            FieldWriter w = new FieldWriter(g, Set.of());
            g.writeStartObject();
            w.decimal("amount", a.amount());
            w.decimal("percent", a.percent());
            w.decimal("base_amount", a.baseAmount());
            w.string("reason", a.reason());
            w.string("reason_code", a.reasonCode());
            w.decimal("tax_rate", a.taxRate());
            w.string("tax_category", WireValues.of(a.taxCategory()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void taxSummary(JsonGenerator g, TaxSummary t) throws IOException {
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
        w.string("category", WireValues.of(t.category()));
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

    static void furs(JsonGenerator g, FursData f) throws IOException {
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

    static void fina(JsonGenerator g, FinaData f) throws IOException {
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

    static void pt(JsonGenerator g, PtData p) throws IOException {
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

    static void vies(JsonGenerator g, ViesCheck v) throws IOException {
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

    static void stringMap(JsonGenerator g, Map<String, String> map) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** Writes a field when it has a value, or as null when the key belongs to the kind's fixed set. */
    static final class FieldWriter {
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
