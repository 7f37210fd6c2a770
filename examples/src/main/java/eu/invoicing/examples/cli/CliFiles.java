package eu.invoicing.examples.cli;

import eu.invoicing.core.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The files a command is given: an input that is missing or cannot be read, and an output that cannot be
 * created, are bad input (exit 2, {@code not_found} / {@code unreadable} / {@code unwritable} at the
 * option's path), never a Java exception. Outputs are written to a temporary file beside the target and
 * moved over it when complete, so a failed run never leaves a partial file.
 *
 * <p>Stateless and thread-safe.
 */
final class CliFiles {
    private static final int MAX_QUOTED = 120;

    private CliFiles() {
    }

    /** @return the file name as a message quotes it, cut when very long */
    static String quote(Path file) {
        String text = String.valueOf(file);
        return "\"" + (text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED - 3) + "..." : text) + "\"";
    }

    /**
     * @param file the input file, not null
     * @param path the path errors use (e.g. {@code FILE}, {@code --entity}), not null
     * @return the file's bytes
     * @throws ValidationException {@code not_found} or {@code unreadable}
     */
    static byte[] read(Path file, String path) {
        checkReadable(file, path);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, path, e);
        }
    }

    /**
     * @return a reader of the UTF-8 file
     * @throws ValidationException {@code not_found} or {@code unreadable}
     */
    static BufferedReader reader(Path file, String path) {
        checkReadable(file, path);
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreadable(file, path, e);
        }
    }

    private static void checkReadable(Path file, String path) {
        if (!Files.exists(file)) {
            throw ValidationException.of(path, "not_found", "no such file: " + quote(file));
        }
        if (Files.isDirectory(file)) {
            throw ValidationException.of(path, "unreadable", "is a directory, not a file: " + quote(file));
        }
    }

    /** @return the error for an input that exists but cannot be read */
    static ValidationException unreadable(Path file, String path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return ValidationException.of(path, "not_found", "no such file: " + quote(file));
        }
        String why = e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
        return ValidationException.of(path, "unreadable", "cannot read " + quote(file) + ": " + why);
    }

    /**
     * Creates the directory an output goes into (with its parents).
     *
     * @return the directory
     * @throws ValidationException {@code unwritable} at {@code path}
     */
    static Path directory(Path dir, String path) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw ValidationException.of(path, "unwritable", "cannot create the directory " + quote(dir) + ": "
                    + why(e));
        }
    }

    /**
     * Creates the temporary file an output is written to before {@link #commit} moves it over the target.
     *
     * @param target the output file, not null
     * @param path the option naming it, not null
     * @return an empty temporary file in the target's directory
     * @throws ValidationException {@code unwritable} when the directory is missing or cannot be written
     */
    static Path temporaryFor(Path target, String path) {
        Path dir = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) {
            throw ValidationException.of(path, "unwritable", "is a directory, not a file: " + quote(target));
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw ValidationException.of(path, "unwritable", "no such directory: " + quote(dir));
        }
        try {
            return Files.createTempFile(dir, "." + target.getFileName(), ".part");
        } catch (IOException e) {
            throw ValidationException.of(path, "unwritable", "cannot write into " + quote(dir) + ": " + why(e));
        }
    }

    /** Moves a complete temporary file over its target (atomically where the file system can). */
    static void commit(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String why(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        return String.valueOf(e.getMessage());
    }
}
