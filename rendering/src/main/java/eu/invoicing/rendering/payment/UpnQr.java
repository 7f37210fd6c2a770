package eu.invoicing.rendering.payment;

import com.google.zxing.WriterException;
import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.calc.RoundingPolicy;
import eu.invoicing.core.model.CurrencyCode;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The data of a Slovenian UPN QR payment order (ZBS "Tehnični standard UPN QR", annex 7.3): the 19
 * data fields and the checksum, encoded as QR version 15, error correction M, byte mode with the ECI
 * designator 000004 (ISO-8859-2).
 *
 * <p>{@link Builder#build()} checks every field of the standard at once (lengths, ISO-8859-2
 * characters, IBAN check digits, reference models, purpose code, amount range) and throws one
 * {@link ValidationException} listing all problems. Supported reference models: SI00 (no check
 * digit), SI08 (P1 and P3 end in a mod-11 check digit), SI12 (P1 ends in a mod-11 check digit), SI99
 * (no reference) and RF (ISO 11649). Other SI models are rejected rather than passed unchecked.
 *
 * <p>Immutable and thread-safe.
 */
public final class UpnQr {
    /** The QR version the standard prescribes (77 x 77 modules). */
    public static final int QR_VERSION = 15;
    /** The payload ceiling in characters (= ISO-8859-2 bytes) at version 15, level M. */
    public static final int MAX_PAYLOAD = 411;
    /** The purpose code used when none is given. */
    public static final String DEFAULT_PURPOSE_CODE = "OTHR";
    /** The character set of the payload. */
    public static final Charset CHARSET = Charset.forName("ISO-8859-2");

    private static final RoundingPolicy EUR = RoundingPolicy.of(CurrencyCode.EUR);
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Pattern PURPOSE_CODE = Pattern.compile("[A-Z]{4}");
    private static final Pattern SI_REFERENCE = Pattern.compile("SI(00|08|12)([0-9]{1,22}|[0-9]+-[0-9]+|[0-9]+-[0-9]+-[0-9]+)");
    private static final Pattern SI_PAYER_IBAN = Pattern.compile("SI56[0-9]{15}");

    private final String[] fields;

