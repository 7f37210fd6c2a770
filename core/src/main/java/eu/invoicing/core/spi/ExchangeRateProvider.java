package eu.invoicing.core.spi;

import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.ExchangeRate;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a document's exchange rate comes from when the request gives none: asked when the document currency
 * differs from the entity currency and {@code exchange_rate} is absent. A rate the request gives always wins and
 * the provider is not asked.
 *
 * <p>The answer is the rate in effect on {@code date}: the latest published on or before it (reference rates
 * are not published on weekends and holidays), with {@link ExchangeRate#source()} naming where it came from and
 * {@link ExchangeRate#date()} the day it was published for, which may be before {@code date}.
 *
 * <p>Implementations must be thread-safe. A failure an implementation throws (the rates could not be fetched)
 * reaches the caller as an {@link eu.invoicing.core.SpiException}; "no such rate" is an empty answer, which the
 * library reports as a {@link eu.invoicing.core.ValidationException} at {@code exchange_rate}.
 */
public interface ExchangeRateProvider {
    /**
     * @param from the document currency, not null
     * @param to the entity currency, not null, not equal to {@code from}
     * @param date the document's date, not null
     * @return units of {@code to} per unit of {@code from} on or before {@code date}, quoted in {@code to};
     *     empty when the provider has no such rate
     */
    Optional<ExchangeRate> find(CurrencyCode from, CurrencyCode to, LocalDate date);
}
