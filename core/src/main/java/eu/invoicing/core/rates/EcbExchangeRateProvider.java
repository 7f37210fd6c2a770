package eu.invoicing.core.rates;

import eu.invoicing.core.SpiException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.spi.ExchangeRateProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The European Central Bank's euro foreign exchange reference rates, fetched over HTTP with the JDK's client
 * and cached: the daily file ({@code eurofxref-daily.xml}) for a date on or after its day, the last 90 days
 * ({@code eurofxref-hist-90d.xml}) for a recent date, the whole history since 1999 ({@code eurofxref-hist.xml})
 * for an older one. A pair of two non-euro currencies is crossed through the euro ({@link EuroReferenceRates}).
 *
 * <p>Each file is fetched at most once per {@link Builder#refreshAfter refresh period} (one hour by default);
 * when a refresh fails the copy already held answers, and only with no copy at all does the failure reach the
 * caller (an {@link SpiException} naming the address and the status or I/O error).
 *
 * <p>Immutable configuration, thread-safe; the cache is shared by all threads.
 */
public final class EcbExchangeRateProvider implements ExchangeRateProvider {
    /** Where the ECB publishes the files. */
    public static final URI ECB = URI.create("https://www.ecb.europa.eu/stats/eurofxref/");
    /** What {@link ExchangeRate#source()} says of the rates. */
    public static final String SOURCE = "ECB";
    static final String DAILY = "eurofxref-daily.xml";
    static final String LAST_90_DAYS = "eurofxref-hist-90d.xml";
    static final String HISTORY = "eurofxref-hist.xml";
    /** A date this many days back or later is answered from the 90-day file (which ends at the latest day). */
    private static final int RECENT_DAYS = 85;
    private static final System.Logger LOG = System.getLogger(EcbExchangeRateProvider.class.getName());

    private final URI base;
    private final HttpClient http;
    private final Clock clock;
    private final Duration refreshAfter;
    private final Duration timeout;
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

    private EcbExchangeRateProvider(Builder b) {
        this.base = b.base;
        this.http = b.http == null
                ? HttpClient.newBuilder().connectTimeout(b.timeout).followRedirects(HttpClient.Redirect.NORMAL).build()
                : b.http;
        this.clock = b.clock;
        this.refreshAfter = b.refreshAfter;
        this.timeout = b.timeout;
    }

    /** @return a provider reading the ECB's own address with the defaults */
    public static EcbExchangeRateProvider create() {
        return builder().build();
    }

    /** @return a builder with the defaults: the ECB's address, the system UTC clock, one hour, 30 seconds */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<ExchangeRate> find(CurrencyCode from, CurrencyCode to, LocalDate date) {
        Objects.requireNonNull(date, "date");
        EuroReferenceRates daily = rates(DAILY);
        if (daily.latestDay().map(d -> !date.isBefore(d)).orElse(false)) {
            return daily.find(from, to, date);
        }
        LocalDate today = LocalDate.now(clock);
        String file = date.isBefore(today.minusDays(RECENT_DAYS)) ? HISTORY : LAST_90_DAYS;
        return rates(file).find(from, to, date);
    }

    private EuroReferenceRates rates(String file) {
        Instant now = clock.instant();
        Cached held = cache.get(file);
        if (held != null && now.isBefore(held.fetchedAt.plus(refreshAfter))) {
            return held.rates;
        }
        synchronized (this) {
            held = cache.get(file);
            if (held != null && now.isBefore(held.fetchedAt.plus(refreshAfter))) {
                return held.rates;
            }
            try {
                EuroReferenceRates fetched = fetch(base.resolve(file));
                cache.put(file, new Cached(fetched, now));
                return fetched;
            } catch (SpiException e) {
                if (held == null) {
                    throw e;
                }
                LOG.log(System.Logger.Level.WARNING, "keeping the ECB rates fetched at {0}: {1}", held.fetchedAt,
                        e.getMessage());
                cache.put(file, new Cached(held.rates, now));
                return held.rates;
            }
        }
    }

    private EuroReferenceRates fetch(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/xml")
                .GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new SpiException("ECB reference rates: GET " + uri + " answered " + response.statusCode(),
                            null);
                }
                return EuroReferenceRates.parse(body, SOURCE);
            }
        } catch (ValidationException e) {
            throw new SpiException("ECB reference rates: GET " + uri + " did not answer ECB reference rates: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new SpiException("ECB reference rates: GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpiException("ECB reference rates: GET " + uri + " interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "the ECB reference rates at " + base;
    }

    private record Cached(EuroReferenceRates rates, Instant fetchedAt) {
    }

    /** Configures an {@link EcbExchangeRateProvider}. Not thread-safe. */
    public static final class Builder {
        private URI base = ECB;
        private HttpClient http;
        private Clock clock = Clock.systemUTC();
        private Duration refreshAfter = Duration.ofHours(1);
        private Duration timeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /**
         * @param v the folder the three files are read from (a mirror, or a local server in tests), not null;
         *     a missing trailing slash is added
         * @return this builder
         */
        public Builder baseUri(URI v) {
            String s = Objects.requireNonNull(v, "baseUri").toString();
            base = URI.create(s.endsWith("/") ? s : s + "/");
            return this;
        }

        /**
         * @param v the HTTP client (proxy, TLS), nullable for a new client with the timeout as connect timeout
         * @return this builder
         */
        public Builder httpClient(HttpClient v) {
            http = v;
            return this;
        }

        /**
         * @param v the clock deciding which file a date needs and when a file is stale, not null
         * @return this builder
         */
        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        /**
         * @param v how long a fetched file answers before it is fetched again, not null, not negative
         * @return this builder
         */
        public Builder refreshAfter(Duration v) {
            if (Objects.requireNonNull(v, "refreshAfter").isNegative()) {
                throw new IllegalArgumentException("refreshAfter must not be negative, was " + v);
            }
            refreshAfter = v;
            return this;
        }

        /**
         * @param v the limit of one request, not null, positive
         * @return this builder
         */
        public Builder timeout(Duration v) {
            if (Objects.requireNonNull(v, "timeout").isNegative() || v.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + v);
            }
            timeout = v;
            return this;
        }

        /** @return the provider */
        public EcbExchangeRateProvider build() {
            return new EcbExchangeRateProvider(this);
        }
    }
}
