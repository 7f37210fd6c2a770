package eu.invoicing.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import org.junit.jupiter.api.Test;

/** Entity JSON gets the same {path, code, message} treatment as documents. */
class EntityJsonTest {
    @Test
    void readEntity_negativeDefaultDueDays_isAValidationErrorNotAnIllegalArgumentException() {
        assertThatThrownBy(() -> InvoicingJson.readEntity("{\"name\":\"A\",\"settings\":{\"default_due_days\":-1}}"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code)
                        .containsExactly(tuple("settings.default_due_days", "out_of_range")));
    }

    @Test
    void readEntity_manyBadFields_reportsEveryOneAtOnce() {
        String json = "{\"id\":\"company-1\",\"name\":\" \",\"currency_code\":\"EU\",\"locale\":\"en_US!\","
                + "\"country_code\":\"Slovenia\","
                + "\"bank_accounts\":[{\"iban\":\"SI56191000000123439\",\"bic\":\"bank\",\"is_default\":true},"
                + "{\"iban\":\"AT611904300234573201\",\"is_default\":true}],"
                + "\"settings\":{\"default_due_days\":-5,\"number_formats\":{\"invoice\":\"INV-{yyyy}\"},"
                + "\"number_sequence_starts\":{\"estimate\":0},\"pdf_template\":\"\","
                + "\"upn_qr\":{\"enabled\":true,\"purpose_code\":\"other\"},\"calculation\":{\"default_mode\":\"b2x\"}}}";
        assertThatThrownBy(() -> InvoicingJson.readEntity(json))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactlyInAnyOrder("id", "name", "currency_code", "locale",
                                "country_code", "bank_accounts[0].iban", "bank_accounts[0].bic",
                                "bank_accounts[1].is_default", "settings.default_due_days",
                                "settings.number_formats.invoice", "settings.number_sequence_starts.estimate",
                                "settings.pdf_template", "settings.upn_qr.purpose_code",
                                "settings.calculation.default_mode"));
    }

    @Test
    void readEntity_everySettingGiven_readsBackEqual() {
        Entity sample = Entity.sampleSlovenian();
        EntitySettings s = new EntitySettings(null, java.util.Map.of(DocumentType.INVOICE, "R-{yy}/{nnn}"),
                java.util.Map.of(DocumentType.INVOICE, 42L), EntitySettings.EuTaxRules.DEFAULT, java.util.Map.of(),
                java.util.Map.of(DocumentType.ESTIMATE, "Thanks"), "8 days", 8, "classic",
                new EntitySettings.UpnQr(true, EntitySettings.UpnDisplayMode.FULL_SLIP, "GDSV"), null, null, true,
                false, null, null, null);
        Entity e = sample.withSettings(s);
        assertThat(InvoicingJson.readEntity(InvoicingJson.writeEntity(e))).isEqualTo(e);
    }

    @Test
    void entitySettings_negativeDueDays_isAValidationErrorNamingTheField() {
        assertThatThrownBy(() -> new EntitySettings(null, null, null, null, null, null, null, -1, null, null, null,
                null, false, false, null, null, null)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(Violation::path)
                                .containsExactly("settings.default_due_days"));
    }
}
