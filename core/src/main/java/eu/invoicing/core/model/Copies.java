package eu.invoicing.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies for the model's records: immutable, in insertion order (metadata is shown in the order given).
 * Not instantiable; stateless and thread-safe.
 */
final class Copies {
    private Copies() {
    }

    static Map<String, String> orderedMap(Map<String, String> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }

    static <T> List<T> list(List<T> source) {
        return source == null ? List.of() : List.copyOf(source);
    }

    /**
     * An immutable copy in which a null element is kept (the calculation reports it at its path) rather than
     * thrown as an NPE here; null gives the empty list.
     */
    static <T> List<T> listAllowingNull(List<T> source) {
        if (source == null) {
            return List.of();
        }
        for (T t : source) {
            if (t == null) {
                return Collections.unmodifiableList(new ArrayList<>(source));
            }
        }
        return List.copyOf(source);
    }
}
