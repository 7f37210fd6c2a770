package eu.invoicing.eslog;

import eu.invoicing.core.testing.SharedFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared, read-only standards folder ({@code ../shared} beside the repository) through
 * {@link SharedFiles}: a test that needs it is skipped when the folder is absent (and fails when
 * {@code -Dinvoicing.shared.required=true}, as in CI). Nothing from there is ever copied into the project.
 */
public final class SharedStandards {

    private static EslogSchema schema;

    private SharedStandards() {
    }

    /** @return the shared directory */
    public static Path sharedDir() {
        return SharedFiles.root();
    }

    /**
     * @return the directory with the official XSD, sample and derived files
     * @throws IllegalStateException if the shared directory exists but has no e-SLOG standards
     */
    public static Path eslogDir() {
        Path dir = sharedDir().resolve("standards/eslog");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("shared e-SLOG standards not found at " + dir
                    + " (the shared directory is there, its standards/eslog is not)");
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
