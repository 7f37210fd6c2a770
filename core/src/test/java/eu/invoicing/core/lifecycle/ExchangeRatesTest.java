package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.SpiException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.rates.EuroReferenceRates;
import eu.invoicing.core.spi.ExchangeRateProvider;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Exchange rates (issue 11): the reference fetches the rate of a foreign-currency document that gives none; here
 * the host's {@link ExchangeRateProvider} does, and before it such a document was refused ("exchange_rate
 * required").
 */
class ExchangeRatesTest {
    private static final EuroReferenceRates RATES = EuroReferenceRates.builder("ECB")
            .rate(LocalDate.parse("2026-03-13"), CurrencyCode.of("USD"), new BigDecimal("1.0850"))
            .rate(LocalDate.parse("2026-03-13"), CurrencyCode.of("JPY"), new BigDecimal("161.42"))
            .build();

    private static Invoicing with(ExchangeRateProvider p) {
        return Invoicing.builder().clock(Fixtures.clock()).exchangeRates(p).build();
    }

    private static DocumentRequest usd(String date, String rate) {
        return InvoicingJson.readRequest("{\"currency_code\":\"USD\"," + (date == null ? "" : "\"date\":\"" + date
                + "\",") + (rate == null ? "" : "\"exchange_rate\":{\"rate\":" + rate + "},")
                + "\"items\":[{\"name\":\"Consulting\",\"quantity\":3,\"price\":333.5,\"taxes\":[{\"rate\":22}]}]}",
                DocumentType.INVOICE);
    }

    @Test
    void foreignDocumentWithoutRate_takesTheProvidersRateForItsDate_withSourceAndDay() {
        Document d = with(RATES).entity(Fixtures.entityA()).create(usd("2026-03-15", null));
        ExchangeRate r = d.exchangeRate();
        assertThat(r.rate()).isEqualTo(new BigDecimal("0.9216589862"));
        assertThat(r.source()).isEqualTo("ECB");
        assertThat(r.date()).isEqualTo(LocalDate.parse("2026-03-13"));
        assertThat(r.quoteCurrency()).isEqualTo("EUR");
        assertThat(InvoicingJson.writeDocument(d)).contains("\"exchange_rate\":{\"rate\":0.9216589862,\"source\":\"ECB\","
                + "\"date\":\"2026-03-13T00:00:00.000Z\",\"quote_currency\":\"EUR\"}");
    }

    @Test
    void aFetchedRate_convertsExactlyAsTheSameRateGiven() {
        Document fetched = with(RATES).entity(Fixtures.entityA()).create(usd("2026-03-15", null));
        Document given = Fixtures.invoicing().entity(Fixtures.entityA()).create(usd("2026-03-15", "0.9216589862"));
        assertThat(fetched.totalConverted()).isEqualTo(given.totalConverted());
        assertThat(fetched.totalWithTaxConverted()).isEqualTo(given.totalWithTaxConverted());
        assertThat(fetched.totalConverted()).isNotNull();
    }

    @Test
    void aGivenRate_alwaysWins_andTheProviderIsNotAsked() {
        AtomicInteger asked = new AtomicInteger();
        ExchangeRateProvider counting = (from, to, date) -> {
            asked.incrementAndGet();
            return RATES.find(from, to, date);
        };
        Document d = with(counting).entity(Fixtures.entityA()).create(usd("2026-03-15", "0.5"));
        assertThat(d.exchangeRate().rate()).isEqualByComparingTo("0.5");
        assertThat(asked).hasValue(0);
        with(counting).entity(Fixtures.entityA()).create(DocumentRequest.of(Fixtures.draft(DocumentType.INVOICE)));
        assertThat(asked).as("a document in the entity currency needs no rate").hasValue(0);
    }

    @Test
    void withoutADate_todaysRateIsAsked() {
        LocalDate[] asked = new LocalDate[1];
        ExchangeRateProvider recording = (from, to, date) -> {
            asked[0] = date;
            return RATES.find(from, to, date);
        };
        DocumentDraft draft = DocumentDraft.builder(DocumentType.INVOICE).currencyCode("USD").date(null)
                .item(Fixtures.item("Consulting", "100")).build();
        with(recording).entity(Fixtures.entityA()).create(DocumentRequest.of(draft));
        assertThat(asked[0]).isNotNull().isEqualTo(LocalDate.parse("2026-03-15"));
    }

    @Test
    void noRateToBeHad_isAValidationErrorAtExchangeRate_andNothingIsStored() {
        EntityDocuments docs = with(RATES).entity(Fixtures.entityA());
        assertThatThrownBy(() -> docs.create(usd("2026-03-12", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.path()).isEqualTo("exchange_rate");
                        assertThat(v.code()).isEqualTo("unavailable");
                        assertThat(v.message()).contains("USD to EUR").contains("2026-03-12");
                    });
                });
        assertThat(docs.list(DocumentType.INVOICE, DocumentQuery.all()).data()).isEmpty();
    }

    @Test
    void withNoProvider_aForeignDocumentWithoutRateIsStillRefusedAsRequired() {
        assertThatThrownBy(() -> Fixtures.invoicing().entity(Fixtures.entityA()).create(usd("2026-03-15", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v.path()).isEqualTo("exchange_rate")));
    }

    @Test
    void aProviderFailure_isAnSpiExceptionAndNothingIsStored() {
        EntityDocuments docs = with((from, to, date) -> {
            throw new IllegalStateException("rates host unreachable");
        }).entity(Fixtures.entityA());
        assertThatThrownBy(() -> docs.create(usd("2026-03-15", null)))
                .isInstanceOf(SpiException.class)
                .hasMessageContaining("ExchangeRateProvider.find")
                .hasRootCauseMessage("rates host unreachable");
        assertThat(docs.list(DocumentType.INVOICE, DocumentQuery.all()).data()).isEmpty();
    }

    @Test
    void aProviderAnsweringAnotherQuoteOrALaterDay_breaksItsContract() {
        ExchangeRateProvider wrongQuote = (from, to, date) -> Optional.of(new ExchangeRate(BigDecimal.ONE, "x", date,
                "GBP"));
        ExchangeRateProvider later = (from, to, date) -> Optional.of(new ExchangeRate(BigDecimal.ONE, "x",
                date.plusDays(1), to.code()));
        for (ExchangeRateProvider p : new ExchangeRateProvider[] {wrongQuote, later}) {
            assertThatThrownBy(() -> with(p).entity(Fixtures.entityA()).create(usd("2026-03-15", null)))
                    .isInstanceOf(SpiException.class).hasMessageContaining("broke its contract");
        }
    }
}
