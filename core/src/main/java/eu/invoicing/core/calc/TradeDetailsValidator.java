package eu.invoicing.core.calc;

import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.DeliveryInformation;
import eu.invoicing.core.model.DocumentNote;
import eu.invoicing.core.model.Payee;
import eu.invoicing.core.model.PaymentMeans;
import eu.invoicing.core.model.Period;
import eu.invoicing.core.model.PostalAddress;
import eu.invoicing.core.model.PrecedingInvoice;
import eu.invoicing.core.model.TaxRepresentative;
import eu.invoicing.core.model.TradeDetails;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a draft's EN 16931 trade details (docs/wire-format.md, "EN 16931 trade details") with the norm's own
 * rules where they concern one value: a period that ends before it starts (BR-29) or has no end at all
 * (BR-CO-19), a payee without name (BR-17), a tax representative without name, VAT id or country (BR-18 to
 * BR-20, BR-56), a delivery address without country (BR-57), a payment means without a UNTDID 4461 code (BR-49),
 * card details that are a whole card number (BR-51) or sit on a means that is no card, direct debit details on a
 * means that is no direct debit, a preceding invoice without number (BR-55), a note without text or with a
 * subject that is no UNTDID 4451 code. Every problem is reported with its path.
 *
 * <p>Stateless and thread-safe.
 */
final class TradeDetailsValidator {
    /** UNTDID 4461 codes are one or two digits, or {@code ZZZ} (mutually defined). */
    private static final Pattern MEANS_CODE = Pattern.compile("[0-9]{1,2}|ZZZ");
    private static final Set<String> CARD = Set.of("48", "54", "55");
    private static final Set<String> DIRECT_DEBIT = Set.of("49", "59");
    private static final Pattern LAST_DIGITS = Pattern.compile("[0-9]{4,6}");
    private static final Pattern SUBJECT = Pattern.compile("[A-Z]{3}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern VAT_ID = Pattern.compile("[A-Z]{2}[0-9A-Za-z+*.]{2,}");

    private TradeDetailsValidator() {
    }

    /**
     * @param t the trade details, not null
     * @param out where problems are added, not null
     */
    static void validate(TradeDetails t, ViolationCollector out) {
        Period p = t.invoicePeriod();
        if (p != null) {
            if (p.start() == null && p.end() == null) {
                out.add("invoice_period", "required", "give a start, an end or both (BR-CO-19)");
            } else if (p.start() != null && p.end() != null && p.end().isBefore(p.start())) {
                out.add("invoice_period.end", "out_of_range", "must not be before the start " + p.start()
                        + " (BR-29), was " + p.end());
            }
        }
        DeliveryInformation d = t.delivery();
        if (d != null) {
            address(d.address(), "delivery", false, out);
        }
        Payee payee = t.payee();
        if (payee != null && blank(payee.name())) {
            out.add("payee.name", "required", "a payee needs a name (BT-59, BR-17)");
        }
        TaxRepresentative rep = t.taxRepresentative();
        if (rep != null) {
            if (blank(rep.name())) {
                out.add("tax_representative.name", "required", "a tax representative needs a name (BT-62, BR-18)");
            }
            if (blank(rep.vatId())) {
                out.add("tax_representative.vat_id", "required", "a tax representative needs a VAT identifier (BT-63,"
                        + " BR-56)");
            } else if (!VAT_ID.matcher(rep.vatId()).matches()) {
                out.add("tax_representative.vat_id", "invalid_value", "must start with its country code (BR-CO-09), was "
                        + Violation.quote(rep.vatId()));
            }
            address(rep.address(), "tax_representative", true, out);
        }
        for (int i = 0; i < t.paymentMeans().size(); i++) {
            means(t.paymentMeans().get(i), "payment_means[" + i + "]", out);
        }
        for (int i = 0; i < t.precedingInvoices().size(); i++) {
            PrecedingInvoice pi = t.precedingInvoices().get(i);
            if (blank(pi.number())) {
                out.add("preceding_invoices[" + i + "].number", "required", "a preceding invoice needs its number (BT-25,"
                        + " BR-55)");
            }
        }
        for (int i = 0; i < t.notes().size(); i++) {
            DocumentNote n = t.notes().get(i);
            if (blank(n.text())) {
                out.add("notes[" + i + "].text", "required", "a note needs a text (BT-22)");
            }
            if (n.subject() != null && !SUBJECT.matcher(n.subject()).matches()) {
                out.add("notes[" + i + "].subject", "invalid_value", "must be a UNTDID 4451 code of three capital"
                        + " letters (BT-21), was " + Violation.quote(n.subject()));
            }
        }
    }

    private static void address(PostalAddress a, String path, boolean required, ViolationCollector out) {
        String country = a == null ? null : a.countryCode();
        if (country == null) {
            if (required || a != null) {
                out.add(path + ".country_code", "required", "an address needs its country code ("
                        + (required ? "BR-20" : "BR-57") + ")");
            }
        } else if (!COUNTRY.matcher(country).matches()) {
            out.add(path + ".country_code", "invalid_value", "must be an ISO 3166-1 alpha-2 code, was "
                    + Violation.quote(country));
        }
    }

    private static void means(PaymentMeans m, String path, ViolationCollector out) {
        String code = m.code();
        if (blank(code)) {
            out.add(path + ".code", "required", "a payment means needs a UNTDID 4461 code (BT-81, BR-49)");
        } else if (!MEANS_CODE.matcher(code).matches()) {
            out.add(path + ".code", "invalid_value", "must be a UNTDID 4461 code (30, 58, 48, 54, 59...), was "
                    + Violation.quote(code));
        }
        boolean card = code != null && CARD.contains(code);
        boolean debit = code != null && DIRECT_DEBIT.contains(code);
        if (m.cardLastDigits() != null && !LAST_DIGITS.matcher(m.cardLastDigits()).matches()) {
            out.add(path + ".card_last_digits", "invalid_value", "must be the last 4 to 6 digits of the card, never"
                    + " the whole number (BT-87, BR-51), was " + Violation.quote(mask(m.cardLastDigits())));
        }
        if (!card && (m.cardLastDigits() != null || m.cardHolder() != null)) {
            out.add(path + (m.cardLastDigits() != null ? ".card_last_digits" : ".card_holder"), "not_applicable",
                    "card details need a card payment means (48, 54, 55), the code is " + Violation.quote(code));
        }
        if (!debit && (m.mandateReference() != null || m.debitedAccount() != null || m.creditorId() != null)) {
            out.add(path + (m.mandateReference() != null ? ".mandate_reference"
                    : m.debitedAccount() != null ? ".debited_account" : ".creditor_id"), "not_applicable",
                    "direct debit details need a direct debit payment means (49, 59), the code is "
                    + Violation.quote(code));
        }
    }

    /** A card number is never echoed whole: only its last four characters. */
    private static String mask(String s) {
        return s.length() <= 6 ? s : "…" + s.substring(s.length() - 4);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
