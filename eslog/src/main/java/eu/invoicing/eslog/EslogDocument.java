package eu.invoicing.eslog;

import eu.invoicing.core.model.Document;
import java.util.Objects;

/**
 * What {@link EslogReader} returns: the document read from an e-SLOG XML, with its stated totals
 * (creation source {@code custom}, accepted as given), and the e-SLOG data the document model has no
 * field for (bank account, payment reference, preceding invoice, payment means and purpose code).
 *
 * <p>Immutable and thread-safe.
 *
 * @param document the document, not null
 * @param context the extra e-SLOG data, not null
 */
public record EslogDocument(Document document, EslogContext context) {
    /**
     * Rejects nulls.
     *
     * @param document the document, not null
     * @param context the extra e-SLOG data, not null
     * @throws NullPointerException if a component documented as not null is null
     */
    public EslogDocument {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(context, "context");
    }
}
