package eu.invoicing.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** JSON tree comparison with numbers compared by value ({@code 8500} equals {@code 8500.00}). */
public final class JsonTrees {
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonTrees() {
    }

    /**
     * @param a not null
     * @param b not null
     * @return true when the trees are equal, numbers compared by value
     */
    public static boolean equalByValue(JsonNode a, JsonNode b) {
        return a.equals(NUMBERS_BY_VALUE, b);
    }
}
