package eu.invoicing.rendering.payment;

import com.google.zxing.WriterException;
import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.calc.RoundingPolicy;
import eu.invoicing.core.model.CurrencyCode;

import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An EPC QR code ("GiroCode", EPC069-12) for a SEPA credit transfer in euro: version {@code 002},
 * character set UTF-8 ({@code 1}), identification {@code SCT}, elements separated by LF with nothing
 * after the last element present; payload at most 331 bytes, QR error correction M, version at most
 * 13. The payload travels as raw UTF-8 bytes in byte mode (no ECI designator: element 3 declares the
 * character set).
 *
 * <p>Immutable and thread-safe.
 */
public final class EpcQr {
    /** Largest payload the guidelines allow, in bytes. */
    public static final int MAX_BYTES = 331;
    /** Largest QR version the guidelines allow. */
    public static final int MAX_QR_VERSION = 13;

    private static final RoundingPolicy EUR = RoundingPolicy.of(CurrencyCode.EUR);
    private static final BigDecimal MIN_AMOUNT = new BigDecimal("0.01");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern PURPOSE = Pattern.compile("[A-Z0-9]{1,4}");

    private final List<String> elements;

    private EpcQr(List<String> elements) {
        this.elements = List.copyOf(elements);
    }

    /**
     * Builds and validates an EPC QR payload; every problem is reported at once.
     *
     * @param bic beneficiary BIC (8 or 11 characters), nullable (optional in version 002)
     * @param name beneficiary name, at most 70 characters, not blank
     * @param iban beneficiary IBAN, spaces ignored, not null
     * @param currencyCode must be EUR, not null
     * @param amount 0.01 to 999 999 999.99 with at most 2 decimals, nullable (the payer types it)
     * @param purposeCode ISO 20022 purpose code, at most 4 characters, nullable
     * @param creditorReference ISO 11649 RF reference, nullable; excludes {@code text}
     * @param text unstructured remittance text, at most 140 characters, nullable
     * @param information beneficiary-to-originator information, at most 70 characters, nullable
     * @return the EPC QR
     * @throws ValidationException listing every invalid element (paths {@code epc_qr.<element>})
     */
    public static EpcQr of(String bic, String name, String iban, String currencyCode, BigDecimal amount,
                           String purposeCode, String creditorReference, String text, String information) {
        List<Violation> violations = new ArrayList<>();
        String compactBic = PaymentText.compact(bic);
        if (compactBic != null && !compactBic.isEmpty() && !BIC.matcher(compactBic).matches()) {
            violations.add(Violation.of("epc_qr.bic", "invalid_bic", "must have 8 or 11 characters, was '" + bic + "'"));
        }
        PaymentText.checkText(violations, "epc_qr.name", name, 70, StandardCharsets.UTF_8, true);
        String compactIban = PaymentText.compact(iban);
        if (compactIban == null || compactIban.isEmpty()) {
            violations.add(Violation.of("epc_qr.iban", "required", "is required"));
        } else if (compactIban.length() > 34 || !PaymentText.isValidIban(compactIban)) {
            violations.add(Violation.of("epc_qr.iban", "invalid_iban", "must be an IBAN with valid check digits, was '" + iban + "'"));
        }
        if (!"EUR".equals(currencyCode)) {
            violations.add(Violation.of("epc_qr.currency", "unsupported_currency",
                    "EPC QR carries euro only, was '" + currencyCode + "'"));
        }
        String amountElement = "";
        if (amount != null) {
            if (amount.compareTo(MIN_AMOUNT) < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
                violations.add(Violation.of("epc_qr.amount", "out_of_range",
                        "must be between 0.01 and 999999999.99, was " + amount.toPlainString()));
            } else {
                try {
                    amountElement = "EUR" + EUR.exact(amount)
                            .toPlainString();
                } catch (ArithmeticException e) {
                    violations.add(Violation.of("epc_qr.amount", "too_many_decimals",
                            "must have at most 2 decimals, was " + amount.toPlainString()));
                }
            }
        }
        String purpose = purposeCode == null ? "" : purposeCode;
        if (!purpose.isEmpty() && !PURPOSE.matcher(purpose).matches()) {
            violations.add(Violation.of("epc_qr.purpose", "invalid_purpose_code",
                    "must be at most 4 upper-case letters or digits, was '" + purposeCode + "'"));
        }
        String reference = PaymentText.compact(creditorReference);
        boolean hasReference = reference != null && !reference.isEmpty();
        boolean hasText = text != null && !text.isEmpty();
        if (hasReference && !PaymentText.isValidRf(reference)) {
            violations.add(Violation.of("epc_qr.creditor_reference", "invalid_reference",
                    "must be an ISO 11649 RF reference, was '" + creditorReference + "'"));
        }
        if (hasReference && hasText) {
            violations.add(Violation.of("epc_qr.text", "exclusive",
                    "structured reference and unstructured text are mutually exclusive"));
        }
        PaymentText.checkText(violations, "epc_qr.text", text, 140, StandardCharsets.UTF_8, false);
        PaymentText.checkText(violations, "epc_qr.information", information, 70, StandardCharsets.UTF_8, false);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        List<String> elements = new ArrayList<>(List.of("BCD", "002", "1", "SCT",
                compactBic == null ? "" : compactBic, name, compactIban, amountElement, purpose,
                hasReference ? reference : "", hasText ? text : "", information == null ? "" : information));
        while (elements.get(elements.size() - 1).isEmpty()) {
            elements.remove(elements.size() - 1);
        }
        EpcQr epc = new EpcQr(elements);
        int bytes = epc.payload().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw ValidationException.of("epc_qr", "too_long", "payload must be at most " + MAX_BYTES
                    + " bytes, was " + bytes);
        }
        return epc;
    }

    /** @return the payload: the elements joined by LF, no trailing separator */
    public String payload() {
        return String.join("\n", elements);
    }

    /**
     * @return the QR symbol, level M, version at most 13
     * @throws InvoicingException if the symbol would need a version above 13
     */
    public Barcode toBarcode() {
        try {
            Barcode barcode = BarcodeEncoder.qrRawBytes(payload(), PaymentText.encode(payload(), StandardCharsets.UTF_8));
            if (barcode.version() > MAX_QR_VERSION) {
                throw new InvoicingException("EPC QR needs version " + barcode.version() + ", above " + MAX_QR_VERSION);
            }
            return barcode;
        } catch (WriterException | CharacterCodingException e) {
            throw new InvoicingException("cannot encode EPC QR: " + e.getMessage(), e);
        }
    }
}
