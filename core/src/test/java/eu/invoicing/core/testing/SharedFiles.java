package eu.invoicing.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the reference data owned by others ({@code ../shared} beside the checkout), for the tests of
 * every module. Surefire passes the location as the system property {@value #DIR_PROPERTY} (the parent
 * POM sets it to {@code ../shared}); without the property (an IDE run) the directory is searched upwards
 * from the working directory. Tests read these files in place and never copy them.
 *
 * <p>When the directory is absent, a test that asks for it is <em>skipped</em> (a JUnit assumption), with
 * one message naming the missing directory, printed once per test JVM; with
 * {@code -D}{@value #REQUIRED_PROPERTY}{@code =true} (what {@code .ci/run} passes) the same absence is a
 * failure instead. jqwik properties cannot be skipped from inside a try (an aborted try counts as a
 * rejected sample), so a jqwik class that needs the data carries
 * {@code @AddLifecycleHook(SharedFiles.SkipWhenAbsent.class)}.
 */
public final class SharedFiles {

    /** The system property naming the shared directory. */
    public static final String DIR_PROPERTY = "invoicing.shared.dir";
    /** The system property that turns a missing shared directory from a skip into a failure. */
    public static final String REQUIRED_PROPERTY = "invoicing.shared.required";

    private static final AtomicBoolean NOTICE_PRINTED = new AtomicBoolean();

    private SharedFiles() {
    }

    /**
     * The shared directory; when it is absent the calling test is skipped (or fails, when required).
     *
     * @return the {@code shared} directory
     * @throws org.opentest4j.TestAbortedException if the directory is absent and not required
     * @throws IllegalStateException if the directory is absent and {@value #REQUIRED_PROPERTY} is true
     */
    public static Path root() {
        Path found = locate();
        if (found == null) {
            String message = missingMessage();
            if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
                throw new IllegalStateException(message + "; it is required (-D" + REQUIRED_PROPERTY + "=true)");
            }
            if (NOTICE_PRINTED.compareAndSet(false, true)) {
                System.err.println("[shared] " + message + ": the tests that need it are SKIPPED"
                        + " (.ci/run requires it and fails instead)");
            }
            Assumptions.abort(message);
        }
        return found;
    }

    /**
     * @param relative a path below {@code shared}, e.g. {@code reference/estimates-api.txt}
     * @return the file's text
     * @throws org.opentest4j.TestAbortedException if the shared directory is absent (see {@link #root()})
     */
    public static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the shared directory, or null when it is absent */
    private static Path locate() {
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            // An explicit location is taken as given: no silent fallback to another directory.
            Path dir = Paths.get(configured).toAbsolutePath().normalize();
            return Files.isDirectory(dir) ? dir : null;
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("reference"))) {
                return candidate;
            }
        }
        return null;
    }

    private static String missingMessage() {
        String configured = System.getProperty(DIR_PROPERTY);
        String where = configured != null && !configured.isBlank()
                ? Paths.get(configured).toAbsolutePath().normalize().toString()
                : "../shared (searched upwards from " + Paths.get("").toAbsolutePath() + ")";
        return "shared reference data not found: " + where + " is missing (set -D" + DIR_PROPERTY + "=/path/to/shared)";
    }

    /**
     * Skips a jqwik container or property when the shared directory is absent (unless
     * {@value #REQUIRED_PROPERTY} is true: then it runs, and fails where it asks for the data). Use as {@code @AddLifecycleHook(SharedFiles.SkipWhenAbsent.class)}.
     */
    public static final class SkipWhenAbsent implements SkipExecutionHook {

        /** Called by jqwik. */
        public SkipWhenAbsent() {
        }

        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            if (locate() != null || Boolean.getBoolean(REQUIRED_PROPERTY)) {
                // Required: the properties run and fail where they ask for the data, one by one,
                // rather than the hook failing the whole jqwik engine.
                return SkipResult.doNotSkip();
            }
            try {
                root();
            } catch (org.opentest4j.TestAbortedException absent) {
                return SkipResult.skip(absent.getMessage());
            }
            return SkipResult.doNotSkip();
        }
    }
}
