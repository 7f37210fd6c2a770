package eu.invoicing.core.rates;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.spi.ExchangeRateProvider;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A table of euro reference rates by day (units of each currency per euro, the European Central Bank's
 * convention), answering any pair through the euro: the in-memory {@link ExchangeRateProvider} for tests and
 * offline hosts, and what {@link EcbExchangeRateProvider} caches of each file it fetches.
 *
 * <p>A pair's rate on a date is taken from the latest day on or before it that quotes both currencies. Euro to
 * a currency is the published figure as it stands; a currency to the euro is its inverse, and a pair of two other
 * currencies the quotient of theirs, both divided to {@link #DERIVED_PRECISION} significant digits
 * (half-even), the only rounding here. docs/calculation.md ("Exchange rates") says why.
 *
 * <p>Immutable and thread-safe.
 */
public final class EuroReferenceRates implements ExchangeRateProvider {
    /** Significant digits (half-even) of an inverse or cross rate; ECB publishes at most six. */
    public static final MathContext DERIVED_PRECISION = new MathContext(10, RoundingMode.HALF_EVEN);

    private final String source;
    private final NavigableMap<LocalDate, Map<String, BigDecimal>> days;

    private EuroReferenceRates(String source, NavigableMap<LocalDate, Map<String, BigDecimal>> days) {
        this.source = source;
        this.days = days;
    }

    /**
     * Reads a file in the ECB's format (the daily {@code eurofxref-daily.xml} or a historical
     * {@code eurofxref-hist*.xml}), e.g. for the command line's {@code --rates FILE}.
     *
     * @param file the file, not null
     * @param source what {@link ExchangeRate#source()} says of its rates, not null
     * @return the table
     * @throws ValidationException at {@code rates} when the file is missing, unreadable or not in the ECB's format
     */
    public static EuroReferenceRates read(Path file, String source) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, source);
        } catch (NoSuchFileException e) {
            throw ValidationException.of("rates", "not_found", "no such file: " + file);
        } catch (IOException e) {
            throw ValidationException.of("rates", "unreadable", "cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * Parses the ECB's format from a stream (XXE-safe and bounded: {@link EcbRatesXml}).
     *
     * @param in the XML, not null; not closed
     * @param source what {@link ExchangeRate#source()} says of its rates, not null
     * @return the table
     * @throws ValidationException at {@code rates} when the XML is not in the ECB's format or over the bounds
     * @throws IOException when the stream fails
     */
    public static EuroReferenceRates parse(InputStream in, String source) throws IOException {
        Objects.requireNonNull(source, "source");
        return new EuroReferenceRates(source, EcbRatesXml.read(in));
    }

    /**
     * @param source what {@link ExchangeRate#source()} says of the rates, not null
     * @return a builder of a table held in memory
     */
    public static Builder builder(String source) {
        return new Builder(Objects.requireNonNull(source, "source"));
    }

    /** @return the newest day of the table, or empty for an empty table */
    public Optional<LocalDate> latestDay() {
        return days.isEmpty() ? Optional.empty() : Optional.of(days.lastKey());
    }

    /** @return the oldest day of the table, or empty for an empty table */
    public Optional<LocalDate> earliestDay() {
        return days.isEmpty() ? Optional.empty() : Optional.of(days.firstKey());
    }

    @Override
    public Optional<ExchangeRate> find(CurrencyCode from, CurrencyCode to, LocalDate date) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(date, "date");
        for (Map.Entry<LocalDate, Map<String, BigDecimal>> day = days.floorEntry(date); day != null;
                day = days.lowerEntry(day.getKey())) {
            BigDecimal perEuroFrom = perEuro(day.getValue(), from);
            BigDecimal perEuroTo = perEuro(day.getValue(), to);
            if (perEuroFrom != null && perEuroTo != null) {
                return Optional.of(new ExchangeRate(rate(perEuroFrom, perEuroTo), source, day.getKey(), to.code()));
            }
        }
        return Optional.empty();
    }

    private static BigDecimal perEuro(Map<String, BigDecimal> day, CurrencyCode currency) {
        return CurrencyCode.EUR.equals(currency) ? BigDecimal.ONE : day.get(currency.code());
    }

    /** Units of {@code to} per unit of {@code from}, both given per euro. */
    private static BigDecimal rate(BigDecimal perEuroFrom, BigDecimal perEuroTo) {
        if (perEuroFrom.compareTo(BigDecimal.ONE) == 0) {
            return perEuroTo;
        }
        return perEuroTo.divide(perEuroFrom, DERIVED_PRECISION).stripTrailingZeros();
    }

    @Override
    public String toString() {
        return days.isEmpty() ? "the " + source + " rates (none)"
                : "the " + source + " rates of " + days.firstKey() + " to " + days.lastKey();
    }

    /**
     * Builds a table in memory, a day and a rate at a time. Not thread-safe; the table it builds is.
     */
    public static final class Builder {
        private final String source;
        private final NavigableMap<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();

        private Builder(String source) {
            this.source = source;
        }

        /**
         * @param day the day the rate is published for, not null
         * @param currency the currency, not null, not the euro
         * @param perEuro units of {@code currency} per euro, not null, &gt; 0
         * @return this builder
         * @throws IllegalArgumentException for the euro or a rate that is not positive
         */
        public Builder rate(LocalDate day, CurrencyCode currency, BigDecimal perEuro) {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(perEuro, "perEuro");
            if (CurrencyCode.EUR.equals(currency) || perEuro.signum() <= 0) {
                throw new IllegalArgumentException("a rate per euro of another currency must be > 0, was "
                        + currency.code() + " " + perEuro.toPlainString());
            }
            days.computeIfAbsent(day, d -> new HashMap<>()).put(currency.code(), perEuro);
            return this;
        }

        /** @return the table; later calls of this builder do not change it */
        public EuroReferenceRates build() {
            NavigableMap<LocalDate, Map<String, BigDecimal>> copy = new TreeMap<>();
            days.forEach((day, rates) -> copy.put(day, Map.copyOf(rates)));
            return new EuroReferenceRates(source, Collections.unmodifiableNavigableMap(copy));
        }
    }
}
