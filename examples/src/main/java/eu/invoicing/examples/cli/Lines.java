package eu.invoicing.examples.cli;

import eu.invoicing.core.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Paths of errors in line-oriented input (JSON Lines on stdin or in a file): {@code lines[i]} for the line
 * with 0-based index {@code i} (blank lines counted), {@code lines[i].path} for a field in it.
 *
 * <p>Stateless and thread-safe.
 */
final class Lines {
    private Lines() {
    }

    /** @return {@code lines[index]} */
    static String path(int index) {
        return "lines[" + index + "]";
    }

    /** @return {@code lines[index].path}, or {@code lines[index]} for an empty path */
    static String path(int index, String path) {
        return path == null || path.isEmpty() ? path(index) : path(index) + "." + path;
    }

    /** @return the violations moved under {@code lines[index]} */
    static List<Violation> at(int index, List<Violation> violations) {
        List<Violation> out = new ArrayList<>(violations.size());
        for (Violation v : violations) {
            out.add(Violation.of(path(index, v.path()), v.code(), v.message()));
        }
        return out;
    }
}
