package eu.invoicing.core.model;

import eu.invoicing.core.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Conversion from the document currency to the entity currency: {@code converted = round(amount × rate)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rate units of the quote (entity) currency per unit of the document currency, not null, &gt; 0
 * @param source where the rate comes from, e.g. "ECB", nullable
 * @param date the rate's date, nullable
 * @param quoteCurrency the entity currency code (ISO 4217, capitals), nullable (defaults to the entity's)
 */
public record ExchangeRate(BigDecimal rate, String source, LocalDate date, String quoteCurrency) {
    /**
     * Rejects a null rate and a quote currency that is not an ISO 4217 code.
     *
     * @throws ValidationException (path {@code exchange_rate.quote_currency}) for an invalid quote currency
     *
     * @param rate units of the quote (entity) currency per unit of the document currency, not null, &gt; 0
     * @param source where the rate comes from, e.g. "ECB", nullable
     * @param date the rate's date, nullable
     * @param quoteCurrency the entity currency code (ISO 4217, capitals), nullable (defaults to the entity's)
     */
    public ExchangeRate {
        Objects.requireNonNull(rate, "rate");
        CurrencyCode.parse(quoteCurrency, "exchange_rate.quote_currency");
    }

    /**
     * The quote currency as the typed value (the record keeps the code, its wire shape, checked by the
     * constructor, so this never fails).
     *
     * @return the quote currency, or null when none is set (the entity's currency applies)
     */
    public CurrencyCode quote() {
        return CurrencyCode.lookup(quoteCurrency);
    }
}
