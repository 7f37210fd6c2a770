package eu.invoicing.core.rates;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.spi.ExchangeRateProvider;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The one rule of when a document takes a provider's exchange rate, shared by the lifecycle and by hosts that
 * calculate without it (the command line): a document in a currency other than the entity's, without
 * {@code exchange_rate}, takes the rate for its date (today's when it has none yet); a given rate always wins;
 * a document in the entity's currency is left alone.
 *
 * <p>Stateless; thread-safe.
 */
public final class DocumentExchangeRate {
    private DocumentExchangeRate() {
    }

    /**
     * @param draft the document before calculation, not null
     * @param entity the issuing entity, not null
     * @param provider where the rate comes from, not null
     * @param today the date a document without one is taken to have, not null
     * @return {@code draft} itself when it needs no rate, otherwise a copy with the provider's rate
     * @throws ValidationException at {@code exchange_rate} ({@code unavailable}) when the provider has no rate
     */
    public static Document apply(Document draft, Entity entity, ExchangeRateProvider provider, LocalDate today) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(today, "today");
        CurrencyCode to = entity.currency();
        CurrencyCode from = draft.currency() == null ? to : draft.currency();
        if (draft.exchangeRate() != null || from.equals(to)) {
            return draft;
        }
        LocalDate date = draft.date() == null ? today : draft.date();
        ExchangeRate rate = provider.find(from, to, date).orElseThrow(() -> ValidationException.of("exchange_rate",
                "unavailable", "no " + from.code() + " to " + to.code() + " rate on or before " + date + " from "
                        + provider + "; give exchange_rate"));
        return draft.toBuilder().exchangeRate(rate).build();
    }
}
