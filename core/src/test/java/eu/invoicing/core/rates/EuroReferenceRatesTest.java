package eu.invoicing.core.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.ExchangeRate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The euro reference rates table: the ECB's file format read safely, the latest rate on or before a date, and
 * inverse and cross rates through the euro to {@link EuroReferenceRates#DERIVED_PRECISION} significant digits.
 */
class EuroReferenceRatesTest {
    static final CurrencyCode EUR = CurrencyCode.EUR;
    static final CurrencyCode USD = CurrencyCode.of("USD");
    static final CurrencyCode GBP = CurrencyCode.of("GBP");
    static final CurrencyCode JPY = CurrencyCode.of("JPY");
    static final CurrencyCode CHF = CurrencyCode.of("CHF");

    static EuroReferenceRates fixture(String name) throws IOException {
        try (InputStream in = EuroReferenceRatesTest.class.getResourceAsStream(name)) {
            return EuroReferenceRates.parse(in, "ECB");
        }
    }

    private static ValidationException refusal(String xml) {
        return (ValidationException) org.assertj.core.api.Assertions.catchThrowable(() -> EuroReferenceRates.parse(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "ECB"));
    }

    @Test
    void daily_euroToCurrency_isThePublishedFigureWithItsDayAndSource() throws IOException {
        ExchangeRate r = fixture("eurofxref-daily.xml").find(EUR, USD, LocalDate.parse("2026-03-13")).orElseThrow();
        assertThat(r.rate()).isEqualTo(new BigDecimal("1.0850"));
        assertThat(r.date()).isEqualTo(LocalDate.parse("2026-03-13"));
        assertThat(r.source()).isEqualTo("ECB");
        assertThat(r.quoteCurrency()).isEqualTo("USD");
    }

    @Test
    void weekend_takesTheLastDayBeforeIt_andTheInverseToTenSignificantDigits() throws IOException {
        // 2026-03-07/08 is a weekend and 03-09..11 are missing from the fixture: the rate of Friday 03-06 applies.
        ExchangeRate r = fixture("eurofxref-hist-90d.xml").find(USD, EUR, LocalDate.parse("2026-03-11")).orElseThrow();
        assertThat(r.date()).isEqualTo(LocalDate.parse("2026-03-06"));
        assertThat(r.rate()).isEqualTo(new BigDecimal("0.9267840593"));
        assertThat(r.quoteCurrency()).isEqualTo("EUR");
    }

    @Test
    void crossRate_isTheQuotientOfTheTwoEuroRates() throws IOException {
        EuroReferenceRates rates = fixture("eurofxref-hist-90d.xml");
        LocalDate day = LocalDate.parse("2026-03-12");
        assertThat(rates.find(GBP, USD, day).orElseThrow().rate()).isEqualTo(new BigDecimal("1.283716521"));
        assertThat(rates.find(USD, JPY, day).orElseThrow().rate()).isEqualTo(new BigDecimal("148.5875185"));
    }

    @Test
    void beforeTheFirstDayOrAnUnquotedCurrency_isEmpty() throws IOException {
        EuroReferenceRates rates = fixture("eurofxref-hist.xml");
        assertThat(rates.find(EUR, USD, LocalDate.parse("1999-01-03"))).isEmpty();
        assertThat(rates.find(EUR, CurrencyCode.of("HRK"), LocalDate.parse("2026-03-13"))).isEmpty();
        assertThat(rates.earliestDay()).contains(LocalDate.parse("1999-01-04"));
        assertThat(rates.latestDay()).contains(LocalDate.parse("2026-03-13"));
    }

    @Test
    void aDayWithoutTheCurrency_fallsBackToTheLatestDayThatQuotesBoth() {
        EuroReferenceRates rates = EuroReferenceRates.builder("host")
                .rate(LocalDate.parse("2026-01-05"), CHF, new BigDecimal("0.93"))
                .rate(LocalDate.parse("2026-01-05"), USD, new BigDecimal("1.04"))
                .rate(LocalDate.parse("2026-01-06"), USD, new BigDecimal("1.05"))
                .build();
        Optional<ExchangeRate> chf = rates.find(CHF, EUR, LocalDate.parse("2026-01-07"));
        assertThat(chf.orElseThrow().date()).isEqualTo(LocalDate.parse("2026-01-05"));
        assertThat(rates.find(EUR, USD, LocalDate.parse("2026-01-07")).orElseThrow().rate())
                .isEqualTo(new BigDecimal("1.05"));
        assertThat(chf.get().source()).isEqualTo("host");
    }

    @Test
    void builder_refusesTheEuroAndNonPositiveRates() {
        EuroReferenceRates.Builder b = EuroReferenceRates.builder("host");
        assertThatThrownBy(() -> b.rate(LocalDate.parse("2026-01-05"), EUR, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.rate(LocalDate.parse("2026-01-05"), USD, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void externalEntity_isRefusedAndNeverRead() {
        ValidationException e = refusal("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\" "
                + "xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\"><Cube><Cube time=\"2026-01-05\">"
                + "<Cube currency=\"USD\" rate=\"&x;\"/></Cube></Cube></gesmes:Envelope>");
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("rates");
            assertThat(v.code()).isEqualTo("malformed");
            assertThat(v.message()).doesNotContain("root:");
        });
    }

    @Test
    void notTheEcbFormat_isRefusedSayingWhy() {
        assertThat(refusal("<rates/>").violations().get(0).message()).contains("gesmes:Envelope");
        assertThat(refusal("not xml").violations().get(0).message()).contains("not well-formed");
        String envelope = "<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\" "
                + "xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\"><Cube>%s</Cube></gesmes:Envelope>";
        assertThat(refusal(String.format(envelope, "<Cube time=\"2026-13-01\"/>")).violations().get(0).message())
                .contains("not a date");
        assertThat(refusal(String.format(envelope, "<Cube time=\"2026-01-05\"><Cube currency=\"USD\" rate=\"-1\"/>"
                + "</Cube>")).violations().get(0).message()).contains("must be > 0");
        assertThat(refusal(String.format(envelope, "<Cube time=\"2026-01-05\"><Cube currency=\"usd\" rate=\"1\"/>"
                + "</Cube>")).violations().get(0).message()).contains("ISO 4217");
        assertThat(refusal(String.format(envelope, "<Cube currency=\"USD\" rate=\"1\"/>")).violations().get(0)
                .message()).contains("outside a day");
    }

    @Test
    void anEndlessStream_isCutAtTheBound() {
        byte[] head = ("<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\" "
                + "xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\"><Cube>").getBytes(StandardCharsets.UTF_8);
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                served[0] += len;
                return len;
            }
        };
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> EuroReferenceRates.parse(
                new SequenceInputStream(new ByteArrayInputStream(head), endless), "ECB"));
        assertThat(t).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) t).violations().get(0).code()).isEqualTo("too_large");
        assertThat(served[0]).isLessThan(EcbRatesXml.MAX_BYTES + 1024 * 1024);
    }

    @Test
    void read_aMissingFile_isNotFoundAtRates(@TempDir Path dir) {
        assertThatThrownBy(() -> EuroReferenceRates.read(dir.resolve("none.xml"), "ECB"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations().get(0).path()).isEqualTo("rates");
                    assertThat(e.violations().get(0).code()).isEqualTo("not_found");
                });
    }
}
