package eu.invoicing.einvoice;

import eu.invoicing.core.testing.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The official EN 16931 artefacts in the shared, read-only folder ({@code ../shared/standards/en16931}),
 * located through {@link SharedFiles} (skipped when absent, a failure when required, as in CI). Read in
 * place, never copied. One validator for all tests: compiling the rules takes seconds.
 */
final class Standards {

    private Standards() {
    }

    static Path en16931() {
        Path dir = SharedFiles.root().resolve("standards/en16931");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("shared EN 16931 standards not found at " + dir);
        }
        return dir;
    }

    static List<Path> ublExamples() {
        return list(en16931().resolve("ubl/examples"));
    }

    static List<Path> ciiExamples() {
        return list(en16931().resolve("cii/examples"));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EInvoiceValidator validator() {
        return SharedValidator.get();
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
