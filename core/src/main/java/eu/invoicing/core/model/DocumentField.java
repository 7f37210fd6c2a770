package eu.invoicing.core.model;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The field catalogue: one constant per top-level field of a {@link Document}, in wire order, with its wire
 * name, value type, how it is read and (when an update may change it) how it is set, and what the rest of
 * the library does with it. The tables that used to list the fields one by one are derived from it: the
 * fields a version's {@code changed_fields} compares ({@link #compared()}), the fields an update may change
 * ({@code DocumentPatch} takes these constants, {@link #patchable()}), the fields a request may not carry
 * ({@link #isServerOwned()}) and the top-level fields a list query filters and sorts on ({@link #queryable()}).
 *
 * <p>Adding a field to {@link Document} means one constant here (a test fails while it is missing) plus its
 * wire mapping in the JSON reader and writer (docs/architecture.md, "The field catalogue").
 *
 * <p>Immutable and thread-safe; reading a field allocates nothing beyond boxing {@code is_draft}.
 */
public enum DocumentField {
    /** {@code id}: the document id. */
    ID("id", DocumentId.class, Document::id, null, F.SERVER_OWNED | F.QUERYABLE),
    /** {@code entity_id}: the issuing entity. */
    ENTITY_ID("entity_id", String.class, Document::entityId, null, F.SERVER_OWNED),
    /** {@code number}. */
    NUMBER("number", String.class, Document::number, null, F.COMPARED | F.QUERYABLE),
    /** {@code is_draft}. */
    IS_DRAFT("is_draft", Boolean.class, Document::isDraft, null, F.COMPARED),
    /** {@code date}. */
    DATE("date", LocalDate.class, Document::date, (b, v) -> b.date((LocalDate) v), F.COMPARED | F.QUERYABLE),
    /** {@code date_year}. */
    DATE_YEAR("date_year", Integer.class, Document::dateYear, null, 0),
    /** {@code date_due}. */
    DATE_DUE("date_due", LocalDate.class, Document::dateDue, (b, v) -> b.dateDue((LocalDate) v),
            F.COMPARED | F.QUERYABLE),
    /** {@code date_service}. */
    DATE_SERVICE("date_service", LocalDate.class, Document::dateService, (b, v) -> b.dateService((LocalDate) v),
            F.COMPARED),
    /** {@code date_service_to}. */
    DATE_SERVICE_TO("date_service_to", LocalDate.class, Document::dateServiceTo,
            (b, v) -> b.dateServiceTo((LocalDate) v), F.COMPARED),
    /** {@code date_valid_till} (estimates). */
    DATE_VALID_TILL("date_valid_till", LocalDate.class, d -> d instanceof Estimate e ? e.dateValidTill() : null,
            (b, v) -> b.dateValidTill((LocalDate) v), F.COMPARED | F.QUERYABLE, DocumentType.ESTIMATE),
    /** {@code title_type} (estimates). */
    TITLE_TYPE("title_type", TitleType.class, d -> d instanceof Estimate e ? e.titleType() : null,
            (b, v) -> b.titleType((TitleType) v), F.COMPARED, DocumentType.ESTIMATE),
    /** {@code hide_prices} (delivery notes). */
    HIDE_PRICES("hide_prices", Boolean.class, d -> d instanceof DeliveryNote n ? n.hidePrices() : null,
            (b, v) -> b.hidePrices((Boolean) v), F.COMPARED, DocumentType.DELIVERY_NOTE),
    /** {@code issuer}. */
    ISSUER("issuer", Party.class, Document::issuer, (b, v) -> b.issuer((Party) v), F.COMPARED),
    /** {@code customer_id}. */
    CUSTOMER_ID("customer_id", String.class, Document::customerId, (b, v) -> b.customerId((String) v), F.COMPARED),
    /** {@code customer}. */
    CUSTOMER("customer", Party.class, Document::customer, (b, v) -> b.customer((Party) v), F.COMPARED),
    /** {@code items}: setting replaces every item; null sets none. */
    ITEMS("items", List.class, Document::items, (b, v) -> b.items(castItems(v)), F.COMPARED),
    /** {@code note}. */
    NOTE("note", String.class, Document::note, (b, v) -> b.note((String) v), F.COMPARED),
    /** {@code payment_terms}. */
    PAYMENT_TERMS("payment_terms", String.class, Document::paymentTerms, (b, v) -> b.paymentTerms((String) v),
            F.COMPARED),
    /** {@code tax_clause}. */
    TAX_CLAUSE("tax_clause", String.class, Document::taxClause, (b, v) -> b.taxClause((String) v), F.COMPARED),
    /** {@code footer}. */
    FOOTER("footer", String.class, Document::footer, (b, v) -> b.footer((String) v), F.COMPARED),
    /** {@code signature}. */
    SIGNATURE("signature", String.class, Document::signature, (b, v) -> b.signature((String) v), F.COMPARED),
    /** {@code reference}. */
    REFERENCE("reference", String.class, Document::reference, (b, v) -> b.reference((String) v), F.COMPARED),
    /** {@code buyer_reference} (BT-10). */
    BUYER_REFERENCE("buyer_reference", String.class, d -> d.references().buyerReference(),
            (b, v) -> b.references(b.references().withBuyerReference((String) v)), F.COMPARED),
    /** {@code order_reference} (BT-13). */
    ORDER_REFERENCE("order_reference", String.class, d -> d.references().orderReference(),
            (b, v) -> b.references(b.references().withOrderReference((String) v)), F.COMPARED),
    /** {@code sales_order_reference} (BT-14). */
    SALES_ORDER_REFERENCE("sales_order_reference", String.class, d -> d.references().salesOrderReference(),
            (b, v) -> b.references(b.references().withSalesOrderReference((String) v)), F.COMPARED),
    /** {@code contract_reference} (BT-12). */
    CONTRACT_REFERENCE("contract_reference", String.class, d -> d.references().contractReference(),
            (b, v) -> b.references(b.references().withContractReference((String) v)), F.COMPARED),
    /** {@code project_reference} (BT-11). */
    PROJECT_REFERENCE("project_reference", String.class, d -> d.references().projectReference(),
            (b, v) -> b.references(b.references().withProjectReference((String) v)), F.COMPARED),
    /** {@code despatch_advice_reference} (BT-16). */
    DESPATCH_ADVICE_REFERENCE("despatch_advice_reference", String.class, d -> d.references().despatchAdviceReference(),
            (b, v) -> b.references(b.references().withDespatchAdviceReference((String) v)), F.COMPARED),
    /** {@code receiving_advice_reference} (BT-15). */
    RECEIVING_ADVICE_REFERENCE("receiving_advice_reference", String.class, d -> d.references().receivingAdviceReference(),
            (b, v) -> b.references(b.references().withReceivingAdviceReference((String) v)), F.COMPARED),
    /** {@code accounting_reference} (BT-19). */
    ACCOUNTING_REFERENCE("accounting_reference", String.class, d -> d.references().accountingReference(),
            (b, v) -> b.references(b.references().withAccountingReference((String) v)), F.COMPARED),
    /** {@code invoice_period} (BG-14). */
    INVOICE_PERIOD("invoice_period", Period.class, d -> d.tradeDetails().invoicePeriod(),
            (b, v) -> b.tradeDetails(b.tradeDetails().withInvoicePeriod((Period) v)), F.COMPARED),
    /** {@code delivery} (BG-13). */
    DELIVERY("delivery", DeliveryInformation.class, d -> d.tradeDetails().delivery(),
            (b, v) -> b.tradeDetails(b.tradeDetails().withDelivery((DeliveryInformation) v)), F.COMPARED),
    /** {@code payee} (BG-10). */
    PAYEE("payee", Payee.class, d -> d.tradeDetails().payee(),
            (b, v) -> b.tradeDetails(b.tradeDetails().withPayee((Payee) v)), F.COMPARED),
    /** {@code tax_representative} (BG-11). */
    TAX_REPRESENTATIVE("tax_representative", TaxRepresentative.class, d -> d.tradeDetails().taxRepresentative(),
            (b, v) -> b.tradeDetails(b.tradeDetails().withTaxRepresentative((TaxRepresentative) v)), F.COMPARED),
    /** {@code payment_means} (BG-16; setting replaces every entry). */
    PAYMENT_MEANS("payment_means", List.class, d -> d.tradeDetails().paymentMeans(),
            (b, v) -> b.tradeDetails(b.tradeDetails().withPaymentMeans(castList(v))), F.COMPARED),
    /** {@code preceding_invoices} (BG-3; setting replaces every entry). */
    PRECEDING_INVOICES("preceding_invoices", List.class, d -> d.tradeDetails().precedingInvoices(),
            (b, v) -> b.tradeDetails(b.tradeDetails().withPrecedingInvoices(castList(v))), F.COMPARED),
    /** {@code notes} (BG-1 notes with a subject; setting replaces every entry). */
    NOTES("notes", List.class, d -> d.tradeDetails().notes(),
            (b, v) -> b.tradeDetails(b.tradeDetails().withNotes(castList(v))), F.COMPARED),
    /** {@code currency_code}. */
    CURRENCY_CODE("currency_code", String.class, Document::currencyCode, (b, v) -> b.currencyCode((String) v),
            F.COMPARED),
    /** {@code calculation_mode}. */
    CALCULATION_MODE("calculation_mode", CalculationMode.class, Document::calculationMode,
            (b, v) -> b.calculationMode((CalculationMode) v), F.COMPARED),
    /** {@code creation_source}. */
    CREATION_SOURCE("creation_source", CreationSource.class, Document::creationSource, null, F.COMPARED),
    /** {@code exchange_rate}. */
    EXCHANGE_RATE("exchange_rate", ExchangeRate.class, Document::exchangeRate,
            (b, v) -> b.exchangeRate((ExchangeRate) v), F.COMPARED),
    /** {@code transaction_type}. */
    TRANSACTION_TYPE("transaction_type", TransactionType.class, Document::transactionType, null, F.COMPARED),
    /** {@code total}. */
    TOTAL("total", BigDecimal.class, Document::total, null, F.COMPARED | F.QUERYABLE),
    /** {@code total_with_tax}. */
    TOTAL_WITH_TAX("total_with_tax", BigDecimal.class, Document::totalWithTax, null, F.COMPARED | F.QUERYABLE),
    /** {@code total_discount}. */
    TOTAL_DISCOUNT("total_discount", BigDecimal.class, Document::totalDiscount, null, F.COMPARED),
    /** {@code allowances}: the document-level allowances (BG-20); setting replaces them, null sets none. */
    ALLOWANCES("allowances", List.class, Document::allowances, (b, v) -> b.allowances(castList(v)),
            F.COMPARED),
    /** {@code charges}: the document-level charges (BG-21); setting replaces them, null sets none. */
    CHARGES("charges", List.class, Document::charges, (b, v) -> b.charges(castList(v)), F.COMPARED),
    /** {@code total_allowances}: the sum of the document allowances (BT-107). */
    TOTAL_ALLOWANCES("total_allowances", BigDecimal.class, Document::totalAllowances, null, F.COMPARED),
    /** {@code total_charges}: the sum of the document charges (BT-108). */
    TOTAL_CHARGES("total_charges", BigDecimal.class, Document::totalCharges, null, F.COMPARED),
    /** {@code taxes}: the tax summary. */
    TAXES("taxes", List.class, Document::taxes, null, F.COMPARED),
    /** {@code total_converted}. */
    TOTAL_CONVERTED("total_converted", BigDecimal.class, Document::totalConverted, null, F.COMPARED),
    /** {@code total_with_tax_converted}. */
    TOTAL_WITH_TAX_CONVERTED("total_with_tax_converted", BigDecimal.class, Document::totalWithTaxConverted, null,
            F.COMPARED),
    /** {@code rounding_correction}. */
    ROUNDING_CORRECTION("rounding_correction", BigDecimal.class, Document::roundingCorrection, null, F.COMPARED),
    /** {@code total_paid}. */
    TOTAL_PAID("total_paid", BigDecimal.class, Document::totalPaid, null, F.COMPARED | F.QUERYABLE),
    /** {@code total_due}. */
    TOTAL_DUE("total_due", BigDecimal.class, Document::totalDue, null, F.COMPARED),
    /** {@code paid_in_full}. */
    PAID_IN_FULL("paid_in_full", Boolean.class, Document::paidInFull, null, F.COMPARED | F.QUERYABLE),
    /** {@code payments}. */
    PAYMENTS("payments", List.class, Document::payments, null, F.COMPARED),
    /** {@code document_relations}. */
    DOCUMENT_RELATIONS("document_relations", List.class, Document::documentRelations, null,
            F.COMPARED | F.SERVER_OWNED),
    /** {@code metadata}: setting replaces the whole map; null clears it. */
    METADATA("metadata", Map.class, Document::metadata, (b, v) -> b.metadata(castMap(v)), F.COMPARED),
    /** {@code shareable_id}. */
    SHAREABLE_ID("shareable_id", String.class, Document::shareableId, null, F.COMPARED | F.SERVER_OWNED),
    /** {@code voided_at}. */
    VOIDED_AT("voided_at", Instant.class, Document::voidedAt, null, F.COMPARED | F.SERVER_OWNED | F.QUERYABLE),
    /** {@code void_reason}. */
    VOID_REASON("void_reason", String.class, Document::voidReason, null, F.SERVER_OWNED),
    /** {@code has_original_document}. */
    HAS_ORIGINAL_DOCUMENT("has_original_document", Boolean.class, Document::hasOriginalDocument, null,
            F.SERVER_OWNED),
    /** {@code deleted_at}. */
    DELETED_AT("deleted_at", Instant.class, Document::deletedAt, null, F.COMPARED | F.SERVER_OWNED),
    /** {@code created_at}. */
    CREATED_AT("created_at", Instant.class, Document::createdAt, null, F.SERVER_OWNED | F.QUERYABLE),
    /** {@code updated_at}: bookkeeping, not reported as a change. */
    UPDATED_AT("updated_at", Instant.class, Document::updatedAt, null, F.SERVER_OWNED | F.QUERYABLE),
    /** {@code furs}: the Slovenian fiscal record. */
    FURS("furs", FursData.class, Document::furs, null, F.COMPARED),
    /** {@code fina}: the Croatian fiscal record. */
    FINA("fina", FinaData.class, Document::fina, null, F.COMPARED),
    /** {@code pt}: the Portuguese record. */
    PT("pt", PtData.class, Document::pt, null, 0),
    /** {@code eslog}: the e-SLOG validation outcome. */
    ESLOG("eslog", EslogValidation.class, Document::eslog, null, 0),
    /** {@code vies}: the customer's VAT-number check. */
    VIES("vies", ViesCheck.class, Document::vies, null, F.COMPARED | F.SERVER_OWNED);

    private static final List<DocumentField> COMPARED = subset(DocumentField::isCompared);
    private static final List<DocumentField> PATCHABLE = subset(DocumentField::isPatchable);
    private static final List<DocumentField> QUERYABLE = subset(DocumentField::isQueryable);
    private static final Set<String> SERVER_OWNED_NAMES;

    static {
        Set<String> names = new LinkedHashSet<>();
        for (DocumentField f : values()) {
            if (f.isServerOwned()) {
                names.add(f.wireName);
            }
        }
        SERVER_OWNED_NAMES = Collections.unmodifiableSet(names);
    }

    private final String wireName;
    private final Class<?> valueType;
    private final Function<Document, Object> getter;
    private final BiConsumer<Document.Builder, Object> setter;
    private final int flags;
    private final Set<DocumentType> carriers;

    DocumentField(String wireName, Class<?> valueType, Function<Document, Object> getter,
            BiConsumer<Document.Builder, Object> setter, int flags) {
        this(wireName, valueType, getter, setter, flags, null);
    }

    DocumentField(String wireName, Class<?> valueType, Function<Document, Object> getter,
            BiConsumer<Document.Builder, Object> setter, int flags, DocumentType only) {
        this.wireName = wireName;
        this.valueType = valueType;
        this.getter = getter;
        this.setter = setter;
        this.flags = flags;
        this.carriers = Collections.unmodifiableSet(
                only == null ? EnumSet.allOf(DocumentType.class) : EnumSet.of(only));
    }

    /** @return the top-level wire (JSON) name */
    public String wireName() {
        return wireName;
    }

    /**
     * @return the type a value of this field has ({@code List} for the line, tax, payment and relation lists,
     *     {@code Map} of text to text for metadata, {@code Boolean} for {@code is_draft})
     */
    public Class<?> valueType() {
        return valueType;
    }

    /**
     * @return the type of each element of a list field that an update may set (a line, an allowance or charge, a
     *     payment means, a preceding invoice, a note), {@code null} for every other field
     */
    public Class<?> elementType() {
        return switch (this) {
            case ITEMS -> LineItem.class;
            case ALLOWANCES, CHARGES -> AllowanceCharge.class;
            case PAYMENT_MEANS -> PaymentMeans.class;
            case PRECEDING_INVOICES -> PrecedingInvoice.class;
            case NOTES -> DocumentNote.class;
            default -> null;
        };
    }

    /**
     * @param document not null
     * @return the field's value on the document, nullable; null for a kind that does not carry the field
     */
    public Object get(Document document) {
        return getter.apply(document);
    }

    /**
     * Sets the field on a builder, as an update does.
     *
     * @param builder not null
     * @param value the new value (null clears; for {@code items} sets none), of {@link #valueType()} (the
     *     elements of a list or map are not checked here)
     * @throws ValidationException (code {@code not_updatable}) when the field is not {@link #isPatchable()
     *     patchable}
     * @throws ValidationException (code {@code invalid_type}) for a value of another type, naming the field
     */
    public void set(Document.Builder builder, Object value) {
        if (setter == null) {
            throw ValidationException.of(wireName, "not_updatable", "cannot be changed by an update");
        }
        if (value != null && !valueType.isInstance(value)) {
            throw ValidationException.of(wireName, "invalid_type", "expected a " + valueType.getSimpleName()
                    + ", was " + value.getClass().getSimpleName() + " " + Violation.quote(value));
        }
        setter.accept(builder, value);
    }

    /** @return whether an update ({@code DocumentPatch}) may change the field */
    public boolean isPatchable() {
        return setter != null;
    }

    /** @return whether a version's {@code changed_fields} reports a change of the field */
    public boolean isCompared() {
        return (flags & F.COMPARED) != 0;
    }

    /** @return whether only the library sets the field: a create or update request may not carry it */
    public boolean isServerOwned() {
        return (flags & F.SERVER_OWNED) != 0;
    }

    /** @return whether a list query may filter and sort on the field's own value */
    public boolean isQueryable() {
        return (flags & F.QUERYABLE) != 0;
    }

    /** @return the kinds that carry the field (every kind unless the field is kind-specific) */
    public Set<DocumentType> carriers() {
        return carriers;
    }

    /** @return the fields {@code changed_fields} compares, in wire order */
    public static List<DocumentField> compared() {
        return COMPARED;
    }

    /** @return the fields an update may change, in wire order */
    public static List<DocumentField> patchable() {
        return PATCHABLE;
    }

    /** @return the top-level fields a query may filter and sort on, in wire order */
    public static List<DocumentField> queryable() {
        return QUERYABLE;
    }

    /** @return the wire names of the server-owned fields, in wire order */
    public static Set<String> serverOwnedNames() {
        return SERVER_OWNED_NAMES;
    }

    /**
     * @param name a wire name, nullable
     * @return the field of that wire name, or null
     */
    public static DocumentField ofWireName(String name) {
        for (DocumentField f : values()) {
            if (f.wireName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    private static List<DocumentField> subset(java.util.function.Predicate<DocumentField> test) {
        List<DocumentField> out = new ArrayList<>();
        for (DocumentField f : values()) {
            if (test.test(f)) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    private static List<LineItem> castItems(Object v) {
        return v == null ? List.of() : (List<LineItem>) v;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> castList(Object v) {
        return v == null ? List.of() : (List<T>) v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> castMap(Object v) {
        return v == null ? Map.of() : (Map<String, String>) v;
    }

    /** Flag bits (in a holder: an enum's constants cannot refer to the enum's own static fields). */
    private static final class F {
        static final int COMPARED = 1;
        static final int SERVER_OWNED = 2;
        static final int QUERYABLE = 4;
    }
}
