package eu.invoicing.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.DiscountType;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentField;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentRelation;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.EslogValidation;
import eu.invoicing.core.model.EslogValidationStatus;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.FinaData;
import eu.invoicing.core.model.FiscalStatus;
import eu.invoicing.core.model.FursData;
import eu.invoicing.core.model.ItemType;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.TaxCategory;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.PartyIdentifier;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.PaymentType;
import eu.invoicing.core.model.PtData;
import eu.invoicing.core.model.RelationType;
import eu.invoicing.core.model.TaxSummary;
import eu.invoicing.core.model.VatCheckStatus;
import eu.invoicing.core.model.ViesCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads documents and create requests from the snake_case wire format, reporting every problem with its
 * path (unknown fields included).
 *
 * <p>This is the one place that decides what a request may carry: a stored document is read whole, while a
 * create or update request refuses, with code {@code read_only}, every field that only the library sets (the
 * {@code SERVER_OWNED_*} lists below). Request options that share an object with server-owned fields are
 * kept: {@code furs} / {@code fina} may name the business premise, the device and the operator, as the
 * reference's create and finalize bodies do.
 *
 * <p>Stateless and thread-safe.
 */
final class DocumentJsonReader {
    /** The item keys that name the owning document, one per kind. */
    private static final String[] ITEM_PARENT_KEYS = {"invoice_id", "estimate_id", "credit_note_id",
        "advance_invoice_id", "delivery_note_id"};

    /**
     * Document fields only the library sets and would otherwise keep: identity, owner, links, sharing, void and
     * trash state, timestamps, the VAT-number check. Fields the library assigns or recalculates anyway
     * ({@code number}, {@code date_year}, {@code transaction_type}, the payment state, conversions, and the
     * totals unless {@code creation_source} is {@code custom}) are read and then replaced, as docs/wire-format.md
     * says, so that a calculated document can be sent back for a preview. The list is the field catalogue's
     * {@link DocumentField#isServerOwned() server-owned} subset.
     */
    static final Set<String> SERVER_OWNED_DOCUMENT = DocumentField.serverOwnedNames();
    /** Line fields only the library sets: identity, owner, timestamps. */
    static final Set<String> SERVER_OWNED_ITEM = Set.of("id", "created_at", "updated_at", "invoice_id", "estimate_id",
            "credit_note_id", "advance_invoice_id", "delivery_note_id");
    /** Payment fields only the library sets: identity, owner, the document applied, soft deletion. */
    static final Set<String> SERVER_OWNED_PAYMENT = Set.of("id", "document_id", "source_document_id", "created_at",
            "deleted_at");
    /** FURS fields only the library sets: the fiscal number, protected code, authority's answer and status. */
    static final Set<String> SERVER_OWNED_FURS = Set.of("numbering_strategy", "sequence_number", "issued_at", "zoi",
            "eor", "barcode", "status", "error");
    /** FINA fields only the library sets. */
    static final Set<String> SERVER_OWNED_FINA = Set.of("numbering_sequence", "sequence_number", "issued_at", "zki",
            "jir", "status", "error");
    /** e-SLOG fields only the library sets: the outcome of a validation. */
    static final Set<String> SERVER_OWNED_ESLOG = Set.of("validation_status", "validation_errors", "validated_at");

    private DocumentJsonReader() {
    }

    /** How much of the input is trusted: a stored document whole, a request without server-owned fields. */
    enum Source {
        STORED,
        REQUEST;

        Set<String> owned(Set<String> serverOwned) {
            return this == REQUEST ? serverOwned : Set.of();
        }
    }

    /** A stored or exported document: the kind comes from the id, else from {@code fallback}. */
    static Document readDocument(JsonNode node, DocumentType fallback, ViolationCollector out) {
        JsonObjectReader r = JsonObjectReader.of(node, "", out);
        if (r == null) {
            return null;
        }
        String idText = r.string("id");
        DocumentType type = idText == null ? fallback : DocumentType.ofId(idText).orElse(null);
        DocumentId id = null;
        if (type == null) {
            if (idText == null) {
                out.add("id", "required", "is required (its prefix inv_, est_, cre_, adv_ or del_ gives the kind)");
            } else {
                out.add("id", "invalid_id", "must start with inv_, est_, cre_, adv_ or del_, was "
                        + JsonObjectReader.quote(idText));
            }
        } else if (idText != null) {
            try {
                id = DocumentId.parse(idText);
            } catch (eu.invoicing.core.ValidationException e) {
                e.violations().forEach(out::add);
            }
        }
        // Without a kind the fields are still read (every kind's own fields allowed), so that every problem of
        // the document is reported at once, not only the missing id.
        Document.Builder b = Document.builder(type == null ? DocumentType.INVOICE : type).id(id);
        readFields(r, b, Source.STORED, type == null);
        r.rejectUnknown();
        return out.isEmpty() ? b.build() : null;
    }

