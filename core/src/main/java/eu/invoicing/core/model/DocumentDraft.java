package eu.invoicing.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a create (or calculate) request may say about a document, distinct from a stored {@link Document}:
 * a request cannot carry a field that only the library sets. Its {@link Builder} has no setter for the
 * server-owned fields of the field catalogue ({@link DocumentField#isServerOwned()}: id, owner, relations,
 * sharing, void and trash state, timestamps, the VAT-number check) nor for the e-SLOG validation outcome, and
 * of the values it holds it keeps only what a request may give: the request options of {@code furs} and
 * {@code fina} (premise, device, operator, payment method, not the fiscal outcome), lines without ids or
 * owner, payments without ids, owner, source or deletion. Fields the library assigns or recalculates anyway
 * (number, year, totals unless {@code creation_source} is {@code custom}, conversions, payment state) may be
 * given, so that a calculated document can be sent back for a preview; the lifecycle replaces them.
 *
 * <p>The lifecycle builds the stored document from a draft (docs/architecture.md, "Requests"); {@link #values()}
 * shows the draft's values as an unsaved {@link Document} (no id, every server-owned field absent), which is
 * what the calculation engine and the renderers take.
 *
 * <p>Immutable and thread-safe.
 */
public final class DocumentDraft {
    private final Document values;

    private DocumentDraft(Document.Builder b) {
        this.values = b.build();
    }

    /**
     * Starts a draft of the given kind.
     *
     * @param type the kind, not null
     * @return a new mutable builder (a draft by default: {@code is_draft} true)
     */
    public static Builder builder(DocumentType type) {
        return new Builder(Document.builder(Objects.requireNonNull(type, "type")));
    }

    /**
     * The request fields of a document, for creating a new one like it: every server-owned field, the e-SLOG
     * outcome, the fiscal outcome and the ids of its lines and payments are left out.
     *
     * @param document not null
     * @return the draft
     */
    public static DocumentDraft from(Document document) {
        Document.Builder b = document.toBuilder().id(null).entityId(null).documentRelations(List.of())
                .shareableId(null).stamps(Stamps.EMPTY).vies(null).eslog(null);
        return new Builder(b).furs(b.furs()).fina(b.fina()).items(b.items()).payments(b.payments()).build();
    }

    /** @return the kind */
    public DocumentType type() {
        return values.type();
    }

    /** @return true when the request asks for a draft ({@code is_draft}), false to finalize at once */
    public boolean isDraft() {
        return values.isDraft();
    }

    /** @return the draft's values as an unsaved document: no id, every server-owned field absent, never null */
    public Document values() {
        return values;
    }

    /** @return a builder initialised with every value of this draft */
    public Builder toBuilder() {
        return new Builder(values.toBuilder());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentDraft other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "DocumentDraft[" + values + "]";
    }

    /** The request options of a FURS record: the fiscal outcome left out. */
    private static FursData requestOptions(FursData f) {
        if (f == null || f.numberingStrategy() == null && f.sequenceNumber() == null && f.issuedAt() == null
                && f.zoi() == null && f.eor() == null && f.barcode() == null && f.status() == null
                && f.error() == null) {
            return f;
        }
        return new FursData(f.businessPremiseName(), f.electronicDeviceName(), null, null, f.operatorTaxNumber(),
                null, null, null, null, null, null);
    }

    /** The request options of a FINA record: the fiscal outcome left out. */
    private static FinaData requestOptions(FinaData f) {
        if (f == null || f.numberingSequence() == null && f.sequenceNumber() == null && f.issuedAt() == null
                && f.zki() == null && f.jir() == null && f.status() == null && f.error() == null) {
            return f;
        }
        return new FinaData(f.businessPremiseName(), f.electronicDeviceName(), null, null, f.operatorOib(),
                f.paymentMethod(), null, null, null, null, null);
    }

    /** A line as a request gives it: without id, owner or timestamps (the lifecycle assigns them). */
    private static LineItem requestLine(LineItem item) {
        if (item == null || item.id() == null && item.documentId() == null && item.createdAt() == null && item.updatedAt() == null) {
            return item;
        }
        return item.toBuilder().id(null).documentId(null).createdAt(null).updatedAt(null).build();
    }

    /** A payment as a request gives it: without id, owner, source document, creation or deletion time. */
    private static Payment requestPayment(Payment p) {
        if (p == null || p.id() == null && p.documentId() == null && p.sourceDocumentId() == null && p.createdAt() == null
                && p.deletedAt() == null) {
            return p;
        }
        return p.toBuilder().id(null).documentId(null).sourceDocumentId(null).createdAt(null).deletedAt(null)
                .build();
    }

    /**
     * Mutable, single-thread builder of {@link DocumentDraft}: the setters of {@link Document.Builder} for the
     * fields a request may give, and none for the others.
     */
    public static final class Builder {
        private final Document.Builder b;

        private Builder(Document.Builder b) {
            this.b = b;
        }

        /** @return the kind being built */
        public DocumentType type() {
            return b.type();
        }

        /**
         * Marks the document as a draft or not.
         *
         * @param v true for a draft
         * @return this builder
         */
        public Builder draft(boolean v) {
            b.draft(v);
            return this;
        }

        /**
         * Sets the document number.
         *
         * @param v the document number, null for drafts
         * @return this builder
         */
        public Builder number(String v) {
            b.number(v);
            return this;
        }

        /**
         * Sets the document date.
         *
         * @param v the document date, nullable on input (defaults to today)
         * @return this builder
         */
        public Builder date(LocalDate v) {
            b.date(v);
            return this;
        }

        /**
         * Sets the year the number belongs to.
         *
         * @param v the year the number belongs to, set on finalize
         * @return this builder
         */
        public Builder dateYear(Integer v) {
            b.dateYear(v);
            return this;
        }

        /**
         * Sets the due date.
         *
         * @param v the due date, nullable
         * @return this builder
         */
        public Builder dateDue(LocalDate v) {
            b.dateDue(v);
            return this;
        }

        /**
         * Sets the service (delivery) date, or the start of the service period.
         *
         * @param v the service (delivery) date or period start, nullable
         * @return this builder
         */
        public Builder dateService(LocalDate v) {
            b.dateService(v);
            return this;
        }

        /**
         * Sets the service period end.
         *
         * @param v the service period end, nullable
         * @return this builder
         */
        public Builder dateServiceTo(LocalDate v) {
            b.dateServiceTo(v);
            return this;
        }

        /**
         * Sets the date an estimate is valid until.
         *
         * @param v estimates: valid until, nullable (defaults to date + 30 days)
         * @return this builder
         */
        public Builder dateValidTill(LocalDate v) {
            b.dateValidTill(v);
            return this;
        }

        /**
         * Sets the title an estimate is printed with.
         *
         * @param v estimates: estimate or pro-forma invoice title, nullable
         * @return this builder
         */
        public Builder titleType(TitleType v) {
            b.titleType(v);
            return this;
        }

        /**
         * Sets whether a delivery note is printed without prices.
         *
         * @param v delivery notes: hide prices when printed, nullable
         * @return this builder
         */
        public Builder hidePrices(Boolean v) {
            b.hidePrices(v);
            return this;
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
            b.kindDetails(v);
            return this;
        }

        /**
         * Sets the issuer snapshot.
         *
         * @param v the issuer snapshot, nullable on input (taken from the entity)
         * @return this builder
         */
        public Builder issuer(Party v) {
            b.issuer(v);
            return this;
        }

        /**
         * Sets the customer directory id.
         *
         * @param v the customer directory id, nullable
         * @return this builder
         */
        public Builder customerId(String v) {
            b.customerId(v);
            return this;
        }

        /**
         * Sets the customer snapshot.
         *
         * @param v the customer snapshot, nullable
         * @return this builder
         */
        public Builder customer(Party v) {
            b.customer(v);
            return this;
        }

        /**
         * Sets the lines.
         *
         * @param v the lines, null means empty
         * @return this builder
         */
        public Builder items(List<LineItem> v) {
            b.items(v);
            return this;
        }

        /**
         * Adds a line after the lines set so far.
         *
         * @param item not null
         * @return this builder
         * @throws NullPointerException if {@code item} is null
         */
        public Builder item(LineItem item) {
            b.item(item);
            return this;
        }

        /**
         * Sets the note.
         *
         * @param v the note, nullable
         * @return this builder
         */
        public Builder note(String v) {
            b.note(v);
            return this;
        }

        /**
         * Sets the payment terms text.
         *
         * @param v the payment terms text, nullable
         * @return this builder
         */
        public Builder paymentTerms(String v) {
            b.paymentTerms(v);
            return this;
        }

        /**
         * Sets the tax clause.
         *
         * @param v the tax clause (required under reverse charge), nullable
         * @return this builder
         */
        public Builder taxClause(String v) {
            b.taxClause(v);
            return this;
        }

        /**
         * Sets the footer text.
         *
         * @param v the footer text, nullable
         * @return this builder
         */
        public Builder footer(String v) {
            b.footer(v);
            return this;
        }

        /**
         * Sets the signature text.
         *
         * @param v the signature text, nullable
         * @return this builder
         */
        public Builder signature(String v) {
            b.signature(v);
            return this;
        }

        /**
         * Sets the reference to another document.
         *
         * @param v a reference (e.g. the credited invoice's number on a credit note), nullable
         * @return this builder
         */
        public Builder reference(String v) {
            b.reference(v);
            return this;
        }

        /**
         * Sets the references to other papers (BT-10 to BT-19).
         *
         * @param v nullable (none)
         * @return this builder
         */
        public Builder references(DocumentReferences v) {
            b.references(v);
            return this;
        }

        /** @return the references set so far, never null */
        public DocumentReferences references() {
            return b.references();
        }

        /**
         * Sets the EN 16931 trade details (period, delivery, payee, tax representative, payment means, preceding
         * invoices, subject notes).
         *
         * @param v nullable (none)
         * @return this builder
         */
        public Builder tradeDetails(TradeDetails v) {
            b.tradeDetails(v);
            return this;
        }

        /** @return the trade details set so far, never null */
        public TradeDetails tradeDetails() {
            return b.tradeDetails();
        }

        /**
         * @param v the ISO 4217 currency code in capitals, nullable on input (defaults to the entity's); parsed
         *     here, as by {@link Document.Builder#currencyCode(String)}
         * @return this
         */
        public Builder currencyCode(String v) {
            b.currencyCode(v);
            return this;
        }

        /**
         * @param v the currency, already parsed, nullable (defaults to the entity's)
         * @return this
         */
        public Builder currency(CurrencyCode v) {
            b.currency(v);
            return this;
        }

        /**
         * Sets the calculation mode used.
         *
         * @param v the calculation mode used, nullable
         * @return this builder
         */
        public Builder calculationMode(CalculationMode v) {
            b.calculationMode(v);
            return this;
        }

        /**
         * Sets where the totals came from.
         *
         * @param v where the totals came from, nullable
         * @return this builder
         */
        public Builder creationSource(CreationSource v) {
            b.creationSource(v);
            return this;
        }

        /**
         * Sets the net total.
         *
         * @param v the net total, nullable until calculated
         * @return this builder
         */
        public Builder total(BigDecimal v) {
            b.total(v);
            return this;
        }

        /**
         * Sets the gross total.
         *
         * @param v the gross total, nullable until calculated
         * @return this builder
         */
        public Builder totalWithTax(BigDecimal v) {
            b.totalWithTax(v);
            return this;
        }

        /**
         * Sets the sum of the lines' shown discounts.
         *
         * @param v the sum of the lines' shown discounts, nullable until calculated
         * @return this builder
         */
        public Builder totalDiscount(BigDecimal v) {
            b.totalDiscount(v);
            return this;
        }

        /**
         * Sets the tax summary per group.
         *
         * @param v the tax summary per group, null means empty
         * @return this builder
         */
        public Builder taxes(List<TaxSummary> v) {
            b.taxes(v);
            return this;
        }

        /**
         * Sets the VAT classification.
         *
         * @param v the VAT classification, nullable
         * @return this builder
         */
        public Builder transactionType(TransactionType v) {
            b.transactionType(v);
            return this;
        }

        /**
         * Sets the conversion to the entity currency.
         *
         * @param v the conversion to the entity currency, nullable
         * @return this builder
         */
        public Builder exchangeRate(ExchangeRate v) {
            b.exchangeRate(v);
            return this;
        }

        /**
         * Sets the net total in the entity currency.
         *
         * @param v the net total in the entity currency, nullable
         * @return this builder
         */
        public Builder totalConverted(BigDecimal v) {
            b.totalConverted(v);
            return this;
        }

        /**
         * Sets the gross total in the entity currency.
         *
         * @param v the gross total in the entity currency, nullable
         * @return this builder
         */
        public Builder totalWithTaxConverted(BigDecimal v) {
            b.totalWithTaxConverted(v);
            return this;
        }

        /**
         * Sets the correction applied to meet {@code expected_total_with_tax}.
         *
         * @param v the correction applied to meet {@code expected_total_with_tax}, nullable
         * @return this builder
         */
        public Builder roundingCorrection(BigDecimal v) {
            b.roundingCorrection(v);
            return this;
        }

        /**
         * Sets the sum of live payments.
         *
         * @param v the sum of live payments (payable kinds), nullable
         * @return this builder
         */
        public Builder totalPaid(BigDecimal v) {
            b.totalPaid(v);
            return this;
        }

        /**
         * Sets the amount still due.
         *
         * @param v total with tax minus total paid (payable kinds), nullable
         * @return this builder
         */
        public Builder totalDue(BigDecimal v) {
            b.totalDue(v);
            return this;
        }

        /**
         * Sets whether nothing is due.
         *
         * @param v whether nothing is due (payable kinds), nullable
         * @return this builder
         */
        public Builder paidInFull(Boolean v) {
            b.paidInFull(v);
            return this;
        }

        /**
         * Sets the payments.
         *
         * @param v the payments, including soft-deleted ones, null means empty
         * @return this builder
         */
        public Builder payments(List<Payment> v) {
            b.payments(v);
            return this;
        }

        /**
         * Sets the document-level allowances (BG-20).
         *
         * @param v the allowances, null means none
         * @return this builder
         */
        public Builder allowances(List<AllowanceCharge> v) {
            b.allowances(v);
            return this;
        }

        /**
         * Sets the document-level charges (BG-21).
         *
         * @param v the charges, null means none
         * @return this builder
         */
        public Builder charges(List<AllowanceCharge> v) {
            b.charges(v);
            return this;
        }

        /**
         * Sets the sum of the document allowances (BT-107); the engine recalculates it.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder totalAllowances(BigDecimal v) {
            b.totalAllowances(v);
            return this;
        }

        /**
         * Sets the sum of the document charges (BT-108); the engine recalculates it.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder totalCharges(BigDecimal v) {
            b.totalCharges(v);
            return this;
        }

        /**
         * Sets the custom key-value data.
         *
         * @param v custom key-value data, null means empty
         * @return this builder
         */
        public Builder metadata(Map<String, String> v) {
            b.metadata(v);
            return this;
        }

        /**
         * Sets the Slovenian (FURS) request options: business premise, device and operator. The
         * fiscal outcome (number, protected code, EOR, status) is set only by the library and is not kept.
         *
         * @param v Slovenian fiscal data, nullable
         * @return this builder
         */
        public Builder furs(FursData v) {
            b.furs(requestOptions(v));
            return this;
        }

        /**
         * Sets the Croatian (FINA) request options: business premise, device, operator and payment method.
         * The fiscal outcome (number, ZKI, JIR, status) is set only by the library and is not kept.
         *
         * @param v Croatian fiscal data, nullable
         * @return this builder
         */
        public Builder fina(FinaData v) {
            b.fina(requestOptions(v));
            return this;
        }

        /**
         * Sets the Portuguese certification data.
         *
         * @param v Portuguese certification data, nullable
         * @return this builder
         */
        public Builder pt(PtData v) {
            b.pt(v);
            return this;
        }

        /** @return the lines set so far (live view; a line added here is taken as a request gives it) */
        public List<LineItem> items() {
            return b.items();
        }

        /** @return the payments set so far (live view; a payment added here is taken as a request gives it) */
        public List<Payment> payments() {
            return b.payments();
        }

        /** @return the draft */
        public DocumentDraft build() {
            List<LineItem> lines = b.items();
            for (int i = 0; i < lines.size(); i++) {
                lines.set(i, requestLine(lines.get(i)));
            }
            List<Payment> payments = b.payments();
            for (int i = 0; i < payments.size(); i++) {
                payments.set(i, requestPayment(payments.get(i)));
            }
            return new DocumentDraft(b);
        }
    }
}