    private UpnQr(String[] fields) {
        this.fields = fields;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The data field {@code number} (1-19) as it appears in the payload; empty string if empty.
     *
     * @param number the field number of the standard, 1 to 19
     * @return the field text, never null
     * @throws IndexOutOfBoundsException if the number is not 1-19
     */
    public String field(int number) {
        if (number < 1 || number > 19) {
            throw new IndexOutOfBoundsException("UPN field number must be 1-19, was " + number);
        }
        return fields[number - 1];
    }

    /** @return field 20: the sum of the lengths of fields 1-19 plus their 19 line feeds */
    public int checksum() {
        int sum = 0;
        for (String field : fields) {
            sum += field.length() + 1;
        }
        return sum;
    }

    /** @return the complete QR text: 19 fields and the 3-digit checksum, each followed by LF */
    public String payload() {
        StringBuilder text = new StringBuilder(MAX_PAYLOAD);
        for (String field : fields) {
            text.append(field).append('\n');
        }
        text.append(String.format("%03d", checksum())).append('\n');
        return text.toString();
    }

    /**
     * @return the QR symbol: version 15, level M, byte mode with ECI ISO-8859-2
     * @throws InvoicingException if ZXing cannot encode the (already validated) payload
     */
    public Barcode toBarcode() {
        try {
            return BarcodeEncoder.qrWithEci(payload(), CHARSET, QR_VERSION);
        } catch (WriterException e) {
            throw new InvoicingException("cannot encode UPN QR: " + e.getMessage(), e);
        }
    }

    /** @return the amount of field 9 as a decimal, e.g. 1268.74 */
    public BigDecimal amount() {
        return new BigDecimal(fields[8]).movePointLeft(EUR.minorUnits());
    }

    /**
     * Collects the fields of a UPN QR. Mutable, for one thread; {@link #build()} validates.
     * Every text is taken as given (no trimming, no truncation), so that what is validated is what is
     * encoded.
     */
    public static final class Builder {
        private String payerIban;
        private boolean deposit;
        private boolean withdrawal;
        private String payerReference;
        private String payerName;
        private String payerStreet;
        private String payerCity;
        private BigDecimal amount;
        private LocalDate paymentDate;
        private boolean urgent;
        private String purposeCode = DEFAULT_PURPOSE_CODE;
        private String purpose;
        private LocalDate deadline;
        private String recipientIban;
        private String recipientReference;
        private String recipientName;
        private String recipientStreet;
        private String recipientCity;

        private Builder() {
        }

        /**
         * Sets the payer's IBAN (field 2).
         *
         * @param value field 2, payer IBAN (SI, spaces ignored), nullable
         * @return this builder
         */
        public Builder payerIban(String value) {
            this.payerIban = PaymentText.compact(value);
            return this;
        }

        /**
         * Sets the deposit mark (field 3).
         *
         * @param value field 3, deposit mark
         * @return this builder
         */
        public Builder deposit(boolean value) {
            this.deposit = value;
            return this;
        }

        /**
         * Sets the withdrawal mark (field 4).
         *
         * @param value field 4, withdrawal mark
         * @return this builder
         */
        public Builder withdrawal(boolean value) {
            this.withdrawal = value;
            return this;
        }

        /**
         * Sets the payer's reference (field 5).
         *
         * @param value field 5, payer reference (model + reference, spaces ignored), nullable
         * @return this builder
         */
        public Builder payerReference(String value) {
            this.payerReference = PaymentText.compact(value);
            return this;
        }

        /**
         * Sets the payer's name (field 6).
         *
         * @param value field 6, at most 33 characters, nullable
         * @return this builder
         */
        public Builder payerName(String value) {
            this.payerName = value;
            return this;
        }

        /**
         * Sets the payer's street (field 7).
         *
         * @param value field 7, at most 33 characters, nullable
         * @return this builder
         */
        public Builder payerStreet(String value) {
            this.payerStreet = value;
            return this;
        }

        /**
         * Sets the payer's city (field 8).
         *
         * @param value field 8, at most 33 characters, nullable
         * @return this builder
         */
        public Builder payerCity(String value) {
            this.payerCity = value;
            return this;
        }

        /**
         * Sets the amount (field 9).
         *
         * @param value field 9, EUR, 0 to 999 999 999.99, at most 2 decimals; required
         * @return this builder
         */
        public Builder amount(BigDecimal value) {
            this.amount = value;
            return this;
        }

        /**
         * Sets the requested execution date (field 10).
         *
         * @param value field 10, requested execution date, nullable
         * @return this builder
         */
        public Builder paymentDate(LocalDate value) {
            this.paymentDate = value;
            return this;
        }

        /**
         * Sets the urgent mark (field 11).
         *
         * @param value field 11, urgent mark
         * @return this builder
         */
        public Builder urgent(boolean value) {
            this.urgent = value;
            return this;
        }

        /**
         * Sets the purpose code (field 12).
         *
         * @param value field 12, four upper-case letters; null means OTHR
         * @return this builder
         */
        public Builder purposeCode(String value) {
            this.purposeCode = value == null ? DEFAULT_PURPOSE_CODE : value;
            return this;
        }

        /**
         * Sets the payment purpose (field 13).
         *
         * @param value field 13, payment purpose text, at most 42 characters; required
         * @return this builder
         */
        public Builder purpose(String value) {
            this.purpose = value;
            return this;
        }

        /**
         * Sets the payment deadline (field 14).
         *
         * @param value field 14, payment deadline, nullable
         * @return this builder
         */
        public Builder deadline(LocalDate value) {
            this.deadline = value;
            return this;
        }

        /**
         * Sets the recipient's IBAN (field 15).
         *
         * @param value field 15, recipient IBAN (spaces ignored); required
         * @return this builder
         */
        public Builder recipientIban(String value) {
            this.recipientIban = PaymentText.compact(value);
            return this;
        }

        /**
         * Sets the recipient's reference (field 16).
         *
         * @param value field 16, recipient reference; null means SI99 (no reference)
         * @return this builder
         */
        public Builder recipientReference(String value) {
            this.recipientReference = PaymentText.compact(value);
            return this;
        }

        /**
         * Sets the recipient's name (field 17).
         *
         * @param value field 17, at most 33 characters; required
         * @return this builder
         */
        public Builder recipientName(String value) {
            this.recipientName = value;
            return this;
        }

        /**
         * Sets the recipient's street (field 18).
         *
         * @param value field 18, at most 33 characters, nullable
         * @return this builder
         */
        public Builder recipientStreet(String value) {
            this.recipientStreet = value;
            return this;
        }

        /**
         * Sets the recipient's city (field 19).
         *
         * @param value field 19, at most 33 characters, nullable
         * @return this builder
         */
        public Builder recipientCity(String value) {
            this.recipientCity = value;
            return this;
        }

        /**
         * Validates every field and builds the order.
         *
         * @return the immutable UPN QR data
         * @throws ValidationException listing every invalid field (paths {@code upn_qr.<field>})
         */
        public UpnQr build() {
            List<Violation> violations = new ArrayList<>();
            if (payerIban != null && !payerIban.isEmpty()
                    && (!SI_PAYER_IBAN.matcher(payerIban).matches() || !PaymentText.isValidIban(payerIban))) {
                violations.add(Violation.of("upn_qr.payer_iban", "invalid_iban",
                        "must be a Slovenian IBAN (SI56 + 15 digits) with valid check digits, was '" + payerIban + "'"));
            }
            checkReference(violations, "upn_qr.payer_reference", payerReference, false);
            PaymentText.checkText(violations, "upn_qr.payer_name", payerName, 33, CHARSET, false);
            PaymentText.checkText(violations, "upn_qr.payer_street", payerStreet, 33, CHARSET, false);
            PaymentText.checkText(violations, "upn_qr.payer_city", payerCity, 33, CHARSET, false);
            String amountField = amountField(violations);
            if (!PURPOSE_CODE.matcher(purposeCode).matches()) {
                violations.add(Violation.of("upn_qr.purpose_code", "invalid_purpose_code",
                        "must be four upper-case letters A-Z, was '" + purposeCode + "'"));
            }
            PaymentText.checkText(violations, "upn_qr.purpose", purpose, 42, CHARSET, true);
            if (recipientIban == null || recipientIban.isEmpty()) {
                violations.add(Violation.of("upn_qr.recipient_iban", "required", "is required"));
            } else if (recipientIban.length() > 34 || !PaymentText.isValidIban(recipientIban)) {
                violations.add(Violation.of("upn_qr.recipient_iban", "invalid_iban",
                        "must be an IBAN with valid check digits, was '" + recipientIban + "'"));
            }
            String reference = recipientReference == null || recipientReference.isEmpty() ? "SI99" : recipientReference;
            checkReference(violations, "upn_qr.recipient_reference", reference, true);
            PaymentText.checkText(violations, "upn_qr.recipient_name", recipientName, 33, CHARSET, true);
            PaymentText.checkText(violations, "upn_qr.recipient_street", recipientStreet, 33, CHARSET, false);
            PaymentText.checkText(violations, "upn_qr.recipient_city", recipientCity, 33, CHARSET, false);
            if (!violations.isEmpty()) {
                throw new ValidationException(violations);
            }
            String[] fields = {
                "UPNQR",
                orEmpty(payerIban),
                deposit ? "X" : "",
                withdrawal ? "X" : "",
                orEmpty(payerReference),
                orEmpty(payerName),
                orEmpty(payerStreet),
                orEmpty(payerCity),
                amountField,
                paymentDate == null ? "" : DATE.format(paymentDate),
                urgent ? "X" : "",
                purposeCode,
                purpose,
                deadline == null ? "" : DATE.format(deadline),
                recipientIban,
                reference,
                recipientName,
                orEmpty(recipientStreet),
                orEmpty(recipientCity),
            };
            UpnQr upn = new UpnQr(fields);
            int length = upn.payload().length();
            if (length > MAX_PAYLOAD) {
                throw ValidationException.of("upn_qr", "too_long",
                        "payload must be at most " + MAX_PAYLOAD + " characters, was " + length);
            }
            return upn;
        }

        private String amountField(List<Violation> violations) {
            if (amount == null) {
                violations.add(Violation.of("upn_qr.amount", "required", "is required"));
                return "";
            }
            if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
                violations.add(Violation.of("upn_qr.amount", "out_of_range",
                        "must be between 0 and 999999999.99, was " + amount.toPlainString()));
                return "";
            }
            BigDecimal cents;
            try {
                cents = EUR.exact(amount)
                        .movePointRight(EUR.minorUnits());
            } catch (ArithmeticException e) {
                violations.add(Violation.of("upn_qr.amount", "too_many_decimals",
                        "must have at most 2 decimals, was " + amount.toPlainString()));
                return "";
            }
            return String.format("%011d", cents.longValueExact());
        }

        private static void checkReference(List<Violation> violations, String path, String value, boolean required) {
            if (value == null || value.isEmpty()) {
                if (required) {
                    violations.add(Violation.of(path, "required", "is required"));
                }
                return;
            }
            boolean valid;
            if (value.startsWith("RF")) {
                valid = value.length() <= 26 && PaymentText.isValidRf(value);
            } else if (value.startsWith("SI99")) {
                valid = value.equals("SI99");
            } else {
                valid = value.length() <= 26 && isValidSiReference(value);
            }
            if (!valid) {
                violations.add(Violation.of(path, "invalid_reference",
                        "must be SI00, SI08 or SI12 + up to 22 digits in at most 3 parts (with valid check digits), SI99, or an ISO 11649 RF reference, was '"
                                + value + "'"));
            }
        }

        private static boolean isValidSiReference(String value) {
            java.util.regex.Matcher matcher = SI_REFERENCE.matcher(value);
            if (!matcher.matches()) {
                return false;
            }
            String[] parts = value.substring(4).split("-");
            switch (matcher.group(1)) {
                case "08":
                    return parts.length == 3 && hasMod11CheckDigit(parts[0]) && hasMod11CheckDigit(parts[2]);
                case "12":
                    return parts.length == 1 && hasMod11CheckDigit(parts[0]);
                default:
                    return true;
            }
        }

        /** ZBS mod 11: weights 2, 3, 4 ... from the right; 11 - (sum mod 11), where 10 and 11 give 0. */
        static boolean hasMod11CheckDigit(String part) {
            if (part.length() < 2) {
                return false;
            }
            int sum = 0;
            int weight = 2;
            for (int i = part.length() - 2; i >= 0; i--) {
                sum += (part.charAt(i) - '0') * weight++;
            }
            int check = 11 - sum % 11;
            if (check >= 10) {
                check = 0;
            }
            return part.charAt(part.length() - 1) - '0' == check;
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }
}
