package eu.invoicing.rendering.payment;

import com.google.zxing.WriterException;
import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.calc.RoundingPolicy;
import eu.invoicing.core.model.CurrencyCode;

import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Croatian HUB3 payment barcode (Hrvatska udruga banaka, "2D barkod" on the HUB-3A payment slip):
 * PDF417 at error correction level 4, 14 fields each followed by LF, header {@code HRVHUB30},
 * currency, 15-digit amount in cents, payer (name 30, street 27, city 27), recipient (name 25,
 * street 25, city 27), IBAN (21), model ({@code HR} + 2 digits), reference (22), purpose code (4) and
 * description (35). Text is ISO-8859-2; the bytes travel without an ECI designator.
 *
 * <p>Immutable and thread-safe.
 */
public final class Hub3Barcode {
    /** The charset of the payload. */
    public static final Charset CHARSET = Charset.forName("ISO-8859-2");

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999.99");
    private static final Pattern MODEL = Pattern.compile("HR[0-9]{2}");
    private static final Pattern REFERENCE = Pattern.compile("[0-9-]{0,22}");
    private static final Pattern PURPOSE = Pattern.compile("[A-Z]{4}");
    private static final Pattern HR_IBAN = Pattern.compile("HR[0-9]{19}");

    private final List<String> fields;

    private Hub3Barcode(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    /**
     * Builds and validates a HUB3 payload; every problem is reported at once.
     *
     * @param currencyCode ISO 4217 code (EUR), not null
     * @param amount 0 or more, at most 2 decimals, not null
     * @param payerName at most 30 characters, nullable
     * @param payerStreet at most 27 characters, nullable
     * @param payerCity at most 27 characters, nullable
     * @param recipientName at most 25 characters, not blank
     * @param recipientStreet at most 25 characters, nullable
     * @param recipientCity at most 27 characters, nullable
     * @param iban Croatian IBAN (HR + 19 digits), spaces ignored, not null
     * @param model payment model, e.g. HR00 or HR99, nullable (HR99)
     * @param reference the reference number (poziv na broj), digits and hyphens, at most 22, nullable
     * @param purposeCode four upper-case letters, nullable (OTHR)
     * @param description at most 35 characters, nullable
     * @return the barcode data
     * @throws ValidationException listing every invalid field (paths {@code hub3.<field>})
     */
    public static Hub3Barcode of(String currencyCode, BigDecimal amount, String payerName, String payerStreet,
                                 String payerCity, String recipientName, String recipientStreet, String recipientCity,
                                 String iban, String model, String reference, String purposeCode, String description) {
        List<Violation> violations = new ArrayList<>();
        String amountField = "";
        CurrencyCode currency = CurrencyCode.lookup(currencyCode);
        if (currency == null) {
            violations.add(CurrencyCode.violation(currencyCode, "hub3.currency"));
        }
        if (amount == null) {
            violations.add(Violation.of("hub3.amount", "required", "is required"));
        } else if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            violations.add(Violation.of("hub3.amount", "out_of_range", "must be between 0 and 9999999999999.99, was "
                    + amount.toPlainString()));
        } else if (currency != null) {
            try {
                amountField = String.format("%015d", RoundingPolicy.of(currency).exact(amount)
                        .movePointRight(currency.minorUnits()).longValueExact());
            } catch (ArithmeticException e) {
                violations.add(Violation.of("hub3.amount", "too_many_decimals", "has more decimals than the currency, was "
                        + amount.toPlainString()));
            }
        }
        PaymentText.checkText(violations, "hub3.payer_name", payerName, 30, CHARSET, false);
        PaymentText.checkText(violations, "hub3.payer_street", payerStreet, 27, CHARSET, false);
        PaymentText.checkText(violations, "hub3.payer_city", payerCity, 27, CHARSET, false);
        PaymentText.checkText(violations, "hub3.recipient_name", recipientName, 25, CHARSET, true);
        PaymentText.checkText(violations, "hub3.recipient_street", recipientStreet, 25, CHARSET, false);
        PaymentText.checkText(violations, "hub3.recipient_city", recipientCity, 27, CHARSET, false);
        String compactIban = PaymentText.compact(iban);
        if (compactIban == null || !HR_IBAN.matcher(compactIban).matches() || !PaymentText.isValidIban(compactIban)) {
            violations.add(Violation.of("hub3.iban", "invalid_iban", "must be a Croatian IBAN (HR + 19 digits) with valid check digits, was '" + iban + "'"));
        }
        String modelField = model == null || model.isEmpty() ? "HR99" : model;
        if (!MODEL.matcher(modelField).matches()) {
            violations.add(Violation.of("hub3.model", "invalid_model", "must be HR + 2 digits, was '" + model + "'"));
        }
        String referenceField = reference == null ? "" : reference;
        if (!REFERENCE.matcher(referenceField).matches()) {
            violations.add(Violation.of("hub3.reference", "invalid_reference",
                    "must be at most 22 digits and hyphens, was '" + reference + "'"));
        }
        String purpose = purposeCode == null || purposeCode.isEmpty() ? "OTHR" : purposeCode;
        if (!PURPOSE.matcher(purpose).matches()) {
            violations.add(Violation.of("hub3.purpose_code", "invalid_purpose_code", "must be four upper-case letters, was '" + purposeCode + "'"));
        }
        PaymentText.checkText(violations, "hub3.description", description, 35, CHARSET, false);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new Hub3Barcode(List.of("HRVHUB30", currencyCode, amountField, orEmpty(payerName), orEmpty(payerStreet),
                orEmpty(payerCity), recipientName, orEmpty(recipientStreet), orEmpty(recipientCity), compactIban,
                modelField, referenceField, purpose, orEmpty(description)));
    }

    /** @return the payload: 14 fields, each followed by LF */
    public String payload() {
        StringBuilder text = new StringBuilder(256);
        for (String field : fields) {
            text.append(field).append('\n');
        }
        return text.toString();
    }

    /**
     * @return the PDF417 symbol (error correction level 4, 9 data columns)
     * @throws InvoicingException if ZXing cannot encode the validated payload
     */
    public Barcode toBarcode() {
        try {
            return BarcodeEncoder.pdf417RawBytes(payload(), PaymentText.encode(payload(), CHARSET), 4, 9);
        } catch (WriterException | CharacterCodingException e) {
            throw new InvoicingException("cannot encode HUB3 barcode: " + e.getMessage(), e);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
