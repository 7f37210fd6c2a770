package eu.invoicing.eslog.internal.mapping;

import eu.invoicing.core.Violation;
import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.TransactionType;
import eu.invoicing.eslog.EslogContext;
import eu.invoicing.eslog.internal.parse.Messages;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The e-SLOG business rules (docs/eslog.md, "Validation"): issuer name, address, post code, city,
 * 8-digit tax number and bank account; the currency; a business customer's name and tax number;
 * every item's name, quantity &gt; 0, price and unit code; VAT rates 22, 9.5, 5 or 0. Added where
 * e-SLOG itself needs them: a document number, a buyer, at least one line, one VAT rate per line, a
 * valid IBAN checksum. Paths are the wire format's ({@code items[2].quantity}).
 *
 * <p>Stateless and thread-safe.
 */
public final class BusinessRules {

    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\d{8}");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");
    private static final List<BigDecimal> SLOVENIAN_RATES = List.of(new BigDecimal("22"), new BigDecimal("9.5"),
            new BigDecimal("5"), BigDecimal.ZERO);

    private BusinessRules() {
    }

    /**
     * @param doc the document, not null
     * @param ctx the e-SLOG context, not null
     * @return every rule the document breaks, empty when none
     */
    public static List<Violation> check(Document doc, EslogContext ctx) {
        List<Violation> out = new ArrayList<>();
        if (blank(doc.number())) {
            out.add(Violation.of("number", "required", "the document number (BT-1) is required; finalize the document first"));
        }
        issuer(doc.issuer(), out);
        bankAccount(ctx.bankAccount(), out);
        // A set currency was parsed where the document was read (CurrencyCode): it can be missing, never bad.
        if (doc.currency() == null) {
            out.add(Violation.of("currency_code", "required", "the currency (BT-5) is required"));
        }
        customer(doc, out);
        items(doc, out);
        return out;
    }

    private static void issuer(Party issuer, List<Violation> out) {
        if (issuer == null) {
            out.add(Violation.of("issuer", "required", "the issuer (seller, BG-4) is required"));
            return;
        }
        required(issuer.name(), "issuer.name", "the issuer's name", out);
        required(issuer.address(), "issuer.address", "the issuer's address", out);
        required(issuer.postCode(), "issuer.post_code", "the issuer's post code", out);
        required(issuer.city(), "issuer.city", "the issuer's city", out);
        if (blank(issuer.taxNumber())) {
            out.add(Violation.of("issuer.tax_number", "required", "the issuer's Slovenian tax number is required"));
        } else {
            String digits = issuer.taxNumber().replace(" ", "").toUpperCase(Locale.ROOT);
            if (digits.startsWith("SI")) {
                digits = digits.substring(2);
            }
            if (!EIGHT_DIGITS.matcher(digits).matches()) {
                out.add(Violation.of("issuer.tax_number", "invalid_tax_number",
                        "a Slovenian tax number has 8 digits (optionally prefixed SI), was "
                                + Messages.quote(issuer.taxNumber())));
            }
        }
    }

    private static void bankAccount(BankAccount account, List<Violation> out) {
        if (account == null || blank(account.iban())) {
            out.add(Violation.of("bank_account", "required", "the issuer's bank account (IBAN, BT-84) is required"));
            return;
        }
        String iban = account.iban().replace(" ", "").toUpperCase(Locale.ROOT);
        if (!IBAN.matcher(iban).matches() || !ibanChecksumOk(iban)) {
            out.add(Violation.of("bank_account.iban", "invalid_iban", "not a valid IBAN, was " + Messages.quote(account.iban())));
        }
    }

    /**
     * @param iban upper-case without spaces, not null
     * @return whether the ISO 13616 mod-97 check holds
     */
    public static boolean ibanChecksumOk(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static void customer(Document doc, List<Violation> out) {
        Party customer = doc.customer();
        if (customer == null) {
            out.add(Violation.of("customer", "required", "e-SLOG needs the buyer (BG-7)"));
            return;
        }
        boolean consumer = Boolean.TRUE.equals(customer.isEndConsumer())
                || doc.transactionType() == TransactionType.INTRA_EU_B2C
                || doc.transactionType() == TransactionType.THIRD_COUNTRY_B2C;
        if (blank(customer.name())) {
            out.add(Violation.of("customer.name", "required", "the customer's name (BT-44) is required"));
        }
        if (!consumer && blank(customer.taxNumber())) {
            out.add(Violation.of("customer.tax_number", "required", "a business customer's tax number is required"));
        }
    }

    private static void items(Document doc, List<Violation> out) {
        int lines = 0;
        for (int i = 0; i < doc.items().size(); i++) {
            LineItem item = doc.items().get(i);
            if (item.isSeparator()) {
                continue;
            }
            lines++;
            String path = "items[" + i + "]";
            required(item.name(), path + ".name", "the item name (BT-153)", out);
            if (item.quantity() == null) {
                out.add(Violation.of(path + ".quantity", "required", "the quantity (BT-129) is required"));
            } else if (item.quantity().signum() <= 0) {
                out.add(Violation.of(path + ".quantity", "out_of_range", "must be > 0, was " + Messages.number(item.quantity())));
            }
            if (item.price() == null && item.grossPrice() == null) {
                out.add(Violation.of(path + ".price", "required", "the price (BT-146) is required"));
            }
            if (blank(item.unit())) {
                out.add(Violation.of(path + ".unit", "required", "a unit code (BT-130, UN/ECE Rec 20, e.g. C62, H87, HUR) is required"));
            } else if (UnitCodes.toRec20(item.unit()) == null) {
                out.add(Violation.of(path + ".unit", "unknown_unit", "not a UN/ECE Rec 20 unit code nor a known unit name, was "
                        + Messages.quote(item.unit())));
            }
            if (item.taxes().size() > 1) {
                out.add(Violation.of(path + ".taxes", "too_many", "e-SLOG carries one VAT rate per line, the line has "
                        + item.taxes().size()));
            }
            for (int t = 0; t < item.taxes().size(); t++) {
                LineTax tax = item.taxes().get(t);
                if (SLOVENIAN_RATES.stream().noneMatch(r -> r.compareTo(tax.rate()) == 0)) {
                    out.add(Violation.of(path + ".taxes[" + t + "].rate", "invalid_rate",
                            "a Slovenian VAT rate is 22, 9.5, 5 or 0, was " + Messages.number(tax.rate())));
                }
            }
        }
        if (lines == 0) {
            out.add(Violation.of("items", "required", "at least one line (BG-25) is required"));
        }
    }


    private static void required(String value, String path, String what, List<Violation> out) {
        if (blank(value)) {
            out.add(Violation.of(path, "required", what + " is required"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
