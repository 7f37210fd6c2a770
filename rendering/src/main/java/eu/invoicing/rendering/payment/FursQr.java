package eu.invoicing.rendering.payment;

import com.google.zxing.WriterException;
import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.ValidationException;

import java.util.regex.Pattern;

/**
 * The QR code FURS requires on a fiscally verified Slovenian invoice: the 60-digit record (ZOI in
 * decimal, tax number, issue date-time, check digit), QR version 2 (25 x 25 modules), level M.
 *
 * <p>Stateless and thread-safe.
 */
public final class FursQr {
    private static final Pattern RECORD = Pattern.compile("[0-9]{60}");

    private FursQr() {
    }

    /**
     * @param record the 60-digit record, not null
     * @return the QR symbol, version 2, level M
     * @throws ValidationException if the record is not 60 digits or its check digit is wrong
     */
    public static Barcode of(String record) {
        if (record == null || !RECORD.matcher(record).matches() || !checkDigitMatches(record)) {
            throw ValidationException.of("furs.barcode", "invalid_record",
                    "must be 60 digits ending in the mod-10 check digit, was '" + record + "'");
        }
        try {
            return BarcodeEncoder.qrPlain(record, 2);
        } catch (WriterException e) {
            throw new InvoicingException("cannot encode FURS QR: " + e.getMessage(), e);
        }
    }

    private static boolean checkDigitMatches(String record) {
        int sum = 0;
        for (int i = 0; i < 59; i++) {
            sum += record.charAt(i) - '0';
        }
        return sum % 10 == record.charAt(59) - '0';
    }
}
