package eu.invoicing.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.ExchangeRate;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Currency codes are validated wherever they enter: stored documents, requests, entities, model builders. */
class CurrencyCodeReadingTest {
    private static final String ID = "\"id\":\"inv_6595a27b5d35015c3ef0c3fe\"";

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EU", "", "XYZ", "EURO", " EUR", "XAU", "XDR", "XXX", "XTS"})
    void readDocument_storedDocumentWithBadCurrencyCode_isAValidationErrorNamingIt(String code) {
        assertThatThrownBy(() -> InvoicingJson.readDocument("{" + ID + ",\"currency_code\":\"" + code + "\"}"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::path, Violation::code)
                            .containsExactly(tuple("currency_code", "unknown_currency"));
                    assertThat(e.violations().get(0).message()).contains("\"" + code + "\"");
                });
    }

    @Test
    void readRequest_badQuoteCurrency_isAValidationErrorNamingIt() {
        String json = "{\"currency_code\":\"USD\",\"exchange_rate\":{\"rate\":0.9,\"quote_currency\":\"eur\"},"
                + "\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":1}]}";
        assertThatThrownBy(() -> InvoicingJson.readRequest(json, DocumentType.INVOICE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("exchange_rate.quote_currency"));
    }

    @Test
    void readEntity_badCurrency_isAValidationError() {
        assertThatThrownBy(() -> InvoicingJson.readEntity("{\"name\":\"A\",\"currency_code\":\"eur\"}"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("currency_code"));
    }

    @Test
    void readDocument_validCodes_areKept() {
        Document d = InvoicingJson.readDocument("{" + ID + ",\"currency_code\":\"JPY\",\"exchange_rate\":{\"rate\":0.006,"
                + "\"quote_currency\":\"EUR\"}}");
        assertThat(d.currencyCode()).isEqualTo("JPY");
        assertThat(d.currency().minorUnits()).isZero();
    }

    @Test
    void builderCurrencyCode_badCode_isAValidationErrorWhenSetNotAnIllegalArgumentLater() {
        Document.Builder b = Document.builder(DocumentType.INVOICE);
        assertThatThrownBy(() -> b.currencyCode("eur")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("currency_code"));
    }

    @Test
    void exchangeRate_badQuoteCurrency_isAValidationError() {
        assertThatThrownBy(() -> new ExchangeRate(BigDecimal.ONE, null, null, "EU"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("exchange_rate.quote_currency"));
    }

    @Test
    void entity_badCurrencyCode_isAValidationError() {
        assertThatThrownBy(() -> new Entity("ent_1", "A", null, null, null, null, null, null, null, null, null, true,
                "XYZ", null, null, null, null, List.<BankAccount>of(), EntitySettings.defaults()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("currency_code"));
    }
}
