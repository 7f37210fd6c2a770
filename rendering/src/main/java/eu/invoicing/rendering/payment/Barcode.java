package eu.invoicing.rendering.payment;

import java.util.BitSet;
import java.util.Objects;

/**
 * A generated two-dimensional barcode: its symbology, the grid of dark and light modules (without
 * quiet zone) and the exact text it carries. Renderers draw it as vector shapes.
 *
 * <p>Immutable and thread-safe.
 */
public final class Barcode {
    /** The barcode symbologies the library draws. */
    public enum Symbology {
        /** QR Code (ISO/IEC 18004); square modules, quiet zone of 4 modules. */
        QR_CODE(4),
        /** PDF417 (ISO/IEC 15438); rows taller than wide, quiet zone of 2 modules. */
        PDF417(2);

        private final int quietZone;

        Symbology(int quietZone) {
            this.quietZone = quietZone;
        }

        /** @return the light margin the symbol needs on every side, in modules */
        public int quietZone() {
            return quietZone;
        }
    }

    private final Symbology symbology;
    private final int width;
    private final int height;
    private final BitSet modules;
    private final int version;
    private final String payload;

    Barcode(Symbology symbology, int width, int height, BitSet modules, int version, String payload) {
        this.symbology = symbology;
        this.width = width;
        this.height = height;
        this.modules = (BitSet) modules.clone();
        this.version = version;
        this.payload = payload;
    }

    /** @return the symbology; never null */
    public Symbology symbology() {
        return symbology;
    }

    /** @return the width in modules, without quiet zone */
    public int width() {
        return width;
    }

    /** @return the height in modules (PDF417: in module-wide rows), without quiet zone */
    public int height() {
        return height;
    }

    /** @return the QR version (1-40), or 0 for other symbologies */
    public int version() {
        return version;
    }

    /** @return the exact text encoded in the symbol; never null */
    public String payload() {
        return payload;
    }

    /**
     * @param x the column, 0-based
     * @param y the row, 0-based
     * @return whether the module is dark
     * @throws IndexOutOfBoundsException if outside the symbol
     */
    public boolean isDark(int x, int y) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        return modules.get(y * width + x);
    }

    /** Receives one horizontal run of dark modules (see {@link #forEachDarkRun}). */
    @FunctionalInterface
    public interface DarkRun {
        /**
         * @param y the row, 0-based
         * @param x the first column of the run, 0-based
         * @param length the number of dark modules in the run, at least 1
         */
        void accept(int y, int x, int length);
    }

    /**
     * Walks the symbol row by row and reports each maximal horizontal run of dark modules, the shape
     * both the SVG path and the PDF drawing are made of.
     *
     * @param consumer not null
     */
    public void forEachDarkRun(DarkRun consumer) {
        Objects.requireNonNull(consumer, "consumer");
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!modules.get(y * width + x)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && modules.get(y * width + x)) {
                    x++;
                }
                consumer.accept(y, start, x - start);
            }
        }
    }
}