    /** A create / calculate / update request of the given kind (custom: pre-calculated totals allowed). */
    static DocumentRequest readRequest(JsonNode node, DocumentType type, ViolationCollector out) {
        JsonObjectReader r = JsonObjectReader.of(node, "", out);
        if (r == null) {
            return null;
        }
        r.readOnly(SERVER_OWNED_DOCUMENT);
        // Straight into the request's draft, which has no place for a server-owned value.
        DocumentDraft.Builder b = DocumentDraft.builder(type);
        for (DocumentWireFields.Entry<?> e : DocumentWireFields.readOrderList()) {
            if (e.field.carriers().contains(type)) {
                e.readInto(r, Source.REQUEST, type, b);
            }
        }
        BigDecimal expected = r.decimal("expected_total_with_tax");
        List<String> linked = r.strings("linked_documents");
        Boolean saveCustomer = r.bool("save_customer");
        JsonObjectReader single = r.object("payment");
        if (single != null) {
            Payment p = payment(single.readOnly(SERVER_OWNED_PAYMENT), out);
            single.rejectUnknown();
            if (p != null) {
                b.payments().add(p);
            }
        }
        r.rejectUnknown();
        if (!out.isEmpty()) {
            return null;
        }
        return new DocumentRequest(b.build(), expected, linked, saveCustomer);
    }

    /** Reads every field the kind carries (with {@code anyKind}, every kind's fields), in the table's read order. */
    private static void readFields(JsonObjectReader r, Document.Builder b, Source source, boolean anyKind) {
        DocumentType type = b.type();
        for (DocumentWireFields.Entry<?> e : DocumentWireFields.readOrderList()) {
            if (anyKind || e.field.carriers().contains(type)) {
                e.readInto(r, source, type, b);
            }
        }
    }

    /** The {@code exchange_rate} object: {@code rate} is required. */
    static ExchangeRate exchangeRate(JsonObjectReader parent, JsonObjectReader rate) {
        if (rate == null) {
            return null;
        }
        BigDecimal value = rate.decimal("rate");
        if (value == null) {
            parent.violations().add(rate.at("rate"), "required", "is required");
        }
        String source = rate.string("source");
        var date = rate.date("date");
        CurrencyCode quote = rate.currency("quote_currency");
        rate.rejectUnknown();
        return value == null ? null : new ExchangeRate(value, source, date, quote == null ? null : quote.code());
    }

    static Party party(JsonObjectReader r) {
        if (r == null) {
            return null;
        }
        Party p = Party.builder().name(r.string("name")).address(r.string("address")).address2(r.string("address_2"))
                .postCode(r.string("post_code")).city(r.string("city")).state(r.string("state"))
                .country(r.string("country")).countryCode(r.string("country_code")).taxNumber(r.string("tax_number"))
                .companyNumber(r.string("company_number")).identifiers(identifiers(r, new ArrayList<>())).email(r.string("email")).phone(r.string("phone"))
                .website(r.string("website")).isEndConsumer(r.bool("is_end_consumer"))
                .isTaxSubject(r.bool("is_tax_subject")).build();
        r.rejectUnknown();
        return p;
    }

    /**
     * {@code identifiers [{id, scheme}]} of a party or entity (BT-29 / BT-46); an element that is not an object is
     * reported and skipped, and {@code index} gets the array index of each element read.
     */
    static List<PartyIdentifier> identifiers(JsonObjectReader r, List<Integer> index) {
        return r.objects("identifiers", (i, at) -> {
            index.add(at);
            return new PartyIdentifier(i.string("id"), i.string("scheme"));
        });
    }

    static LineItem item(JsonObjectReader r, DocumentType type, Source source) {
        LineItem.Builder b = LineItem.builder().id(r.string("id")).name(r.string("name"))
                .description(r.string("description")).type(r.enumValue("type", ItemType.class))
                .quantity(r.decimal("quantity")).price(r.decimal("price")).grossPrice(r.decimal("gross_price"))
                .unit(r.string("unit")).itemId(r.string("item_id")).total(r.decimal("total"))
                .totalWithTax(r.decimal("total_with_tax")).totalDiscount(r.decimal("total_discount"))
                .totalConverted(r.decimal("total_converted")).totalWithTaxConverted(r.decimal("total_with_tax_converted"))
                .metadata(r.stringMap("metadata")).createdAt(r.instant("created_at")).updatedAt(r.instant("updated_at"));
        for (String key : ITEM_PARENT_KEYS) {
            if (key.equals(DocumentJsonWriter.itemParentKey(type))) {
                DocumentId parent = optionalId(r, key, r.violations());
                if (parent != null && parent.type() != type) {
                    r.violations().add(r.at(key), "wrong_document_type", "must be an id of a " + type.idPrefix()
                            + " document, the line's own, was " + Violation.quote(parent.value()));
                    parent = null;
                }
                b.documentId(parent);
            } else {
                r.string(key);
            }
        }
        List<LineTax> taxes = r.objects("taxes", (tr, i) -> lineTax(tr, source));
        b.taxes(taxes);
        b.discounts(r.objects("discounts", (dr, i) -> discount(dr)));
        b.details(LineDetailsJson.read(r));
        b.charges(r.objects("charges", (cr, i) -> allowanceCharge(cr)));
        return b.build();
    }

