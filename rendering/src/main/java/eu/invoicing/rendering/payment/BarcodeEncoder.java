package eu.invoicing.rendering.payment;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.pdf417.PDF417Writer;
import com.google.zxing.pdf417.encoder.Compaction;
import com.google.zxing.pdf417.encoder.Dimensions;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import eu.invoicing.core.InvoicingException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;

/** Turns payment payloads into module grids with ZXing. Stateless; ZXing's encoders are re-entrant. */
final class BarcodeEncoder {
    private BarcodeEncoder() {
    }

    /**
     * QR code in byte mode with an ECI designator for {@code charset}, at a pinned version.
     */
    static Barcode qrWithEci(String payload, Charset charset, int version) throws WriterException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.CHARACTER_SET, charset.name());
        hints.put(EncodeHintType.QR_VERSION, version);
        return toBarcode(Encoder.encode(payload, ErrorCorrectionLevel.M, hints), payload);
    }

    /** QR code of plain text (numeric or alphanumeric mode as ZXing picks), level M, pinned version. */
    static Barcode qrPlain(String payload, int version) throws WriterException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.QR_VERSION, version);
        return toBarcode(Encoder.encode(payload, ErrorCorrectionLevel.M, hints), payload);
    }

    /**
     * QR code in byte mode carrying {@code bytes} verbatim, without an ECI designator (the payload
     * declares its own character set, as EPC QR does). ZXing writes a string's chars as ISO-8859-1
     * bytes by default, so each byte travels as the char of the same value.
     */
    static Barcode qrRawBytes(String payload, byte[] bytes) throws WriterException {
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        return toBarcode(Encoder.encode(latin1, ErrorCorrectionLevel.M, null), payload);
    }

    /** PDF417 at error correction level {@code ecLevel} and a fixed column count, bytes verbatim. */
    static Barcode pdf417RawBytes(String payload, byte[] bytes, int ecLevel, int columns) throws WriterException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ecLevel);
        hints.put(EncodeHintType.MARGIN, 0);
        hints.put(EncodeHintType.PDF417_COMPACTION, Compaction.AUTO);
        hints.put(EncodeHintType.PDF417_DIMENSIONS, new Dimensions(columns, columns, 3, 90));
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        BitMatrix matrix = new PDF417Writer().encode(latin1, BarcodeFormat.PDF_417, 0, 0, hints);
        BitSet bits = new BitSet(matrix.getWidth() * matrix.getHeight());
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    bits.set(y * matrix.getWidth() + x);
                }
            }
        }
        return new Barcode(Barcode.Symbology.PDF417, matrix.getWidth(), matrix.getHeight(), bits, 0, payload);
    }

    private static Barcode toBarcode(QRCode code, String payload) {
        ByteMatrix matrix = code.getMatrix();
        if (matrix == null) {
            throw new InvoicingException("QR encoder returned no matrix");
        }
        BitSet bits = new BitSet(matrix.getWidth() * matrix.getHeight());
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y) == 1) {
                    bits.set(y * matrix.getWidth() + x);
                }
            }
        }
        return new Barcode(Barcode.Symbology.QR_CODE, matrix.getWidth(), matrix.getHeight(), bits,
                code.getVersion().getVersionNumber(), payload);
    }
}
