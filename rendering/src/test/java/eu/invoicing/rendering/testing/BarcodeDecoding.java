package eu.invoicing.rendering.testing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import eu.invoicing.rendering.payment.Barcode;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Test helper: reads barcodes back with ZXing's own reader. */
public final class BarcodeDecoding {
    private BarcodeDecoding() {
    }

    /** Paints a barcode as black squares of {@code scale} pixels with its quiet zone. */
    public static BufferedImage paint(Barcode barcode, int scale) {
        int quiet = barcode.symbology().quietZone() + 2;
        int width = (barcode.width() + 2 * quiet) * scale;
        int height = (barcode.height() + 2 * quiet) * scale;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        for (int y = 0; y < barcode.height(); y++) {
            for (int x = 0; x < barcode.width(); x++) {
                if (barcode.isDark(x, y)) {
                    fill(image, (x + quiet) * scale, (y + quiet) * scale, scale, scale);
                }
            }
        }
        return image;
    }

    public static void fill(BufferedImage image, int x0, int y0, int w, int h) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                image.setRGB(x, y, 0);
            }
        }
    }

    /** Decodes the first barcode of the given format found in the image. */
    public static Result decode(BufferedImage image, BarcodeFormat format) throws NotFoundException {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(format));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        MultiFormatReader reader = new MultiFormatReader();
        return reader.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), hints);
    }

    /** The raw bytes of the byte-mode segments, read as {@code charset}. */
    @SuppressWarnings("unchecked")
    public static String bytesAs(Result result, Charset charset) {
        List<byte[]> segments = (List<byte[]>) result.getResultMetadata().get(ResultMetadataType.BYTE_SEGMENTS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] segment : segments) {
            out.writeBytes(segment);
        }
        return out.toString(charset);
    }
}
