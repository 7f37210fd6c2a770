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
    void readEntity_anAccountThatIsNotAnObject_reportsTheNextOnesAtTheirOwnIndex() {
        String json = "{\"name\":\"A\",\"bank_accounts\":[7,{\"iban\":\"SI56191000000123439\"}]}";
        assertThatThrownBy(() -> InvoicingJson.readEntity(json))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code)
                        .containsExactly(tuple("bank_accounts[0]", "invalid_type"),
                                tuple("bank_accounts[1].iban", "invalid_format")));
    }

    @Test
    void readEntity_aValueOfTheWrongType_isReportedOnceAtItsPath() {
        assertThatThrownBy(() -> InvoicingJson.readEntity("{\"name\":5,\"settings\":{\"default_due_days\":\"x\"}}"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code)
                        .containsExactly(tuple("name", "invalid_type"), tuple("settings.default_due_days",
                                "invalid_type")));
    }

    @Test
    void readEntity_sameValuesAsTheBuilder_givesTheSameEntityAndDefaults() {
        Entity read = InvoicingJson.readEntity("{\"id\":\"ent_1\",\"name\":\"A\",\"settings\":"
                + "{\"tax_rules\":{\"eu\":{\"auto_reverse_charge\":true}}}}");
        assertThat(read).isEqualTo(Entity.builder().id("ent_1").name("A").settings(EntitySettings.builder()
                .euTaxRules(EntitySettings.EuTaxRules.DEFAULT.withAutoReverseCharge(true)).build()).build());
    }

    @Test
    void readEntity_everySettingGiven_readsBackEqual() {
        Entity sample = Entity.sampleSlovenian();
        EntitySettings s = EntitySettings.builder().numberFormat(DocumentType.INVOICE, "R-{yy}/{nnn}")
                .numberSequenceStart(DocumentType.INVOICE, 42L).defaultNote(DocumentType.ESTIMATE, "Thanks")
                .defaultPaymentTerms("8 days").defaultDueDays(8).pdfTemplate("classic")
                .upnQr(new EntitySettings.UpnQr(true, EntitySettings.UpnDisplayMode.FULL_SLIP, "GDSV"))
                .creditNoteNegativeValues(true).build();
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

    /**
     * Issue 11: the reference's locale values (en-US, sl-SI, de-AT) are BCP 47 tags; the entity keeps
     * the tag it was given and an ill-formed one is refused at {@code locale}.
     */
    @Test
    void readEntity_localeAsBcp47Tag_keptAndIllFormedRefused() {
        for (String tag : new String[] {"en-US", "sl-SI", "de-AT", "de"}) {
            Entity e = InvoicingJson.readEntity("{\"name\":\"A\",\"locale\":\"" + tag + "\"}");
            assertThat(e.locale()).isEqualTo(tag);
            assertThat(InvoicingJson.readEntity(InvoicingJson.writeEntity(e)).locale()).isEqualTo(tag);
        }
        assertThatThrownBy(() -> InvoicingJson.readEntity("{\"name\":\"A\",\"locale\":\"de-!!\"}"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code).containsExactly(tuple("locale", "invalid_value")));
    }
}
