package eu.invoicing.core.model;

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
 * @param quoteCurrency the entity currency code, nullable (defaults to the entity's)
 */
public record ExchangeRate(BigDecimal rate, String source, LocalDate date, String quoteCurrency) {
    /** Rejects a null rate. */
    public ExchangeRate {
        Objects.requireNonNull(rate, "rate");
    }
}