    /** A line tax; a request may give only {@code tax_id} (a stored tax, resolved by the lifecycle). */
    static LineTax lineTax(JsonObjectReader r, Source source) {
        BigDecimal rate = r.decimal("rate");
        String taxId = r.string("tax_id");
        if (rate == null && (taxId == null || source == Source.STORED)) {
            r.violations().add(r.at("rate"), "required", source == Source.STORED ? "is required"
                    : "is required, or a tax_id naming a stored tax");
            r.string("name");
            r.decimal("base");
            r.decimal("amount");
            r.bool("reverse_charge");
            r.enumValue("category", TaxCategory.class);
            r.string("exemption_reason");
            r.string("exemption_reason_code");
            return null;
        }
        return new LineTax(rate, taxId, r.string("name"), r.decimal("base"), r.decimal("amount"),
                r.bool("reverse_charge"), r.enumValue("category", TaxCategory.class), r.string("exemption_reason"),
                r.string("exemption_reason_code"));
    }

    /** A document allowance or charge, or a line charge (BG-20, BG-21, BG-28); bounds are the engine's. */
    static AllowanceCharge allowanceCharge(JsonObjectReader r) {
        return new AllowanceCharge(r.decimal("amount"), r.decimal("percent"), r.decimal("base_amount"),
                r.string("reason"), r.string("reason_code"), r.decimal("tax_rate"),
                r.enumValue("tax_category", TaxCategory.class));
    }

    static Discount discount(JsonObjectReader r) {
        BigDecimal value = r.decimal("value");
        DiscountType type = r.enumValue("type", DiscountType.class);
        if (value == null) {
            r.violations().add(r.at("value"), "required", "is required");
            return null;
        }
        return new Discount(value, type == null ? DiscountType.PERCENT : type);
    }

    static TaxSummary taxSummary(JsonObjectReader r) {
        BigDecimal rate = r.decimal("rate");
        BigDecimal base = r.decimal("base");
        BigDecimal amount = r.decimal("amount");
        Boolean reverse = r.bool("reverse_charge");
        String name = r.string("name");
        String taxId = r.string("tax_id");
        BigDecimal baseConverted = r.decimal("base_converted");
        BigDecimal amountConverted = r.decimal("amount_converted");
        BigDecimal total = r.decimal("total");
        TaxCategory category = r.enumValue("category", TaxCategory.class);
        boolean ok = true;
        if (rate == null) {
            r.violations().add(r.at("rate"), "required", "is required");
            ok = false;
        }
        if (amount == null && total == null) {
            r.violations().add(r.at("amount"), "required", "is required");
            ok = false;
        }
        return ok ? new TaxSummary(name, rate, taxId, base, amount, reverse, baseConverted, amountConverted, total,
                category)
                : null;
    }

    static Payment payment(JsonObjectReader r, ViolationCollector out) {
        BigDecimal amount = r.decimal("amount");
        PaymentType type = r.enumValue("type", PaymentType.class);
        Payment p = null;
        if (amount == null) {
            out.add(r.at("amount"), "required", "is required");
        }
        String id = r.string("id");
        DocumentId documentId = optionalId(r, "document_id", out);
        var date = r.date("date");
        String reference = r.string("reference");
        String note = r.string("note");
        DocumentId source = optionalId(r, "source_document_id", out);
        var created = r.instant("created_at");
        var deleted = r.instant("deleted_at");
        if (amount != null) {
            Payment.Builder b = Payment.builder().id(id).documentId(documentId).amount(amount).date(date)
                    .reference(reference).note(note).sourceDocumentId(source).createdAt(created).deletedAt(deleted);
            // Absent (or refused, and reported) type: the builder's default, bank_transfer.
            p = (type == null ? b : b.type(type)).build();
        }
        return p;
    }

    /** A nullable document id; a malformed one is reported at its path and read as null. */
    private static DocumentId optionalId(JsonObjectReader r, String key, ViolationCollector out) {
        String value = r.string(key);
        if (value == null) {
            return null;
        }
        try {
            return DocumentId.parse(value, r.at(key));
        } catch (eu.invoicing.core.ValidationException e) {
            e.violations().forEach(out::add);
            return null;
        }
    }

