package eu.invoicing.core.version;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes the top-level wire field names that differ between two states of a document, for a version's
 * {@code changed_fields}. Amounts compare by value ({@code compareTo}), so {@code 10} and {@code 10.00} are
 * the same; bookkeeping fields ({@code updated_at}) are not reported. The fields compared are the
 * {@link DocumentField#compared() compared} subset of the field catalogue.
 *
 * <p>Stateless and thread-safe.
 */
public final class ChangedFields {
    private ChangedFields() {
    }

    /**
     * @param before the earlier state, not null
     * @param after the later state, not null
     * @return the wire names of the top-level fields that differ, in wire order; empty when none
     */
    public static List<String> between(Document before, Document after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        List<String> changed = new ArrayList<>();
        for (DocumentField f : DocumentField.compared()) {
            if (!same(f.get(before), f.get(after))) {
                changed.add(f.wireName());
            }
        }
        return List.copyOf(changed);
    }

    /**
     * The fields an update changed, for a version's {@code changed_fields} (reference: an update of the items
     * records {@code "changed_fields": ["items"]}): the {@link DocumentField#patchable() updatable} fields whose
     * value differs. What the library recalculates or keeps in step because of them (totals, taxes, what is
     * due, the transaction type) is not listed: it is the consequence, not the change.
     *
     * @param before the state before the update, not null
     * @param after the state after it, not null
     * @return the wire names of the updatable fields that differ, in wire order; empty when none
     */
    public static List<String> byUpdate(Document before, Document after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        List<String> changed = new ArrayList<>();
        for (DocumentField f : DocumentField.patchable()) {
            if (!same(f.get(before), f.get(after))) {
                changed.add(f.wireName());
            }
        }
        return List.copyOf(changed);
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
