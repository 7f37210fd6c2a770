package eu.invoicing.einvoice;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One figure where the library's calculation engine, recomputing an imported invoice from its lines, does
 * not reach what the file states. The file's figure is never replaced silently: this record says both.
 * An immutable record, thread-safe. Amounts compare with {@code compareTo}.
 *
 * @param term the business term (e.g. {@code BT-112}, or {@code BT-131} for a line), not null
 * @param label what the figure is (e.g. {@code total with VAT}, {@code line 3 net amount}), not null
 * @param stated the file's figure, not null
 * @param recomputed the engine's figure, not null
 */
public record TotalDifference(String term, String label, BigDecimal stated, BigDecimal recomputed) {

    /**
     * Checks the components.
     *
     * @param term the business term, not null
     * @param label what the figure is, not null
     * @param stated the file's figure, not null
     * @param recomputed the engine's figure, not null
     * @throws NullPointerException if a component is null
     */
    public TotalDifference {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(stated, "stated");
        Objects.requireNonNull(recomputed, "recomputed");
    }
}
