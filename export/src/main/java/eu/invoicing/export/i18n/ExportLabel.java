package eu.invoicing.export.i18n;

import java.util.Locale;

/**
 * The translatable texts of the exports: column headers, the two header patterns of the tax
 * columns (with a {@code {rate}} placeholder), the party prefixes of the flattened issuer and
 * customer columns, and sheet names. Each constant's key is its lower-case name, as used in the
 * {@code headers_<language>.properties} resources.
 *
 * <p>Immutable and thread-safe.
 */
public enum ExportLabel {
    /** English: "ID". */
    ID,
    /** English: "Number". */
    NUMBER,
    /** English: "Draft". */
    IS_DRAFT,
    /** English: "Date". */
    DATE,
    /** English: "Due date". */
    DATE_DUE,
    /** English: "Service date". */
    DATE_SERVICE,
    /** English: "Service period end". */
    DATE_SERVICE_TO,
    /** English: "Valid until". */
    DATE_VALID_TILL,
    /** English: "Title". */
    TITLE_TYPE,
    /** English: "Prices hidden". */
    HIDE_PRICES,
    /** English: "Reference". */
    REFERENCE,
    /** English: "Currency". */
    CURRENCY_CODE,
    /** English: "Calculation mode". */
    CALCULATION_MODE,
    /** English: "Transaction type". */
    TRANSACTION_TYPE,
    /** English: "Total without tax". */
    TOTAL,
    /** English: "Discount". */
    TOTAL_DISCOUNT,
    /** English: "Total with tax". */
    TOTAL_WITH_TAX,
    /** English: "Rounding correction". */
    ROUNDING_CORRECTION,
    /** English: "Paid". */
    TOTAL_PAID,
    /** English: "Amount due". */
    TOTAL_DUE,
    /** English: "Paid in full". */
    PAID_IN_FULL,
    /** English: "Payments". */
    PAYMENT_COUNT,
    /** English: "Exchange rate". */
    EXCHANGE_RATE,
    /** English: "Converted currency". */
    CONVERTED_CURRENCY,
    /** English: "Total without tax (converted)". */
    TOTAL_CONVERTED,
    /** English: "Total with tax (converted)". */
    TOTAL_WITH_TAX_CONVERTED,
    /** English: "Note". */
    NOTE,
    /** English: "Payment terms". */
    PAYMENT_TERMS,
    /** English: "Tax clause". */
    TAX_CLAUSE,
    /** English: "Footer". */
    FOOTER,
    /** English: "Signature". */
    SIGNATURE,
    /** English: "Voided at". */
    VOIDED_AT,
    /** English: "Created at". */
    CREATED_AT,
    /** English: "Updated at". */
    UPDATED_AT,
    /** English: "Customer ID". */
    CUSTOMER_ID,
    /** English: "Issuer". */
    PARTY_ISSUER,
    /** English: "Customer". */
    PARTY_CUSTOMER,
    /** English: "Name". */
    PARTY_NAME,
    /** English: "Address". */
    PARTY_ADDRESS,
    /** English: "Address line 2". */
    PARTY_ADDRESS_2,
    /** English: "Post code". */
    PARTY_POST_CODE,
    /** English: "City". */
    PARTY_CITY,
    /** English: "State/region". */
    PARTY_STATE,
    /** English: "Country". */
    PARTY_COUNTRY,
    /** English: "Country code". */
    PARTY_COUNTRY_CODE,
    /** English: "Tax number". */
    PARTY_TAX_NUMBER,
    /** English: "Company number". */
    PARTY_COMPANY_NUMBER,
    /** English: "Email". */
    PARTY_EMAIL,
    /** English: "Phone". */
    PARTY_PHONE,
    /** English: "End consumer". */
    PARTY_IS_END_CONSUMER,
    /** English: "VAT registered". */
    PARTY_IS_TAX_SUBJECT,
    /** English: "Tax base {rate} %". */
    TAX_BASE,
    /** English: "Tax {rate} %". */
    TAX_AMOUNT,
    /** English: "Item ID". */
    ITEM_ID,
    /** English: "Item". */
    ITEM_NAME,
    /** English: "Unit". */
    UNIT,
    /** English: "Quantity sold". */
    QUANTITY_SOLD,
    /** English: "Quantity returned". */
    QUANTITY_RETURNED,
    /** English: "Net quantity". */
    NET_QUANTITY,
    /** English: "Average price". */
    AVERAGE_PRICE,
    /** English: "Invoices". */
    SHEET_INVOICE,
    /** English: "Estimates". */
    SHEET_ESTIMATE,
    /** English: "Credit notes". */
    SHEET_CREDIT_NOTE,
    /** English: "Advance invoices". */
    SHEET_ADVANCE_INVOICE,
    /** English: "Delivery notes". */
    SHEET_DELIVERY_NOTE,
    /** English: "Sales per item". */
    SHEET_SALES_PER_ITEM;

    /** @return the resource key, e.g. {@code date_due} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
