package eu.invoicing.export.internal;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import java.util.Locale;
import java.util.Objects;

/**
 * The list endpoints' {@code search}: a case-insensitive substring match over the document's
 * text fields (number, reference, note, payment terms, tax clause, footer, signature, the
 * issuer's and customer's text fields, item names, descriptions and units, metadata values).
 *
 * <p>Immutable and thread-safe.
 */
public final class TextSearch {

    private final String needle;

    private TextSearch(String needle) {
        this.needle = needle;
    }

    /**
     * @param text the search text, not null; compared case-insensitively after trimming
     * @return the search
     * @throws NullPointerException if {@code text} is null
     */
    public static TextSearch of(String text) {
        return new TextSearch(Objects.requireNonNull(text, "text").strip().toLowerCase(Locale.ROOT));
    }

    /**
     * @param document the document, not null
     * @return true if any text field contains the search text (always true for a blank search)
     */
    public boolean matches(Document document) {
        if (needle.isEmpty()) {
            return true;
        }
        if (any(document.number(), document.reference(), document.note(), document.paymentTerms(),
                document.taxClause(), document.footer(), document.signature(), document.customerId())
                || party(document.customer()) || party(document.issuer())) {
            return true;
        }
        for (LineItem item : document.items()) {
            if (any(item.name(), item.description(), item.unit(), item.itemId())) {
                return true;
            }
        }
        for (String value : document.metadata().values()) {
            if (any(value)) {
                return true;
            }
        }
        return false;
    }

    private boolean party(Party party) {
        return party != null && any(party.name(), party.address(), party.address2(), party.postCode(), party.city(),
                party.state(), party.country(), party.countryCode(), party.taxNumber(), party.companyNumber(),
                party.email(), party.phone(), party.website());
    }

    private boolean any(String... values) {
        for (String value : values) {
            if (value != null && value.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
