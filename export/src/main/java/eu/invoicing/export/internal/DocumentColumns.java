package eu.invoicing.export.internal;

import eu.invoicing.core.json.WireValues;
import eu.invoicing.core.model.DeliveryNote;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Estimate;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.TaxSummary;
import eu.invoicing.export.i18n.ExportLabel;
import eu.invoicing.export.i18n.ExportLabels;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * The column set of the document list export for one document kind: every base field of the
 * document, the issuer and the customer flattened into one column per field, one base/amount
 * column pair per tax rate present in the exported documents, the payment state (payable kinds
 * only), the converted totals, and the kind's own fields (estimate validity and title, delivery
 * note price hiding).
 *
 * <p>Stateless; thread-safe.
 */
public final class DocumentColumns {

    private static final int NAME_WIDTH = 30;
    private static final int LONG_TEXT_WIDTH = 40;
    private static final int ID_WIDTH = 28;
    /** The wire values of each policy enum type, by ordinal. */
    private static final ClassValue<String[]> WIRE_VALUES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] wire = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                wire[i] = WireValues.of((Enum<?>) constants[i]);
            }
            return wire;
        }
    };

    private DocumentColumns() {
    }

    /**
     * Builds the columns.
     *
     * @param type the exported kind, not null
     * @param labels the header texts, not null
     * @param taxRates the distinct tax rates present, ascending, compared by value, not null
     * @return the columns, in export order
     * @throws NullPointerException if an argument is null
     */
    public static List<Column<Document>> forType(DocumentType type, ExportLabels labels, SortedSet<BigDecimal> taxRates) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(taxRates, "taxRates");
        List<Column<Document>> c = new ArrayList<>();
        c.add(Column.sized(labels.text(ExportLabel.ID), CellKind.TEXT, ID_WIDTH, d -> d.id() == null ? null : d.id().value()));
        c.add(Column.sized(labels.text(ExportLabel.NUMBER), CellKind.TEXT, 16, Document::number));
        c.add(Column.of(labels.text(ExportLabel.IS_DRAFT), CellKind.BOOLEAN, Document::isDraft));
        c.add(Column.of(labels.text(ExportLabel.DATE), CellKind.DATE, Document::date));
        c.add(Column.of(labels.text(ExportLabel.DATE_DUE), CellKind.DATE, Document::dateDue));
        c.add(Column.of(labels.text(ExportLabel.DATE_SERVICE), CellKind.DATE, Document::dateService));
        c.add(Column.of(labels.text(ExportLabel.DATE_SERVICE_TO), CellKind.DATE, Document::dateServiceTo));
        if (type == DocumentType.ESTIMATE) {
            c.add(Column.of(labels.text(ExportLabel.DATE_VALID_TILL), CellKind.DATE,
                    d -> d instanceof Estimate e ? e.dateValidTill() : null));
            c.add(Column.sized(labels.text(ExportLabel.TITLE_TYPE), CellKind.TEXT, 16, d -> d instanceof Estimate e ? wire(e.titleType()) : null));
        }
        if (type == DocumentType.DELIVERY_NOTE) {
            c.add(Column.of(labels.text(ExportLabel.HIDE_PRICES), CellKind.BOOLEAN,
                    d -> d instanceof DeliveryNote n ? n.hidePrices() : null));
        }
        c.add(Column.of(labels.text(ExportLabel.REFERENCE), CellKind.TEXT, Document::reference));
        c.add(Column.sized(labels.text(ExportLabel.CURRENCY_CODE), CellKind.TEXT, 8, Document::currencyCode));
        c.add(Column.sized(labels.text(ExportLabel.CALCULATION_MODE), CellKind.TEXT, 18, d -> wire(d.calculationMode())));
        c.add(Column.sized(labels.text(ExportLabel.TRANSACTION_TYPE), CellKind.TEXT, 18, d -> wire(d.transactionType())));
        c.add(Column.of(labels.text(ExportLabel.TOTAL), CellKind.NUMBER, d -> money(d, d.total())));
        c.add(Column.of(labels.text(ExportLabel.TOTAL_DISCOUNT), CellKind.NUMBER, d -> money(d, d.totalDiscount())));
        c.add(Column.of(labels.text(ExportLabel.TOTAL_WITH_TAX), CellKind.NUMBER, d -> money(d, d.totalWithTax())));
        c.add(Column.of(labels.text(ExportLabel.ROUNDING_CORRECTION), CellKind.NUMBER, d -> money(d, d.roundingCorrection())));
        for (BigDecimal rate : taxRates) {
            c.add(Column.of(labels.taxHeader(ExportLabel.TAX_BASE, rate), CellKind.NUMBER, d -> money(d, taxSum(d, rate, TaxSummary::base))));
            c.add(Column.of(labels.taxHeader(ExportLabel.TAX_AMOUNT, rate), CellKind.NUMBER, d -> money(d, taxSum(d, rate, TaxSummary::amount))));
        }
        if (type.isPayable()) {
            c.add(Column.of(labels.text(ExportLabel.TOTAL_PAID), CellKind.NUMBER, d -> money(d, d.totalPaid())));
            c.add(Column.of(labels.text(ExportLabel.TOTAL_DUE), CellKind.NUMBER, d -> money(d, d.totalDue())));
            c.add(Column.of(labels.text(ExportLabel.PAID_IN_FULL), CellKind.BOOLEAN, Document::paidInFull));
            c.add(Column.of(labels.text(ExportLabel.PAYMENT_COUNT), CellKind.NUMBER, DocumentColumns::livePayments));
        }
        c.add(Column.of(labels.text(ExportLabel.EXCHANGE_RATE), CellKind.NUMBER,
                d -> d.exchangeRate() == null ? null : d.exchangeRate().rate()));
        c.add(Column.sized(labels.text(ExportLabel.CONVERTED_CURRENCY), CellKind.TEXT, 8,
                d -> quoteCurrency(d.exchangeRate())));
        c.add(Column.of(labels.text(ExportLabel.TOTAL_CONVERTED), CellKind.NUMBER,
                d -> Amounts.atCurrencyScale(d.totalConverted(), quote(d.exchangeRate()))));
        c.add(Column.of(labels.text(ExportLabel.TOTAL_WITH_TAX_CONVERTED), CellKind.NUMBER,
                d -> Amounts.atCurrencyScale(d.totalWithTaxConverted(), quote(d.exchangeRate()))));
        c.add(Column.sized(labels.text(ExportLabel.CUSTOMER_ID), CellKind.TEXT, ID_WIDTH, Document::customerId));
        addParty(c, labels, ExportLabel.PARTY_CUSTOMER, Document::customer, true);
        addParty(c, labels, ExportLabel.PARTY_ISSUER, Document::issuer, false);
        c.add(Column.sized(labels.text(ExportLabel.NOTE), CellKind.TEXT, LONG_TEXT_WIDTH, Document::note));
        c.add(Column.sized(labels.text(ExportLabel.PAYMENT_TERMS), CellKind.TEXT, LONG_TEXT_WIDTH, Document::paymentTerms));
        c.add(Column.sized(labels.text(ExportLabel.TAX_CLAUSE), CellKind.TEXT, LONG_TEXT_WIDTH, Document::taxClause));
        c.add(Column.sized(labels.text(ExportLabel.FOOTER), CellKind.TEXT, LONG_TEXT_WIDTH, Document::footer));
        c.add(Column.of(labels.text(ExportLabel.SIGNATURE), CellKind.TEXT, Document::signature));
        if (type.isFiscal()) {
            c.add(Column.of(labels.text(ExportLabel.VOIDED_AT), CellKind.TIMESTAMP, Document::voidedAt));
        }
        c.add(Column.of(labels.text(ExportLabel.CREATED_AT), CellKind.TIMESTAMP, Document::createdAt));
        c.add(Column.of(labels.text(ExportLabel.UPDATED_AT), CellKind.TIMESTAMP, Document::updatedAt));
        return List.copyOf(c);
    }

    private static void addParty(List<Column<Document>> c, ExportLabels labels, ExportLabel party,
                                 Function<Document, Party> partyOf, boolean customer) {
        c.add(Column.sized(labels.partyHeader(party, ExportLabel.PARTY_NAME), CellKind.TEXT, NAME_WIDTH,
                field(partyOf, Party::name)));
        c.add(Column.sized(labels.partyHeader(party, ExportLabel.PARTY_ADDRESS), CellKind.TEXT, NAME_WIDTH,
                field(partyOf, Party::address)));
        c.add(Column.of(labels.partyHeader(party, ExportLabel.PARTY_ADDRESS_2), CellKind.TEXT, field(partyOf, Party::address2)));
        c.add(Column.of(labels.partyHeader(party, ExportLabel.PARTY_POST_CODE), CellKind.TEXT, field(partyOf, Party::postCode)));
        c.add(Column.of(labels.partyHeader(party, ExportLabel.PARTY_CITY), CellKind.TEXT, field(partyOf, Party::city)));
        c.add(Column.of(labels.partyHeader(party, ExportLabel.PARTY_STATE), CellKind.TEXT, field(partyOf, Party::state)));
        c.add(Column.of(labels.partyHeader(party, ExportLabel.PARTY_COUNTRY), CellKind.TEXT, field(partyOf, Party::country)));
        c.add(Column.of(labels.partyHeader(party, ExportLabel.PARTY_COUNTRY_CODE), CellKind.TEXT,
                field(partyOf, Party::countryCode)));
        c.add(Column.of(labels.partyHeader(party, ExportLabel.PARTY_TAX_NUMBER), CellKind.TEXT,
                field(partyOf, Party::taxNumber)));
        c.add(Column.of(labels.partyHeader(party, ExportLabel.PARTY_COMPANY_NUMBER), CellKind.TEXT,
                field(partyOf, Party::companyNumber)));
        c.add(Column.sized(labels.partyHeader(party, ExportLabel.PARTY_EMAIL), CellKind.TEXT, NAME_WIDTH,
                field(partyOf, Party::email)));
        c.add(Column.of(labels.partyHeader(party, ExportLabel.PARTY_PHONE), CellKind.TEXT, field(partyOf, Party::phone)));
        if (customer) {
            c.add(Column.of(labels.partyHeader(party, ExportLabel.PARTY_IS_END_CONSUMER), CellKind.BOOLEAN,
                    field(partyOf, Party::isEndConsumer)));
            c.add(Column.of(labels.partyHeader(party, ExportLabel.PARTY_IS_TAX_SUBJECT), CellKind.BOOLEAN,
                    field(partyOf, Party::isTaxSubject)));
        }
    }

    private static <T> Function<Document, T> field(Function<Document, Party> partyOf, Function<Party, T> getter) {
        return d -> {
            Party party = partyOf.apply(d);
            return party == null ? null : getter.apply(party);
        };
    }

    /**
     * The sum of a tax summary component over the summaries of one rate (a document may list a
     * rate more than once, e.g. with different tax names), or null if the document has no such rate.
     */
    static BigDecimal taxSum(Document document, BigDecimal rate, Function<TaxSummary, BigDecimal> component) {
        BigDecimal sum = null;
        List<TaxSummary> taxes = document.taxes();
        // Indexed (the model's lists are random-access): no iterator per cell.
        for (int i = 0; i < taxes.size(); i++) {
            TaxSummary tax = taxes.get(i);
            if (tax.rate() != null && tax.rate().compareTo(rate) == 0) {
                BigDecimal value = component.apply(tax);
                if (value != null) {
                    sum = sum == null ? value : sum.add(value);
                }
            }
        }
        return sum;
    }

    private static BigDecimal money(Document document, BigDecimal amount) {
        return Amounts.atCurrencyScale(amount, document.currency());
    }

    private static Integer livePayments(Document document) {
        int count = 0;
        List<Payment> payments = document.payments();
        for (int i = 0; i < payments.size(); i++) {
            if (payments.get(i).isLive()) {
                count++;
            }
        }
        return count;
    }

    private static String quoteCurrency(ExchangeRate rate) {
        return rate == null ? null : rate.quoteCurrency();
    }

    private static CurrencyCode quote(ExchangeRate rate) {
        return rate == null ? null : rate.quote();
    }

    /**
     * The wire value of a policy enum, as the JSON wire format writes it, looked up in a table
     * built once per enum type ({@link WireValues#of} lower-cases the name on every call).
     */
    static String wire(Enum<?> value) {
        return value == null ? null : WIRE_VALUES.get(value.getDeclaringClass())[value.ordinal()];
    }
}
