package eu.invoicing.rendering.i18n;

/**
 * Every label a rendered document can print. Each constant names one key of the
 * {@code labels_<language>.properties} resources; every language defines every key (a test proves it).
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum Label {
    /** {@code title.invoice}. */
    TITLE_INVOICE("title.invoice"),
    /** {@code title.estimate}. */
    TITLE_ESTIMATE("title.estimate"),
    /** {@code title.proforma_invoice}. */
    TITLE_PROFORMA_INVOICE("title.proforma_invoice"),
    /** {@code title.credit_note}. */
    TITLE_CREDIT_NOTE("title.credit_note"),
    /** {@code title.advance_invoice}. */
    TITLE_ADVANCE_INVOICE("title.advance_invoice"),
    /** {@code title.delivery_note}. */
    TITLE_DELIVERY_NOTE("title.delivery_note"),
    /** {@code mark.draft}. */
    MARK_DRAFT("mark.draft"),
    /** {@code mark.void}. */
    MARK_VOID("mark.void"),
    /** {@code meta.number}. */
    META_NUMBER("meta.number"),
    /** {@code meta.date}. */
    META_DATE("meta.date"),
    /** {@code meta.service_date}. */
    META_SERVICE_DATE("meta.service_date"),
    /** {@code meta.service_period}. */
    META_SERVICE_PERIOD("meta.service_period"),
    /** {@code meta.due_date}. */
    META_DUE_DATE("meta.due_date"),
    /** {@code meta.valid_till}. */
    META_VALID_TILL("meta.valid_till"),
    /** {@code meta.reference}. */
    META_REFERENCE("meta.reference"),
    /** {@code meta.credit_for}. */
    META_CREDIT_FOR("meta.credit_for"),
    /** {@code meta.currency}. */
    META_CURRENCY("meta.currency"),
    /** {@code party.issuer}. */
    PARTY_ISSUER("party.issuer"),
    /** {@code party.customer}. */
    PARTY_CUSTOMER("party.customer"),
    /** {@code party.recipient}. */
    PARTY_RECIPIENT("party.recipient"),
    /** {@code party.tax_number}. */
    PARTY_TAX_NUMBER("party.tax_number"),
    /** {@code party.company_number}. */
    PARTY_COMPANY_NUMBER("party.company_number"),
    /** {@code party.identifier}: a seller or buyer identifier (EN 16931 BT-29 / BT-46). */
    PARTY_IDENTIFIER("party.identifier"),
    /** {@code party.email}. */
    PARTY_EMAIL("party.email"),
    /** {@code party.phone}. */
    PARTY_PHONE("party.phone"),
    /** {@code party.website}. */
    PARTY_WEBSITE("party.website"),
    /** {@code item.item}. */
    ITEM_ITEM("item.item"),
    /** {@code item.description}. */
    ITEM_DESCRIPTION("item.description"),
    /** {@code item.quantity}. */
    ITEM_QUANTITY("item.quantity"),
    /** {@code item.unit}. */
    ITEM_UNIT("item.unit"),
    /** {@code item.price}. */
    ITEM_PRICE("item.price"),
    /** {@code item.discount}. */
    ITEM_DISCOUNT("item.discount"),
    /** {@code item.tax_rate}. */
    ITEM_TAX_RATE("item.tax_rate"),
    /** {@code item.amount}. */
    ITEM_AMOUNT("item.amount"),
    /** {@code item.vat_category}. */
    ITEM_VAT_CATEGORY("item.vat_category"),
    /** {@code item.list_price}. */
    ITEM_LIST_PRICE("item.list_price"),
    /** {@code item.price_discount}. */
    ITEM_PRICE_DISCOUNT("item.price_discount"),
    /** {@code item.price_base}. */
    ITEM_PRICE_BASE("item.price_base"),
    /** {@code item.period}. */
    ITEM_PERIOD("item.period"),
    /** {@code item.order_line}. */
    ITEM_ORDER_LINE("item.order_line"),
    /** {@code item.accounting}. */
    ITEM_ACCOUNTING("item.accounting"),
    /** {@code item.buyer_item_id}. */
    ITEM_BUYER_ITEM_ID("item.buyer_item_id"),
    /** {@code item.standard_id}. */
    ITEM_STANDARD_ID("item.standard_id"),
    /** {@code item.classification}. */
    ITEM_CLASSIFICATION("item.classification"),
    /** {@code item.origin}. */
    ITEM_ORIGIN("item.origin"),
    /** {@code totals.subtotal}. */
    TOTALS_SUBTOTAL("totals.subtotal"),
    /** {@code totals.discount}. */
    TOTALS_DISCOUNT("totals.discount"),
    /** {@code totals.allowance}: a document allowance without a reason of its own. */
    TOTALS_ALLOWANCE("totals.allowance"),
    /** {@code totals.charge}: a document charge without a reason, and the prefix of a line's charges. */
    TOTALS_CHARGE("totals.charge"),
    /** {@code totals.tax_summary}. */
    TOTALS_TAX_SUMMARY("totals.tax_summary"),
    /** {@code totals.tax_rate}. */
    TOTALS_TAX_RATE("totals.tax_rate"),
    /** {@code totals.tax_base}. */
    TOTALS_TAX_BASE("totals.tax_base"),
    /** {@code totals.tax_amount}. */
    TOTALS_TAX_AMOUNT("totals.tax_amount"),
    /** {@code totals.total}. */
    TOTALS_TOTAL("totals.total"),
    /** {@code totals.total_with_tax}. */
    TOTALS_TOTAL_WITH_TAX("totals.total_with_tax"),
    /** {@code totals.rounding}. */
    TOTALS_ROUNDING("totals.rounding"),
    /** {@code totals.paid}. */
    TOTALS_PAID("totals.paid"),
    /** {@code totals.due}. */
    TOTALS_DUE("totals.due"),
    /** {@code totals.paid_in_full}. */
    TOTALS_PAID_IN_FULL("totals.paid_in_full"),
    /** {@code totals.converted}. */
    TOTALS_CONVERTED("totals.converted"),
    /** {@code totals.exchange_rate}. */
    TOTALS_EXCHANGE_RATE("totals.exchange_rate"),
    /** {@code text.reverse_charge}. */
    TEXT_REVERSE_CHARGE("text.reverse_charge"),
    /** {@code text.note}. */
    TEXT_NOTE("text.note"),
    /** {@code text.payment_terms}. */
    TEXT_PAYMENT_TERMS("text.payment_terms"),
    /** {@code text.signature}. */
    TEXT_SIGNATURE("text.signature"),
    /** {@code pay.heading}. */
    PAY_HEADING("pay.heading"),
    /** {@code pay.bank_account}. */
    PAY_BANK_ACCOUNT("pay.bank_account"),
    /** {@code pay.iban}. */
    PAY_IBAN("pay.iban"),
    /** {@code pay.bic}. */
    PAY_BIC("pay.bic"),
    /** {@code pay.bank}. */
    PAY_BANK("pay.bank"),
    /** {@code pay.reference}. */
    PAY_REFERENCE("pay.reference"),
    /** {@code pay.scan_to_pay}. */
    PAY_SCAN_TO_PAY("pay.scan_to_pay"),
    /** {@code fiscal.heading}. */
    FISCAL_HEADING("fiscal.heading"),
    /** {@code fiscal.issued_at}. */
    FISCAL_ISSUED_AT("fiscal.issued_at"),
    /** {@code fiscal.operator}. */
    FISCAL_OPERATOR("fiscal.operator"),
    /** {@code trade.buyer_reference}. */
    TRADE_BUYER_REFERENCE("trade.buyer_reference"),
    /** {@code trade.order_reference}. */
    TRADE_ORDER_REFERENCE("trade.order_reference"),
    /** {@code trade.sales_order_reference}. */
    TRADE_SALES_ORDER_REFERENCE("trade.sales_order_reference"),
    /** {@code trade.contract_reference}. */
    TRADE_CONTRACT_REFERENCE("trade.contract_reference"),
    /** {@code trade.project_reference}. */
    TRADE_PROJECT_REFERENCE("trade.project_reference"),
    /** {@code trade.despatch_advice_reference}. */
    TRADE_DESPATCH_ADVICE_REFERENCE("trade.despatch_advice_reference"),
    /** {@code trade.receiving_advice_reference}. */
    TRADE_RECEIVING_ADVICE_REFERENCE("trade.receiving_advice_reference"),
    /** {@code trade.accounting_reference}. */
    TRADE_ACCOUNTING_REFERENCE("trade.accounting_reference"),
    /** {@code trade.invoice_period}. */
    TRADE_INVOICE_PERIOD("trade.invoice_period"),
    /** {@code trade.delivery_date}. */
    TRADE_DELIVERY_DATE("trade.delivery_date"),
    /** {@code trade.preceding_invoice}. */
    TRADE_PRECEDING_INVOICE("trade.preceding_invoice"),
    /** {@code trade.delivery}. */
    TRADE_DELIVERY("trade.delivery"),
    /** {@code trade.payee}. */
    TRADE_PAYEE("trade.payee"),
    /** {@code trade.tax_representative}. */
    TRADE_TAX_REPRESENTATIVE("trade.tax_representative"),
    /** {@code trade.payment_means}. */
    TRADE_PAYMENT_MEANS("trade.payment_means"),
    /** {@code trade.card}. */
    TRADE_CARD("trade.card"),
    /** {@code trade.mandate_reference}. */
    TRADE_MANDATE_REFERENCE("trade.mandate_reference"),
    /** {@code trade.creditor_id}. */
    TRADE_CREDITOR_ID("trade.creditor_id"),
    /** {@code trade.debited_account}. */
    TRADE_DEBITED_ACCOUNT("trade.debited_account"),
    /** {@code page.of}. */
    PAGE_OF("page.of");

    private final String key;

    Label(String key) {
        this.key = key;
    }

    /** @return the resource key, e.g. {@code title.invoice}; never null */
    public String key() {
        return key;
    }
}