    static DocumentRelation relation(JsonObjectReader r) {
        RelationType type = r.enumValue("relation_type", RelationType.class);
        String target = r.string("target_id");
        DocumentType targetType = r.enumValue("target_type", DocumentType.class);
        String number = r.string("target_number");
        var created = r.instant("created_at");
        if (type == null || target == null || targetType == null) {
            r.violations().add(r.path(), "required", "relation_type, target_id and target_type are required");
            return null;
        }
        // The lifecycle follows relations by id: one that is not a document id of its target type would fail
        // there, long after the document was accepted.
        DocumentId id;
        try {
            id = DocumentId.parse(target, r.at("target_id"));
            if (id.type() != targetType) {
                r.violations().add(r.at("target_id"), "wrong_document_type", "must be an id of a "
                        + WireValues.of(targetType) + " (" + targetType.idPrefix() + "), was "
                        + JsonObjectReader.quote(target));
                return null;
            }
        } catch (eu.invoicing.core.ValidationException e) {
            e.violations().forEach(r.violations()::add);
            return null;
        }
        return new DocumentRelation(type, id, targetType, number, created);
    }

    static FursData furs(JsonObjectReader r, Source source) {
        if (r == null) {
            return null;
        }
        r.readOnly(source.owned(SERVER_OWNED_FURS));
        FursData f = new FursData(r.string("business_premise_name"), r.string("electronic_device_name"),
                r.string("numbering_strategy"), r.string("sequence_number"), r.string("operator_tax_number"),
                r.instant("issued_at"), r.string("zoi"), r.string("eor"), r.string("barcode"),
                r.enumValue("status", FiscalStatus.class), r.string("error"));
        r.rejectUnknown();
        return f;
    }

    static FinaData fina(JsonObjectReader r, Source source) {
        if (r == null) {
            return null;
        }
        r.readOnly(source.owned(SERVER_OWNED_FINA));
        String method = r.string("payment_method");
        if (source == Source.REQUEST) {
            // The reference's finalize body spells the request option payment_type.
            String alias = r.string("payment_type");
            if (method != null && alias != null && !method.equals(alias)) {
                r.violations().add(r.at("payment_type"), "conflict", "payment_type and payment_method differ ("
                        + JsonObjectReader.quote(alias) + ", " + JsonObjectReader.quote(method) + "); give one");
            }
            method = method != null ? method : alias;
        }
        FinaData f = new FinaData(r.string("business_premise_name"), r.string("electronic_device_name"),
                r.string("numbering_sequence"), r.string("sequence_number"), r.string("operator_oib"),
                method, r.instant("issued_at"), r.string("zki"), r.string("jir"),
                r.enumValue("status", FiscalStatus.class), r.string("error"));
        r.rejectUnknown();
        return f;
    }

    static PtData pt(JsonObjectReader r) {
        if (r == null) {
            return null;
        }
        PtData p = new PtData(r.string("atcud"), r.string("series"), r.string("hash"), r.string("hash_control"),
                r.string("qr_code"));
        r.rejectUnknown();
        return p;
    }

    static EslogValidation eslog(JsonObjectReader r, Source source) {
        if (r == null) {
            return null;
        }
        r.readOnly(source.owned(SERVER_OWNED_ESLOG));
        if (source == Source.REQUEST) {
            // Every field of the e-SLOG object is an outcome; a request's object carries nothing to keep.
            r.rejectUnknown();
            return null;
        }
        EslogValidationStatus status = r.enumValue("validation_status", EslogValidationStatus.class);
        List<Violation> errors = r.objects("validation_errors", (er, i) -> new Violation(
                nullToEmpty(er.string("path")), er.string("code") == null ? "invalid" : er.string("code"),
                nullToEmpty(er.string("message"))));
        var validated = r.instant("validated_at");
        r.rejectUnknown();
        return new EslogValidation(status == null ? EslogValidationStatus.NOT_VALIDATED : status,
                errors == null ? List.of() : errors, validated);
    }

    static ViesCheck vies(JsonObjectReader r) {
        if (r == null) {
            return null;
        }
        String number = r.string("vat_number");
        VatCheckStatus status = r.enumValue("status", VatCheckStatus.class);
        Boolean valid = r.bool("valid");
        ViesCheck v = new ViesCheck(number == null ? "" : number, r.string("country_code"),
                status != null ? status : Boolean.TRUE.equals(valid) ? VatCheckStatus.VALID
                        : valid == null ? VatCheckStatus.UNVERIFIED : VatCheckStatus.INVALID,
                r.string("name"), r.string("address"), r.instant("checked_at"), r.string("consultation_number"));
        r.rejectUnknown();
        return v;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
