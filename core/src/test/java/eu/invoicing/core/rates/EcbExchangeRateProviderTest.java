package eu.invoicing.core.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import eu.invoicing.core.SpiException;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.testing.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ECB provider against a real HTTP server on loopback that serves the three files in the ECB's format
 * (test resources), counting what is fetched: which file a date needs, caching, refreshing, and failures.
 */
class EcbExchangeRateProviderTest {
    private static final CurrencyCode EUR = CurrencyCode.EUR;
    private static final CurrencyCode USD = CurrencyCode.of("USD");
    private static final CurrencyCode GBP = CurrencyCode.of("GBP");
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

    private static HttpServer server;
    private static final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private static final Map<String, Integer> status = new ConcurrentHashMap<>();
    private static final Map<String, byte[]> override = new ConcurrentHashMap<>();
    private final MutableClock clock = new MutableClock(NOW);

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/eurofxref/", exchange -> {
            String file = exchange.getRequestURI().getPath().substring("/eurofxref/".length());
            hits.computeIfAbsent(file, f -> new AtomicInteger()).incrementAndGet();
            byte[] body = override.get(file);
            if (body == null) {
                try (InputStream in = EcbExchangeRateProviderTest.class.getResourceAsStream(file)) {
                    body = in == null ? null : in.readAllBytes();
                }
            }
            int code = status.getOrDefault(file, body == null ? 404 : 200);
            byte[] out = code == 200 ? body : "unavailable".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(code, out.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void reset() {
        hits.clear();
        status.clear();
        override.clear();
    }

    private EcbExchangeRateProvider provider() {
        return EcbExchangeRateProvider.builder().baseUri(URI.create("http://127.0.0.1:"
                + server.getAddress().getPort() + "/eurofxref")).clock(clock).timeout(Duration.ofSeconds(5)).build();
    }

    private static int hits(String file) {
        AtomicInteger n = hits.get(file);
        return n == null ? 0 : n.get();
    }

    @Test
    void dateOnOrAfterTheDailyFilesDay_isAnsweredFromTheDailyFileAlone() {
        ExchangeRate r = provider().find(USD, EUR, LocalDate.parse("2026-03-15")).orElseThrow();
        assertThat(r.rate()).isEqualTo(new BigDecimal("0.9216589862"));
        assertThat(r.date()).isEqualTo(LocalDate.parse("2026-03-13"));
        assertThat(r.source()).isEqualTo("ECB");
        assertThat(hits(EcbExchangeRateProvider.DAILY)).isEqualTo(1);
        assertThat(hits(EcbExchangeRateProvider.LAST_90_DAYS)).isZero();
    }

    @Test
    void recentDate_readsTheNinetyDayFile_andAnOlderOneTheWholeHistory() {
        EcbExchangeRateProvider p = provider();
        assertThat(p.find(EUR, USD, LocalDate.parse("2026-03-08")).orElseThrow().date())
                .isEqualTo(LocalDate.parse("2026-03-06"));
        assertThat(hits(EcbExchangeRateProvider.LAST_90_DAYS)).isEqualTo(1);
        assertThat(hits(EcbExchangeRateProvider.HISTORY)).isZero();
        ExchangeRate old = p.find(GBP, EUR, LocalDate.parse("2025-05-31")).orElseThrow();
        assertThat(old.date()).isEqualTo(LocalDate.parse("2025-05-30"));
        assertThat(old.rate()).isEqualTo(new BigDecimal("1.18652112"));
        assertThat(hits(EcbExchangeRateProvider.HISTORY)).isEqualTo(1);
    }

    @Test
    void eachFile_isFetchedOncePerRefreshPeriod() {
        EcbExchangeRateProvider p = provider();
        for (int i = 0; i < 5; i++) {
            p.find(USD, EUR, LocalDate.parse("2026-03-14"));
            p.find(USD, EUR, LocalDate.parse("2026-03-12"));
        }
        assertThat(hits(EcbExchangeRateProvider.DAILY)).isEqualTo(1);
        assertThat(hits(EcbExchangeRateProvider.LAST_90_DAYS)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(61));
        p.find(USD, EUR, LocalDate.parse("2026-03-14"));
        assertThat(hits(EcbExchangeRateProvider.DAILY)).isEqualTo(2);
    }

    @Test
    void aFailedRefresh_keepsTheCopyHeld() {
        EcbExchangeRateProvider p = provider();
        BigDecimal before = p.find(USD, EUR, LocalDate.parse("2026-03-14")).orElseThrow().rate();
        status.put(EcbExchangeRateProvider.DAILY, 503);
        clock.advance(Duration.ofHours(2));
        assertThat(p.find(USD, EUR, LocalDate.parse("2026-03-14")).orElseThrow().rate()).isEqualTo(before);
        assertThat(hits(EcbExchangeRateProvider.DAILY)).isEqualTo(2);
    }

    @Test
    void withNoCopyHeld_anErrorStatusIsAnSpiExceptionNamingTheAddressAndStatus() {
        status.put(EcbExchangeRateProvider.DAILY, 503);
        assertThatThrownBy(() -> provider().find(USD, EUR, LocalDate.parse("2026-03-14")))
                .isInstanceOf(SpiException.class)
                .hasMessageContaining("eurofxref-daily.xml")
                .hasMessageContaining("503");
    }

    @Test
    void aPayloadWithAnExternalEntity_isRefusedAsNotReferenceRates() {
        override.put(EcbExchangeRateProvider.DAILY, ("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><e>&x;</e>").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> provider().find(USD, EUR, LocalDate.parse("2026-03-14")))
                .isInstanceOf(SpiException.class)
                .hasMessageContaining("did not answer ECB reference rates")
                .hasMessageNotContaining("root:");
    }

    @Test
    void aServerThatIsDown_isAnSpiExceptionNotARawIoException() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        EcbExchangeRateProvider p = EcbExchangeRateProvider.builder()
                .baseUri(URI.create("http://127.0.0.1:" + port + "/")).clock(clock).timeout(Duration.ofSeconds(2))
                .build();
        assertThatThrownBy(() -> p.find(USD, EUR, LocalDate.parse("2026-03-14")))
                .isInstanceOf(SpiException.class)
                .hasMessageContaining("failed")
                .hasCauseInstanceOf(IOException.class);
    }
}
