package eu.invoicing.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the reference data owned by others ({@code ../shared} beside the checkout). Surefire passes the
 * location as the system property {@code invoicing.shared.dir}; without it the directory is searched
 * upwards from the working directory. Tests read these files in place and never copy them.
 */
public final class SharedFiles {
    private SharedFiles() {
    }

    /** @return the {@code shared} directory */
    public static Path root() {
        String configured = System.getProperty("invoicing.shared.dir");
        if (configured != null && Files.isDirectory(Paths.get(configured))) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("reference"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared (reference data) not found; set -Dinvoicing.shared.dir");
    }

    /**
     * @param relative a path below {@code shared}, e.g. {@code reference/estimates-api.txt}
     * @return the file's text
     */
    public static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
