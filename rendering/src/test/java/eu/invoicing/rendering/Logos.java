package eu.invoicing.rendering;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A small real PNG logo (a blue bar) for tests. */
final class Logos {
    static final byte[] PNG = png();

    private Logos() {
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(120, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 120; x++) {
                image.setRGB(x, y, x < 30 ? 0x2563eb : 0xffffff);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
