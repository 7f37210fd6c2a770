package eu.invoicing.eslog;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared, read-only standards folder ({@code ../shared} beside the repository): from
 * the system property {@code invoicing.shared.dir} that surefire sets, else relative to the
 * module's parent directory. Nothing from there is ever copied into the project.
 */
public final class SharedStandards {

    private static EslogSchema schema;

    private SharedStandards() {
    }

    /** @return the shared directory */
    public static Path sharedDir() {
        String property = System.getProperty("invoicing.shared.dir");
        Path dir = property != null && !property.isBlank()
                ? Path.of(property)
                : Path.of("").toAbsolutePath().getParent().resolve("../shared");
        return dir.normalize();
    }

    /** @return the directory with the official XSD, sample and derived files */
    public static Path eslogDir() {
        Path dir = sharedDir().resolve("standards/eslog");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("shared e-SLOG standards not found at " + dir
                    + " (set -Dinvoicing.shared.dir)");
        }
        return dir;
    }

    /** @return the official sample */
    public static Path officialSample() {
        return eslogDir().resolve("samples/sample_eSLOG20_INVOIC_v200_with_BT.xml");
    }

    /** @return the schema compiled once for all tests */
    public static synchronized EslogSchema schema() {
        if (schema == null) {
            schema = EslogSchema.load(eslogDir());
        }
        return schema;
    }
}
