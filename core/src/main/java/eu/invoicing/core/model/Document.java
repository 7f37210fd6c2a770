package eu.invoicing.core.model;

import eu.invoicing.core.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A document of one of the five kinds: {@link Invoice}, {@link Estimate}, {@link CreditNote},
 * {@link AdvanceInvoice} or {@link DeliveryNote}. It holds the inputs (items, parties, dates, texts) and,
 * once calculated, the totals, tax summary and payment state, with the field names of the reference API.
 *
 * <p>Immutable and thread-safe: collections are copied on the way in; changes return copies through
 * {@link #toBuilder()} or the {@code with*} methods, and the instance is never affected. Getters of
 * nullable wire fields return null when absent. {@code equals} compares every field and is
 * scale-sensitive on amounts (use {@code compareTo} to compare values).
 */
public abstract sealed class Document permits Invoice, Estimate, CreditNote, AdvanceInvoice, DeliveryNote {
    private final DocumentId id;
    private final String entityId;
    private final String number;
    private final LocalDate date;
    private final Integer dateYear;
    private final LocalDate dateDue;
    private final LocalDate dateService;
    private final LocalDate dateServiceTo;
    private final Party issuer;
    private final String customerId;
    private final Party customer;
    private final List<LineItem> items;
    private final String note;
    private final String paymentTerms;
    private final String taxClause;
    private final String footer;
    private final String signature;
    private final String reference;
    private final CurrencyCode currencyCode;
    private final CalculationMode calculationMode;
    private final CreationSource creationSource;
    private final TransactionType transactionType;
    private final List<Payment> payments;
    private final AllowancesCharges allowancesCharges;
    private final Map<String, String> metadata;
    private final String shareableId;
    private final boolean draft;
    private final Totals totals;
    private final Conversion conversion;
    private final Stamps stamps;
    private final FiscalRecord fiscalRecord;
    private final PaymentSummary paymentSummary;
    private final Relations relations;
    private final DocumentReferences references;
    private final TradeDetails tradeDetails;

    Document(Builder b) {
        this.draft = b.draft;
        this.id = b.id;
        this.entityId = b.entityId;
        this.number = b.number;
        this.date = b.date;
        this.dateYear = b.dateYear;
        this.dateDue = b.dateDue;
        this.dateService = b.dateService;
        this.dateServiceTo = b.dateServiceTo;
        this.issuer = b.issuer;
        this.customerId = b.customerId;
        this.customer = b.customer;
        this.items = Copies.list(b.items);
        this.note = b.note;
        this.paymentTerms = b.paymentTerms;
        this.taxClause = b.taxClause;
        this.footer = b.footer;
        this.signature = b.signature;
        this.reference = b.reference;
        this.currencyCode = b.currency;
        this.calculationMode = b.calculationMode;
        this.creationSource = b.creationSource;
        this.transactionType = b.transactionType;
        this.payments = Copies.list(b.payments);
        this.allowancesCharges = b.allowancesCharges;
        this.metadata = Copies.orderedMap(b.metadata);
        this.shareableId = b.shareableId;
        this.totals = Totals.of(b.total, b.totalWithTax, b.totalDiscount, Copies.list(b.taxes), b.roundingCorrection);
        this.conversion = Conversion.of(b.exchangeRate, b.totalConverted, b.totalWithTaxConverted);
        this.stamps = Stamps.of(b.createdAt, b.updatedAt, b.deletedAt, b.voidedAt, b.voidReason, b.hasOriginalDocument);
        this.fiscalRecord = FiscalRecord.of(b.furs, b.fina, b.pt, b.eslog, b.vies);
        this.paymentSummary = PaymentSummary.of(b.totalPaid, b.totalDue, b.paidInFull);
        this.relations = Relations.of(b.documentRelations);
        this.references = DocumentReferences.orEmpty(b.references);
        this.tradeDetails = TradeDetails.orEmpty(b.tradeDetails);
    }

    /** @return the kind of this document */
    public abstract DocumentType type();

    /** @return true while the document is a draft (no number, editable, deletable) */
    public boolean isDraft() {
        return draft;
    }

    /** @return true once voided */
    public boolean isVoided() {
        return stamps.voidedAt() != null;
    }

    /** @return true while in the trash */
    public boolean isDeleted() {
        return stamps.deletedAt() != null;
    }

    /** @return the currency, or null when none is set (the entity's currency applies) */
    public CurrencyCode currency() {
        return currencyCode;
    }

    /** @return the document id, nullable before the document is stored */
    public DocumentId id() {
        return id;
    }

    /** @return the issuing entity's id ({@code ent_…}), nullable before stored */
    public String entityId() {
        return entityId;
    }

    /** @return the document number, null for drafts */
    public String number() {
        return number;
    }

    /** @return the document date, nullable on input (defaults to today) */
    public LocalDate date() {
        return date;
    }

    /** @return the year the number belongs to, set on finalize */
    public Integer dateYear() {
        return dateYear;
    }

    /** @return the due date, nullable */
    public LocalDate dateDue() {
        return dateDue;
    }

    /** @return the service (delivery) date or period start, nullable */
    public LocalDate dateService() {
        return dateService;
    }

    /** @return the service period end, nullable */
    public LocalDate dateServiceTo() {
        return dateServiceTo;
    }

    /** @return the issuer snapshot, nullable on input (taken from the entity) */
    public Party issuer() {
        return issuer;
    }

    /** @return the customer directory id, nullable */
    public String customerId() {
        return customerId;
    }

    /** @return the customer snapshot, nullable */
    public Party customer() {
        return customer;
    }

    /** @return the lines, not null */
    public List<LineItem> items() {
        return items;
    }

    /** @return the note, nullable */
    public String note() {
        return note;
    }

    /** @return the payment terms text, nullable */
    public String paymentTerms() {
        return paymentTerms;
    }

    /** @return the tax clause (required under reverse charge), nullable */
    public String taxClause() {
        return taxClause;
    }

    /** @return the footer text, nullable */
    public String footer() {
        return footer;
    }

    /** @return the signature text, nullable */
    public String signature() {
        return signature;
    }

    /** @return a reference (e.g. the credited invoice's number on a credit note), nullable */
    public String reference() {
        return reference;
    }

    /** @return the ISO 4217 currency code, nullable on input (defaults to the entity's) */
    public String currencyCode() {
        return currencyCode == null ? null : currencyCode.code();
    }

    /** @return the calculation mode used, nullable */
    public CalculationMode calculationMode() {
        return calculationMode;
    }

    /** @return where the totals came from, nullable */
    public CreationSource creationSource() {
        return creationSource;
    }

    /** @return the net total, nullable until calculated */
    public BigDecimal total() {
        return totals.total();
    }

    /** @return the gross total, nullable until calculated */
    public BigDecimal totalWithTax() {
        return totals.totalWithTax();
    }

    /** @return the sum of the lines' shown discounts, nullable until calculated */
    public BigDecimal totalDiscount() {
        return totals.totalDiscount();
    }

    /** @return the tax summary per group, not null */
    public List<TaxSummary> taxes() {
        return totals.taxes();
    }

    /**
     * The group of the tax summary that a line tax of this calculated document was summed into
     * (docs/calculation.md, "Tax groups": groups are keyed by rate, by value, and reverse charge; a {@code tax_id} never
     * splits a group). When the line's reverse charge was decided by the document rather than by the tax
     * (automatic reverse charge, or an issuer outside the VAT system ignoring the flag), the only group of
     * that rate is the one.
     *
     * @param tax a tax of one of this document's lines, not null
     * @return the group, or null when no group has the tax's rate
     */
    public TaxSummary taxGroupOf(LineTax tax) {
        Objects.requireNonNull(tax, "tax");
        TaxSummary sameRate = null;
        for (TaxSummary t : totals.taxes()) {
            if (t.rate().compareTo(tax.rate()) == 0) {
                if (t.isReverseCharge() == tax.isReverseCharge() && t.category() == tax.category()) {
                    return t;
                }
                sameRate = sameRate == null ? t : sameRate;
            }
        }
        return sameRate;
    }

    /** @return the VAT classification, nullable */
    public TransactionType transactionType() {
        return transactionType;
    }

    /** @return the conversion to the entity currency, nullable */
    public ExchangeRate exchangeRate() {
        return conversion.exchangeRate();
    }

    /** @return the net total in the entity currency, nullable */
    public BigDecimal totalConverted() {
        return conversion.totalConverted();
    }

    /** @return the gross total in the entity currency, nullable */
    public BigDecimal totalWithTaxConverted() {
        return conversion.totalWithTaxConverted();
    }

    /** @return the correction applied to meet {@code expected_total_with_tax}, nullable */
    public BigDecimal roundingCorrection() {
        return totals.roundingCorrection();
    }

    /** @return the sum of live payments (payable kinds), nullable */
    public BigDecimal totalPaid() {
        return paymentSummary.totalPaid();
    }

    /** @return total with tax minus total paid (payable kinds), nullable */
    public BigDecimal totalDue() {
        return paymentSummary.totalDue();
    }

    /** @return whether nothing is due (payable kinds), nullable */
    public Boolean paidInFull() {
        return paymentSummary.paidInFull();
    }

    /** @return the payments, including soft-deleted ones, not null */
    public List<Payment> payments() {
        return payments;
    }

    /** @return the document-level allowances (BG-20), not null; calculated: each with its amount */
    public List<AllowanceCharge> allowances() {
        return allowancesCharges.allowances();
    }

    /** @return the document-level charges (BG-21), not null; calculated: each with its amount */
    public List<AllowanceCharge> charges() {
        return allowancesCharges.charges();
    }

    /** @return the sum of the document allowances (BT-107), null until calculated or when there are none */
    public BigDecimal totalAllowances() {
        return allowancesCharges.totalAllowances();
    }

    /** @return the sum of the document charges (BT-108), null until calculated or when there are none */
    public BigDecimal totalCharges() {
        return allowancesCharges.totalCharges();
    }

    /** @return the document-level allowances and charges with their sums, as one value, not null */
    public AllowancesCharges allowancesCharges() {
        return allowancesCharges;
    }

    /** @return the links to other documents, not null */
    public List<DocumentRelation> documentRelations() {
        return relations.documentRelations();
    }

    /** @return custom key-value data, not null */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** @return the share token, null when not shared */
    public String shareableId() {
        return shareableId;
    }

    /** @return when voided, nullable */
    public Instant voidedAt() {
        return stamps.voidedAt();
    }

    /** @return why it was voided, nullable */
    public String voidReason() {
        return stamps.voidReason();
    }

    /** @return whether the voided original was handed out (fiscal cancellation), nullable */
    public Boolean hasOriginalDocument() {
        return stamps.hasOriginalDocument();
    }

    /** @return when moved to the trash, nullable */
    public Instant deletedAt() {
        return stamps.deletedAt();
    }

    /** @return when created, nullable */
    public Instant createdAt() {
        return stamps.createdAt();
    }

    /** @return when last changed, nullable */
    public Instant updatedAt() {
        return stamps.updatedAt();
    }

    /** @return Slovenian fiscal data, nullable */
    public FursData furs() {
        return fiscalRecord.furs();
    }

    /** @return Croatian fiscal data, nullable */
    public FinaData fina() {
        return fiscalRecord.fina();
    }

    /** @return Portuguese certification data, nullable */
    public PtData pt() {
        return fiscalRecord.pt();
    }

    /** @return the last e-SLOG validation, nullable */
    public EslogValidation eslog() {
        return fiscalRecord.eslog();
    }

    /** @return the customer's VAT-number check, nullable */
    public ViesCheck vies() {
        return fiscalRecord.vies();
    }

    /**
     * The fields only this document's kind has (docs/architecture.md, "Kind-specific fields"), held by the kind:
     * {@link EstimateDetails} for an {@link Estimate}, {@link DeliveryNoteDetails} for a {@link DeliveryNote},
     * {@link KindDetails#NONE} for the other kinds.
     *
     * @return the kind's own fields, never null
     */
    public KindDetails kindDetails() {
        return KindDetails.NONE;
    }

    /** @return the totals of this document (flat accessors read the same values), never null */
    public Totals totals() {
        return totals;
    }

    /** @return the currency conversion of this document (flat accessors read the same values), never null */
    public Conversion conversion() {
        return conversion;
    }

    /** @return the stamps (times and marks the library sets) of this document (flat accessors read the same values), never null */
    public Stamps stamps() {
        return stamps;
    }

    /** @return the fiscal record of this document (flat accessors read the same values), never null */
    public FiscalRecord fiscalRecord() {
        return fiscalRecord;
    }

    /** @return the payment state of this document (flat accessors read the same values), never null */
    public PaymentSummary paymentSummary() {
        return paymentSummary;
    }

    /** @return the links of this document to others (the flat accessor reads the same list), never null */
    public Relations relations() {
        return relations;
    }

    /** @return the references to other papers (BT-10 to BT-19), never null ({@link DocumentReferences#EMPTY}) */
    public DocumentReferences references() {
        return references;
    }

    /** @return the EN 16931 trade details (period, delivery, payee, payment means...), never null */
    public TradeDetails tradeDetails() {
        return tradeDetails;
    }

    /** @return a builder initialised with every value of this document */
    public Builder toBuilder() {
        Builder b = new Builder(type());
        b.draft = draft;
        b.id = id;
        b.entityId = entityId;
        b.number = number;
        b.date = date;
        b.dateYear = dateYear;
        b.dateDue = dateDue;
        b.dateService = dateService;
        b.dateServiceTo = dateServiceTo;
        b.issuer = issuer;
        b.customerId = customerId;
        b.customer = customer;
        b.items = new ArrayList<>(items);
        b.note = note;
        b.paymentTerms = paymentTerms;
        b.taxClause = taxClause;
        b.footer = footer;
        b.signature = signature;
        b.reference = reference;
        b.currency = currencyCode;
        b.calculationMode = calculationMode;
        b.creationSource = creationSource;
        b.total = totals.total();
        b.totalWithTax = totals.totalWithTax();
        b.totalDiscount = totals.totalDiscount();
        b.taxes = new ArrayList<>(totals.taxes());
        b.transactionType = transactionType;
        b.exchangeRate = conversion.exchangeRate();
        b.totalConverted = conversion.totalConverted();
        b.totalWithTaxConverted = conversion.totalWithTaxConverted();
        b.roundingCorrection = totals.roundingCorrection();
        b.totalPaid = paymentSummary.totalPaid();
        b.totalDue = paymentSummary.totalDue();
        b.paidInFull = paymentSummary.paidInFull();
        b.payments = new ArrayList<>(payments);
        b.allowancesCharges = allowancesCharges;
        b.documentRelations = new ArrayList<>(relations.documentRelations());
        b.metadata = new LinkedHashMap<>(metadata);
        b.shareableId = shareableId;
        b.voidedAt = stamps.voidedAt();
        b.voidReason = stamps.voidReason();
        b.hasOriginalDocument = stamps.hasOriginalDocument();
        b.deletedAt = stamps.deletedAt();
        b.createdAt = stamps.createdAt();
        b.updatedAt = stamps.updatedAt();
        b.furs = fiscalRecord.furs();
        b.fina = fiscalRecord.fina();
        b.pt = fiscalRecord.pt();
        b.eslog = fiscalRecord.eslog();
        b.vies = fiscalRecord.vies();
        b.kindDetails(kindDetails());
        b.references = references;
        b.tradeDetails = tradeDetails;
        return b;
    }

    /**
     * @param newNote nullable
     * @return a copy with the note changed, or this when equal; this instance is unaffected
     */
    public Document withNote(String newNote) {
        return Objects.equals(note, newNote) ? this : toBuilder().note(newNote).build();
    }

    /**
     * @param newItems not null
     * @return a copy with the items replaced (totals are not recalculated); this instance is unaffected
     */
    public Document withItems(List<LineItem> newItems) {
        return items.equals(newItems) ? this : toBuilder().items(newItems).build();
    }

    /**
     * @param newMetadata not null
     * @return a copy with the metadata replaced, or this when equal; this instance is unaffected
     */
    public Document withMetadata(Map<String, String> newMetadata) {
        return metadata.equals(newMetadata) ? this : toBuilder().metadata(newMetadata).build();
    }

    /**
     * @param newCustomer nullable
     * @return a copy with the customer replaced, or this when equal; this instance is unaffected
     */
    public Document withCustomer(Party newCustomer) {
        return Objects.equals(customer, newCustomer) ? this : toBuilder().customer(newCustomer).build();
    }

    private Object[] values() {
        return new Object[] {type(), draft, id, entityId, number, date, dateYear, dateDue, dateService, dateServiceTo, issuer, customerId, customer, items, note, paymentTerms, taxClause, footer, signature, reference, currencyCode, calculationMode, creationSource, totals, transactionType, conversion, paymentSummary, payments, allowancesCharges, relations, metadata, shareableId, stamps, fiscalRecord, kindDetails(), references, tradeDetails};
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof Document other && Arrays.equals(values(), other.values());
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(values());
    }

    @Override
    public String toString() {
        return type() + "[id=" + id + ", number=" + number + ", draft=" + draft + ", total=" + totals.total()
                + ", totalWithTax=" + totals.totalWithTax() + ", items=" + items.size() + "]";
    }

    /**
     * Starts a document of the given kind.
     *
     * @param type the kind, not null
     * @return a new mutable builder (a draft by default)
     */
    public static Builder builder(DocumentType type) {
        return new Builder(Objects.requireNonNull(type, "type"));
    }

    /**
     * Mutable, single-thread builder of documents. {@link #build()} returns the immutable document of the
     * builder's kind. Kind-specific fields set on another kind are ignored.
     */
    public static final class Builder {
        private DocumentType type;
        private boolean draft = true;
        private DocumentId id;
        private String entityId;
        private String number;
        private LocalDate date;
        private Integer dateYear;
        private LocalDate dateDue;
        private LocalDate dateService;
        private LocalDate dateServiceTo;
        private Party issuer;
        private String customerId;
        private Party customer;
        private List<LineItem> items = new ArrayList<>();
        private String note;
        private String paymentTerms;
        private String taxClause;
        private String footer;
        private String signature;
        private String reference;
        private CurrencyCode currency;
        private CalculationMode calculationMode;
        private CreationSource creationSource;
        private BigDecimal total;
        private BigDecimal totalWithTax;
        private BigDecimal totalDiscount;
        private List<TaxSummary> taxes = new ArrayList<>();
        private TransactionType transactionType;
        private ExchangeRate exchangeRate;
        private BigDecimal totalConverted;
        private BigDecimal totalWithTaxConverted;
        private BigDecimal roundingCorrection;
        private BigDecimal totalPaid;
        private BigDecimal totalDue;
        private Boolean paidInFull;
        private List<Payment> payments = new ArrayList<>();
        private AllowancesCharges allowancesCharges = AllowancesCharges.EMPTY;
        private List<DocumentRelation> documentRelations = new ArrayList<>();
        private Map<String, String> metadata = new LinkedHashMap<>();
        private String shareableId;
        private Instant voidedAt;
        private String voidReason;
        private Boolean hasOriginalDocument;
        private Instant deletedAt;
        private Instant createdAt;
        private Instant updatedAt;
        private FursData furs;
        private FinaData fina;
        private PtData pt;
        private EslogValidation eslog;
        private ViesCheck vies;
        private LocalDate dateValidTill;
        private TitleType titleType;
        private Boolean hidePrices;
        private DocumentReferences references = DocumentReferences.EMPTY;
        private TradeDetails tradeDetails = TradeDetails.EMPTY;

        private Builder(DocumentType type) {
            this.type = type;
        }

        /** @return the kind being built */
        public DocumentType type() {
            return type;
        }

        /**
         * Changes the kind (used by conversions); kind-specific fields of the old kind are kept but ignored.
         *
         * @param v not null
         * @return this
         */
        public Builder type(DocumentType v) {
            type = Objects.requireNonNull(v, "type");
            return this;
        }

        /**
         * Marks the document as a draft or not.
         *
         * @param v true for a draft
         * @return this builder
         */
        public Builder draft(boolean v) {
            draft = v;
            return this;
        }

        /**
         * Sets the document id.
         *
         * @param v the document id, nullable before the document is stored
         * @return this builder
         */
        public Builder id(DocumentId v) {
            id = v;
            return this;
        }

        /**
         * Sets the issuing entity's id.
         *
         * @param v the issuing entity's id ({@code ent_…}), nullable before stored
         * @return this builder
         */
        public Builder entityId(String v) {
            entityId = v;
            return this;
        }

        /**
         * Sets the document number.
         *
         * @param v the document number, null for drafts
         * @return this builder
         */
        public Builder number(String v) {
            number = v;
            return this;
        }

        /**
         * Sets the document date.
         *
         * @param v the document date, nullable on input (defaults to today)
         * @return this builder
         */
        public Builder date(LocalDate v) {
            date = v;
            return this;
        }

        /**
         * Sets the year the number belongs to.
         *
         * @param v the year the number belongs to, set on finalize
         * @return this builder
         */
        public Builder dateYear(Integer v) {
            dateYear = v;
            return this;
        }

        /**
         * Sets the due date.
         *
         * @param v the due date, nullable
         * @return this builder
         */
        public Builder dateDue(LocalDate v) {
            dateDue = v;
            return this;
        }

        /**
         * Sets the service (delivery) date, or the start of the service period.
         *
         * @param v the service (delivery) date or period start, nullable
         * @return this builder
         */
        public Builder dateService(LocalDate v) {
            dateService = v;
            return this;
        }

        /**
         * Sets the service period end.
         *
         * @param v the service period end, nullable
         * @return this builder
         */
        public Builder dateServiceTo(LocalDate v) {
            dateServiceTo = v;
            return this;
        }

        /**
         * Sets the issuer snapshot.
         *
         * @param v the issuer snapshot, nullable on input (taken from the entity)
         * @return this builder
         */
        public Builder issuer(Party v) {
            issuer = v;
            return this;
        }

        /**
         * Sets the customer directory id.
         *
         * @param v the customer directory id, nullable
         * @return this builder
         */
        public Builder customerId(String v) {
            customerId = v;
            return this;
        }

        /**
         * Sets the customer snapshot.
         *
         * @param v the customer snapshot, nullable
         * @return this builder
         */
        public Builder customer(Party v) {
            customer = v;
            return this;
        }

        /**
         * Sets the lines.
         *
         * @param v the lines, null means empty
         * @return this builder
         */
        public Builder items(List<LineItem> v) {
            items = v == null ? new ArrayList<>() : new ArrayList<>(v);
            return this;
        }

        /**
         * Sets the note.
         *
         * @param v the note, nullable
         * @return this builder
         */
        public Builder note(String v) {
            note = v;
            return this;
        }

        /**
         * Sets the payment terms text.
         *
         * @param v the payment terms text, nullable
         * @return this builder
         */
        public Builder paymentTerms(String v) {
            paymentTerms = v;
            return this;
        }

        /**
         * Sets the tax clause.
         *
         * @param v the tax clause (required under reverse charge), nullable
         * @return this builder
         */
        public Builder taxClause(String v) {
            taxClause = v;
            return this;
        }

        /**
         * Sets the footer text.
         *
         * @param v the footer text, nullable
         * @return this builder
         */
        public Builder footer(String v) {
            footer = v;
            return this;
        }

        /**
         * Sets the signature text.
         *
         * @param v the signature text, nullable
         * @return this builder
         */
        public Builder signature(String v) {
            signature = v;
            return this;
        }

        /**
         * Sets the reference to another document.
         *
         * @param v a reference (e.g. the credited invoice's number on a credit note), nullable
         * @return this builder
         */
        public Builder reference(String v) {
            reference = v;
            return this;
        }

        /**
         * Sets the currency by its code, parsed here ({@link CurrencyCode#parse}).
         *
         * @param v the ISO 4217 currency code in capitals, nullable on input (defaults to the entity's)
         * @return this
         * @throws ValidationException (path {@code currency_code}, code {@code unknown_currency}) when the code is
         *     not an ISO 4217 code with minor units
         */
        public Builder currencyCode(String v) {
            currency = CurrencyCode.parse(v, "currency_code");
            return this;
        }

        /**
         * Sets the currency.
         *
         * @param v the currency, nullable on input (defaults to the entity's)
         * @return this
         */
        public Builder currency(CurrencyCode v) {
            currency = v;
            return this;
        }

        /**
         * Sets the calculation mode used.
         *
         * @param v the calculation mode used, nullable
         * @return this builder
         */
        public Builder calculationMode(CalculationMode v) {
            calculationMode = v;
            return this;
        }

        /**
         * Sets where the totals came from.
         *
         * @param v where the totals came from, nullable
         * @return this builder
         */
        public Builder creationSource(CreationSource v) {
            creationSource = v;
            return this;
        }

        /**
         * Sets the net total.
         *
         * @param v the net total, nullable until calculated
         * @return this builder
         */
        public Builder total(BigDecimal v) {
            total = v;
            return this;
        }

        /**
         * Sets the gross total.
         *
         * @param v the gross total, nullable until calculated
         * @return this builder
         */
        public Builder totalWithTax(BigDecimal v) {
            totalWithTax = v;
            return this;
        }

        /**
         * Sets the sum of the lines' shown discounts.
         *
         * @param v the sum of the lines' shown discounts, nullable until calculated
         * @return this builder
         */
        public Builder totalDiscount(BigDecimal v) {
            totalDiscount = v;
            return this;
        }

        /**
         * Sets the tax summary per group.
         *
         * @param v the tax summary per group, null means empty
         * @return this builder
         */
        public Builder taxes(List<TaxSummary> v) {
            taxes = v == null ? new ArrayList<>() : new ArrayList<>(v);
            return this;
        }

        /**
         * Sets the VAT classification.
         *
         * @param v the VAT classification, nullable
         * @return this builder
         */
        public Builder transactionType(TransactionType v) {
            transactionType = v;
            return this;
        }

        /**
         * Sets the conversion to the entity currency.
         *
         * @param v the conversion to the entity currency, nullable
         * @return this builder
         */
        public Builder exchangeRate(ExchangeRate v) {
            exchangeRate = v;
            return this;
        }

        /**
         * Sets the net total in the entity currency.
         *
         * @param v the net total in the entity currency, nullable
         * @return this builder
         */
        public Builder totalConverted(BigDecimal v) {
            totalConverted = v;
            return this;
        }

        /**
         * Sets the gross total in the entity currency.
         *
         * @param v the gross total in the entity currency, nullable
         * @return this builder
         */
        public Builder totalWithTaxConverted(BigDecimal v) {
            totalWithTaxConverted = v;
            return this;
        }

        /**
         * Sets the correction applied to meet {@code expected_total_with_tax}.
         *
         * @param v the correction applied to meet {@code expected_total_with_tax}, nullable
         * @return this builder
         */
        public Builder roundingCorrection(BigDecimal v) {
            roundingCorrection = v;
            return this;
        }

        /**
         * Sets the sum of live payments.
         *
         * @param v the sum of live payments (payable kinds), nullable
         * @return this builder
         */
        public Builder totalPaid(BigDecimal v) {
            totalPaid = v;
            return this;
        }

        /**
         * Sets the amount still due.
         *
         * @param v total with tax minus total paid (payable kinds), nullable
         * @return this builder
         */
        public Builder totalDue(BigDecimal v) {
            totalDue = v;
            return this;
        }

        /**
         * Sets whether nothing is due.
         *
         * @param v whether nothing is due (payable kinds), nullable
         * @return this builder
         */
        public Builder paidInFull(Boolean v) {
            paidInFull = v;
            return this;
        }

        /**
         * Sets the payments.
         *
         * @param v the payments, including soft-deleted ones, null means empty
         * @return this builder
         */
        public Builder payments(List<Payment> v) {
            payments = v == null ? new ArrayList<>() : new ArrayList<>(v);
            return this;
        }

        /**
         * Sets the document-level allowances (BG-20).
         *
         * @param v the allowances, null means none
         * @return this builder
         */
        public Builder allowances(List<AllowanceCharge> v) {
            AllowancesCharges a = allowancesCharges;
            allowancesCharges = AllowancesCharges.of(v, a.charges(), a.totalAllowances(), a.totalCharges());
            return this;
        }

        /**
         * Sets the document-level charges (BG-21).
         *
         * @param v the charges, null means none
         * @return this builder
         */
        public Builder charges(List<AllowanceCharge> v) {
            AllowancesCharges a = allowancesCharges;
            allowancesCharges = AllowancesCharges.of(a.allowances(), v, a.totalAllowances(), a.totalCharges());
            return this;
        }

        /**
         * Sets the sum of the document allowances (BT-107).
         *
         * @param v nullable until calculated
         * @return this builder
         */
        public Builder totalAllowances(BigDecimal v) {
            AllowancesCharges a = allowancesCharges;
            allowancesCharges = AllowancesCharges.of(a.allowances(), a.charges(), v, a.totalCharges());
            return this;
        }

        /**
         * Sets the sum of the document charges (BT-108).
         *
         * @param v nullable until calculated
         * @return this builder
         */
        public Builder totalCharges(BigDecimal v) {
            AllowancesCharges a = allowancesCharges;
            allowancesCharges = AllowancesCharges.of(a.allowances(), a.charges(), a.totalAllowances(), v);
            return this;
        }

        /**
         * Sets every value of the group at once, as the flat setters would.
         *
         * @param v the allowances and charges, not null ({@link AllowancesCharges#EMPTY} clears them)
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         */
        public Builder allowancesCharges(AllowancesCharges v) {
            allowancesCharges = Objects.requireNonNull(v, "allowancesCharges");
            return this;
        }

        /** @return the document-level allowances and charges set so far, not null */
        public AllowancesCharges allowancesCharges() {
            return allowancesCharges;
        }

        /**
         * Sets the links to other documents.
         *
         * @param v the links to other documents, null means empty
         * @return this builder
         */
        public Builder documentRelations(List<DocumentRelation> v) {
            documentRelations = v == null ? new ArrayList<>() : new ArrayList<>(v);
            return this;
        }

        /**
         * Sets the custom key-value data.
         *
         * @param v custom key-value data, null means empty
         * @return this builder
         */
        public Builder metadata(Map<String, String> v) {
            metadata = v == null ? new LinkedHashMap<>() : new LinkedHashMap<>(v);
            return this;
        }

        /**
         * Sets the share token.
         *
         * @param v the share token, null when not shared
         * @return this builder
         */
        public Builder shareableId(String v) {
            shareableId = v;
            return this;
        }

        /**
         * Sets when the document was voided.
         *
         * @param v when voided, nullable
         * @return this builder
         */
        public Builder voidedAt(Instant v) {
            voidedAt = v;
            return this;
        }

        /**
         * Sets why the document was voided.
         *
         * @param v why it was voided, nullable
         * @return this builder
         */
        public Builder voidReason(String v) {
            voidReason = v;
            return this;
        }

        /**
         * Sets whether the voided original was handed out.
         *
         * @param v whether the voided original was handed out (fiscal cancellation), nullable
         * @return this builder
         */
        public Builder hasOriginalDocument(Boolean v) {
            hasOriginalDocument = v;
            return this;
        }

        /**
         * Sets when the document was moved to the trash.
         *
         * @param v when moved to the trash, nullable
         * @return this builder
         */
        public Builder deletedAt(Instant v) {
            deletedAt = v;
            return this;
        }

        /**
         * Sets the creation time.
         *
         * @param v when created, nullable
         * @return this builder
         */
        public Builder createdAt(Instant v) {
            createdAt = v;
            return this;
        }

        /**
         * Sets the time of the last change.
         *
         * @param v when last changed, nullable
         * @return this builder
         */
        public Builder updatedAt(Instant v) {
            updatedAt = v;
            return this;
        }

        /**
         * Sets the Slovenian (FURS) fiscal data.
         *
         * @param v Slovenian fiscal data, nullable
         * @return this builder
         */
        public Builder furs(FursData v) {
            furs = v;
            return this;
        }

        /**
         * Sets the Croatian (FINA) fiscal data.
         *
         * @param v Croatian fiscal data, nullable
         * @return this builder
         */
        public Builder fina(FinaData v) {
            fina = v;
            return this;
        }

        /**
         * Sets the Portuguese certification data.
         *
         * @param v Portuguese certification data, nullable
         * @return this builder
         */
        public Builder pt(PtData v) {
            pt = v;
            return this;
        }

        /**
         * Sets the last e-SLOG validation.
         *
         * @param v the last e-SLOG validation, nullable
         * @return this builder
         */
        public Builder eslog(EslogValidation v) {
            eslog = v;
            return this;
        }

        /**
         * Sets the customer's VAT-number check.
         *
         * @param v the customer's VAT-number check, nullable
         * @return this builder
         */
        public Builder vies(ViesCheck v) {
            vies = v;
            return this;
        }

        /**
         * Sets the date an estimate is valid until.
         *
         * @param v estimates: valid until, nullable (defaults to date + 30 days)
         * @return this builder
         */
        public Builder dateValidTill(LocalDate v) {
            dateValidTill = v;
            return this;
        }

        /**
         * Sets the title an estimate is printed with.
         *
         * @param v estimates: estimate or pro-forma invoice title, nullable
         * @return this builder
         */
        public Builder titleType(TitleType v) {
            titleType = v;
            return this;
        }

        /**
         * Sets whether a delivery note is printed without prices.
         *
         * @param v delivery notes: hide prices when printed, nullable
         * @return this builder
         */
        public Builder hidePrices(Boolean v) {
            hidePrices = v;
            return this;
        }

        /** @return the value set so far, nullable */
        public DocumentId id() {
            return id;
        }

        /** @return the value set so far, nullable */
        public String entityId() {
            return entityId;
        }

        /** @return the value set so far, nullable */
        public String number() {
            return number;
        }

        /** @return the value set so far, nullable */
        public LocalDate date() {
            return date;
        }

        /** @return the value set so far, nullable */
        public Integer dateYear() {
            return dateYear;
        }

        /** @return the value set so far, nullable */
        public LocalDate dateDue() {
            return dateDue;
        }

        /** @return the value set so far, nullable */
        public LocalDate dateService() {
            return dateService;
        }

        /** @return the value set so far, nullable */
        public LocalDate dateServiceTo() {
            return dateServiceTo;
        }

        /** @return the value set so far, nullable */
        public Party issuer() {
            return issuer;
        }

        /** @return the value set so far, nullable */
        public String customerId() {
            return customerId;
        }

        /** @return the value set so far, nullable */
        public Party customer() {
            return customer;
        }

        /** @return the value set so far, nullable */
        public String note() {
            return note;
        }

        /** @return the value set so far, nullable */
        public String paymentTerms() {
            return paymentTerms;
        }

        /** @return the value set so far, nullable */
        public String taxClause() {
            return taxClause;
        }

        /** @return the value set so far, nullable */
        public String footer() {
            return footer;
        }

        /** @return the value set so far, nullable */
        public String signature() {
            return signature;
        }

        /** @return the value set so far, nullable */
        public String reference() {
            return reference;
        }

        /** @return the value set so far, nullable */
        public String currencyCode() {
            return currency == null ? null : currency.code();
        }

        /** @return the value set so far, nullable */
        public CurrencyCode currency() {
            return currency;
        }

        /** @return the value set so far, nullable */
        public CalculationMode calculationMode() {
            return calculationMode;
        }

        /** @return the value set so far, nullable */
        public CreationSource creationSource() {
            return creationSource;
        }

        /** @return the value set so far, nullable */
        public BigDecimal total() {
            return total;
        }

        /** @return the value set so far, nullable */
        public BigDecimal totalWithTax() {
            return totalWithTax;
        }

        /** @return the value set so far, nullable */
        public BigDecimal totalDiscount() {
            return totalDiscount;
        }

        /** @return the value set so far, nullable */
        public TransactionType transactionType() {
            return transactionType;
        }

        /** @return the value set so far, nullable */
        public ExchangeRate exchangeRate() {
            return exchangeRate;
        }

        /** @return the value set so far, nullable */
        public BigDecimal totalConverted() {
            return totalConverted;
        }

        /** @return the value set so far, nullable */
        public BigDecimal totalWithTaxConverted() {
            return totalWithTaxConverted;
        }

        /** @return the value set so far, nullable */
        public BigDecimal roundingCorrection() {
            return roundingCorrection;
        }

        /** @return the value set so far, nullable */
        public BigDecimal totalPaid() {
            return totalPaid;
        }

        /** @return the value set so far, nullable */
        public BigDecimal totalDue() {
            return totalDue;
        }

        /** @return the value set so far, nullable */
        public Boolean paidInFull() {
            return paidInFull;
        }

        /** @return the value set so far, nullable */
        public String shareableId() {
            return shareableId;
        }

        /** @return the value set so far, nullable */
        public Instant voidedAt() {
            return voidedAt;
        }

        /** @return the value set so far, nullable */
        public String voidReason() {
            return voidReason;
        }

        /** @return the value set so far, nullable */
        public Boolean hasOriginalDocument() {
            return hasOriginalDocument;
        }

        /** @return the value set so far, nullable */
        public Instant deletedAt() {
            return deletedAt;
        }

        /** @return the value set so far, nullable */
        public Instant createdAt() {
            return createdAt;
        }

        /** @return the value set so far, nullable */
        public Instant updatedAt() {
            return updatedAt;
        }

        /** @return the value set so far, nullable */
        public FursData furs() {
            return furs;
        }

        /** @return the value set so far, nullable */
        public FinaData fina() {
            return fina;
        }

        /** @return the value set so far, nullable */
        public PtData pt() {
            return pt;
        }

        /** @return the value set so far, nullable */
        public EslogValidation eslog() {
            return eslog;
        }

        /** @return the value set so far, nullable */
        public ViesCheck vies() {
            return vies;
        }

        /** @return the value set so far, nullable */
        public LocalDate dateValidTill() {
            return dateValidTill;
        }

        /** @return the value set so far, nullable */
        public TitleType titleType() {
            return titleType;
        }

        /** @return the value set so far, nullable */
        public Boolean hidePrices() {
            return hidePrices;
        }

        /** @return the lines set so far (live view) */
        public List<LineItem> items() {
            return items;
        }

        /** @return the payments set so far (live view) */
        public List<Payment> payments() {
            return payments;
        }

        /** @return the relations set so far (live view) */
        public List<DocumentRelation> documentRelations() {
            return documentRelations;
        }

        /** @return the metadata set so far (live view) */
        public Map<String, String> metadata() {
            return metadata;
        }

        /** @return true when the builder is a draft */
        public boolean isDraft() {
            return draft;
        }

        /**
         * Sets the fields of a kind at once, as the flat setters ({@link #dateValidTill(LocalDate)},
         * {@link #titleType(TitleType)}, {@link #hidePrices(Boolean)}) would; {@link KindDetails#NONE} sets nothing.
         * Like those, the details of another kind than the one built are kept but ignored.
         *
         * @param v the kind's details, not null
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         */
        public Builder kindDetails(KindDetails v) {
            Objects.requireNonNull(v, "kindDetails");
            if (v instanceof EstimateDetails e) {
                dateValidTill = e.dateValidTill();
                titleType = e.titleType();
            } else if (v instanceof DeliveryNoteDetails n) {
                hidePrices = n.hidePrices();
            }
            return this;
        }

        /**
         * Sets every value of the group at once, as the flat setters would.
         *
         * @param v the totals, not null ({@link Totals#EMPTY} clears them)
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         */
        public Builder totals(Totals v) {
            Objects.requireNonNull(v, "totals");
            total = v.total();
            totalWithTax = v.totalWithTax();
            totalDiscount = v.totalDiscount();
            taxes = new ArrayList<>(v.taxes());
            roundingCorrection = v.roundingCorrection();
            return this;
        }

        /**
         * Sets every value of the group at once, as the flat setters would.
         *
         * @param v the conversion, not null ({@link Conversion#EMPTY} clears them)
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         */
        public Builder conversion(Conversion v) {
            Objects.requireNonNull(v, "conversion");
            exchangeRate = v.exchangeRate();
            totalConverted = v.totalConverted();
            totalWithTaxConverted = v.totalWithTaxConverted();
            return this;
        }

        /**
         * Sets every value of the group at once, as the flat setters would.
         *
         * @param v the stamps, not null ({@link Stamps#EMPTY} clears them)
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         */
        public Builder stamps(Stamps v) {
            Objects.requireNonNull(v, "stamps");
            createdAt = v.createdAt();
            updatedAt = v.updatedAt();
            deletedAt = v.deletedAt();
            voidedAt = v.voidedAt();
            voidReason = v.voidReason();
            hasOriginalDocument = v.hasOriginalDocument();
            return this;
        }

        /**
         * Sets every value of the group at once, as the flat setters would.
         *
         * @param v the payment state, not null ({@link PaymentSummary#EMPTY} clears it)
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         */
        public Builder paymentSummary(PaymentSummary v) {
            Objects.requireNonNull(v, "paymentSummary");
            totalPaid = v.totalPaid();
            totalDue = v.totalDue();
            paidInFull = v.paidInFull();
            return this;
        }

        /**
         * Sets the links to other documents, as {@link #documentRelations(List)} would.
         *
         * @param v the relations, not null ({@link Relations#EMPTY} clears them)
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         */
        public Builder relations(Relations v) {
            Objects.requireNonNull(v, "relations");
            documentRelations = new ArrayList<>(v.documentRelations());
            return this;
        }

        /**
         * Sets every value of the group at once, as the flat setters would.
         *
         * @param v the fiscalRecord, not null ({@link FiscalRecord#EMPTY} clears them)
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         */
        public Builder fiscalRecord(FiscalRecord v) {
            Objects.requireNonNull(v, "fiscalRecord");
            furs = v.furs();
            fina = v.fina();
            pt = v.pt();
            eslog = v.eslog();
            vies = v.vies();
            return this;
        }

        /**
         * Sets the references to other papers (BT-10 to BT-19).
         *
         * @param v nullable ({@link DocumentReferences#EMPTY})
         * @return this builder
         */
        public Builder references(DocumentReferences v) {
            references = DocumentReferences.orEmpty(v);
            return this;
        }

        /** @return the references set so far, never null */
        public DocumentReferences references() {
            return references;
        }

        /**
         * Sets the EN 16931 trade details (period, delivery, payee, tax representative, payment means, preceding
         * invoices, subject notes).
         *
         * @param v nullable ({@link TradeDetails#EMPTY})
         * @return this builder
         */
        public Builder tradeDetails(TradeDetails v) {
            tradeDetails = TradeDetails.orEmpty(v);
            return this;
        }

        /** @return the trade details set so far, never null */
        public TradeDetails tradeDetails() {
            return tradeDetails;
        }

        /**
         * Adds a line after the lines set so far.
         *
         * @param item not null
         * @return this builder
         * @throws NullPointerException if {@code item} is null
         */
        public Builder item(LineItem item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /**
         * @return the immutable document of the builder's kind
         * @throws IllegalStateException when the id's prefix does not match the kind
         */
        public Document build() {
            if (id != null && id.type() != type) {
                throw new IllegalStateException("id " + id + " is not a " + type + " id");
            }
            return switch (type) {
                case INVOICE -> new Invoice(this);
                case ESTIMATE -> new Estimate(this);
                case CREDIT_NOTE -> new CreditNote(this);
                case ADVANCE_INVOICE -> new AdvanceInvoice(this);
                case DELIVERY_NOTE -> new DeliveryNote(this);
            };
        }
    }
}
