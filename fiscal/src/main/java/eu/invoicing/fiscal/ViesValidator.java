package eu.invoicing.fiscal;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.calc.FormatVatNumberValidator;
import eu.invoicing.core.model.VatCheckStatus;
import eu.invoicing.core.model.ViesCheck;
import eu.invoicing.core.spi.VatNumberValidator;
import eu.invoicing.fiscal.internal.Https;
import eu.invoicing.fiscal.internal.Jws;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * A {@link VatNumberValidator} that asks the European Commission's VIES through its REST interface
 * ({@code POST …/check-vat-number}). With the requester's own VAT number the answer carries a consultation number
 * ({@code requestIdentifier}), recorded in the check as proof. "Invalid" and "service unavailable" are told apart:
 * VIES answering {@code valid: false} (or refusing the input) is {@code invalid}; a member state's service that is
 * down ({@code MS_UNAVAILABLE}, …), a timeout, an HTTP error or an unreadable answer is {@code unverified}, never
 * {@code invalid}. A number that fails the member state's format is {@code invalid} without a call. Definite
 * answers are cached for a configurable time; {@code unverified} ones are not.
 *
 * <p>Thread-safe (the cache is concurrent).
 */
public final class ViesValidator implements VatNumberValidator {
    /** The VIES REST service. */
    public static final URI VIES = URI.create("https://ec.europa.eu/taxation_customs/vies/rest-api");
    private static final Set<String> INVALID_INPUT = Set.of("INVALID_INPUT");
    private static final FormatVatNumberValidator FORMAT = new FormatVatNumberValidator();
    private final URI endpoint;
    private final String requesterCountry;
    private final String requesterNumber;
    private final Duration ttl;
    private final Clock clock;
    private final Https https;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(ViesCheck check, Instant until) {
    }

    private ViesValidator(Builder b) {
        this.endpoint = b.endpoint;
        this.requesterCountry = b.requesterCountry;
        this.requesterNumber = b.requesterNumber;
        this.ttl = b.ttl;
        this.clock = b.clock;
        this.https = new Https(b.tls, b.connectTimeout, b.timeout);
    }

    /** @return a builder (production VIES, no requester, answers cached for 24 hours, the system clock) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ViesCheck check(String countryCode, String vatNumber) {
        ViesCheck format = FORMAT.check(countryCode, vatNumber);
        if (format.status() == VatCheckStatus.INVALID) {
            return format;
        }
        String country = format.countryCode();
        String prefix = "GR".equals(country) ? "EL" : country;
        String number = format.vatNumber().substring(prefix.length());
        String key = prefix + number;
        Instant now = clock.instant();
        Cached c = cache.get(key);
        if (c != null && now.isBefore(c.until())) {
            return c.check();
        }
        ViesCheck answer = ask(country, prefix, number, now);
        if (answer.status() != VatCheckStatus.UNVERIFIED) {
            cache.put(key, new Cached(answer, now.plus(ttl)));
        }
        return answer;
    }

    private ViesCheck ask(String country, String prefix, String number, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("countryCode", prefix);
        body.put("vatNumber", number);
        if (requesterCountry != null) {
            body.put("requesterMemberStateCode", requesterCountry);
            body.put("requesterNumber", requesterNumber);
        }
        ViesCheck unverified = new ViesCheck(prefix + number, country, VatCheckStatus.UNVERIFIED, null, null, now);
        JsonNode answer;
        try {
            Https.Response r = https.post(URI.create(endpoint + "/check-vat-number"), "application/json",
                    Jws.JSON.writeValueAsBytes(body), null);
            answer = Jws.JSON.readTree(r.body());
            if (answer == null || !answer.isObject()) {
                return unverified;
            }
            JsonNode errors = answer.path("errorWrappers");
            if (errors.isArray() && errors.size() > 0) {
                String code = errors.get(0).path("error").asText("");
                return INVALID_INPUT.contains(code)
                        ? new ViesCheck(prefix + number, country, VatCheckStatus.INVALID, null, null, now) : unverified;
            }
            if (r.status() != 200 || !answer.path("valid").isBoolean()) {
                return unverified;
            }
        } catch (FiscalTransportException | IOException e) {
            return unverified;
        }
        boolean valid = answer.path("valid").asBoolean();
        String consultation = text(answer, "requestIdentifier");
        return new ViesCheck(prefix + number, country, valid ? VatCheckStatus.VALID : VatCheckStatus.INVALID,
                text(answer, "name"), text(answer, "address"), now, consultation);
    }

    /** A text field; VIES's placeholder for "not disclosed" ({@code ---}) and blanks are absent. */
    private static String text(JsonNode n, String field) {
        String v = n.path(field).asText(null);
        return v == null || v.isBlank() || "---".equals(v.trim()) ? null : v.trim();
    }

    /**
     * Configures a {@link ViesValidator}.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private URI endpoint = VIES;
        private String requesterCountry;
        private String requesterNumber;
        private Duration ttl = Duration.ofHours(24);
        private Clock clock = Clock.systemUTC();
        private SSLContext tls;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration timeout = Duration.ofSeconds(15);

        private Builder() {
        }

        /**
         * @param v the REST base, {@link ViesValidator#VIES} by default, not null
         * @return this
         */
        public Builder endpoint(URI v) {
            endpoint = URI.create(Objects.requireNonNull(v, "endpoint").toString().replaceAll("/+$", ""));
            return this;
        }

        /**
         * The requester's own VAT number: with it VIES answers a consultation number.
         *
         * @param countryCode the requester's member state (e.g. {@code SI}), not null
         * @param number its VAT number, with or without the prefix, not null
         * @return this
         * @throws ValidationException ({@code requester}) when the number does not fit the state's format
         */
        public Builder requester(String countryCode, String number) {
            ViesCheck own = FORMAT.check(countryCode, number);
            if (own.status() == VatCheckStatus.INVALID) {
                throw ValidationException.of("requester", "invalid_format", "the requester's VAT number does not "
                        + "fit the format of " + countryCode.toUpperCase(Locale.ROOT));
            }
            String prefix = "GR".equals(own.countryCode()) ? "EL" : own.countryCode();
            requesterCountry = prefix;
            requesterNumber = own.vatNumber().substring(prefix.length());
            return this;
        }

        /**
         * @param v how long a valid or invalid answer is reused, not null, not negative
         * @return this
         */
        public Builder cacheFor(Duration v) {
            if (v == null || v.isNegative()) {
                throw ValidationException.of("cache_ttl", "invalid", "the cache time must be zero or more");
            }
            ttl = v;
            return this;
        }

        /**
         * @param v the clock of the checks and the cache, not null
         * @return this
         */
        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        /**
         * @param v the servers to trust (default: the JDK's trust store, as VIES has a public certificate)
         * @return this
         */
        public Builder trust(PinnedTrust v) {
            tls = v == null ? null : v.sslContext();
            return this;
        }

        /**
         * @param connect the connect timeout (default 5 s), not null
         * @param request the whole request's timeout (default 15 s), not null
         * @return this
         */
        public Builder timeouts(Duration connect, Duration request) {
            connectTimeout = Objects.requireNonNull(connect, "connect");
            timeout = Objects.requireNonNull(request, "request");
            return this;
        }

        /** @return the validator */
        public ViesValidator build() {
            return new ViesValidator(this);
        }
    }
}
