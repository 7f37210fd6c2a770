package eu.invoicing.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link EntitySettings#builder()}: starts from the defaults, checks every value, every problem at once. */
class EntitySettingsBuilderTest {
    @Test
    void build_nothingSet_isTheDefaultsOfTheSpec() {
        EntitySettings s = EntitySettings.builder().build();
        assertThat(s).isEqualTo(EntitySettings.defaults());
        // Each setting's default, as EntitySettings documents it.
        assertThat(s.defaultCalculationMode()).isEqualTo(CalculationMode.B2B_STANDARD);
        assertThat(s.numberFormat(DocumentType.INVOICE)).isEqualTo("{yyyy}-{nnnnn}");
        assertThat(s.euTaxRules()).isEqualTo(new EntitySettings.EuTaxRules(true, false, false, false));
        assertThat(s.defaultDueDays()).isEqualTo(30);
        assertThat(s.pdfTemplate()).isEqualTo("modern");
        assertThat(s.upnQr()).isEqualTo(new EntitySettings.UpnQr(false, EntitySettings.UpnDisplayMode.QR_ONLY, "OTHR"));
        assertThat(s.creditNoteNegativeValues()).isFalse();
        assertThat(s.deliveryNoteHidePrices()).isFalse();
        assertThat(s.furs().numberingStrategy()).isEqualTo(EntitySettings.FursNumberingStrategy.C);
        assertThat(s.fina().numberingSequence()).isEqualTo(EntitySettings.FinaNumberingSequence.P);
    }

    @Test
    void build_everyValue_isTheSameAsTheCanonicalConstructor() {
        EntitySettings.UpnQr upn = new EntitySettings.UpnQr(true, EntitySettings.UpnDisplayMode.FULL_SLIP, "GDSV");
        EntitySettings.EuTaxRules rules = EntitySettings.EuTaxRules.DEFAULT.withAutoReverseCharge(true);
        EntitySettings.Furs furs = new EntitySettings.Furs(true, EntitySettings.FursNumberingStrategy.B);
        EntitySettings.Fina fina = new EntitySettings.Fina(true, EntitySettings.FinaNumberingSequence.N);
        EntitySettings built = EntitySettings.builder().defaultCalculationMode(CalculationMode.B2C_GROSS_DISCOUNT)
                .numberFormat(DocumentType.INVOICE, "R-{yy}/{nnn}").numberSequenceStart(DocumentType.INVOICE, 42L)
                .euTaxRules(rules).taxClauseDefault(TransactionType.INTRA_EU_B2B, "Reverse charge")
                .defaultNote(DocumentType.ESTIMATE, "Thanks").defaultPaymentTerms("8 days").defaultDueDays(8)
                .pdfTemplate("classic").upnQr(upn).epcQr(new EntitySettings.EpcQr(true))
                .hub3(new EntitySettings.Hub3(true)).creditNoteNegativeValues(true).deliveryNoteHidePrices(true)
                .furs(furs).fina(fina).eslog(new EntitySettings.Eslog(true)).build();
        assertThat(built).isEqualTo(new EntitySettings(CalculationMode.B2C_GROSS_DISCOUNT,
                Map.of(DocumentType.INVOICE, "R-{yy}/{nnn}"), Map.of(DocumentType.INVOICE, 42L), rules,
                Map.of(TransactionType.INTRA_EU_B2B, "Reverse charge"), Map.of(DocumentType.ESTIMATE, "Thanks"),
                "8 days", 8, "classic", upn, new EntitySettings.EpcQr(true), new EntitySettings.Hub3(true), true, true,
                furs, fina, new EntitySettings.Eslog(true)));
    }

    @Test
    void build_badValues_reportsEveryPathAtOnce() {
        EntitySettings.Builder b = EntitySettings.builder().defaultDueDays(-5)
                .numberSequenceStart(DocumentType.CREDIT_NOTE, 0L).pdfTemplate(" ")
                .upnQr(new EntitySettings.UpnQr(true, null, "other"));
        assertThatThrownBy(b::build).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(Violation::path, Violation::code).containsExactly(
                        tuple("settings.default_due_days", "out_of_range"),
                        tuple("settings.number_sequence_starts.credit_note", "out_of_range"),
                        tuple("settings.pdf_template", "invalid_value"),
                        tuple("settings.upn_qr.purpose_code", "invalid_format")));
    }

    @Test
    void numberFormat_null_restoresTheDefault() {
        EntitySettings s = EntitySettings.builder().numberFormat(DocumentType.INVOICE, "X-{n}")
                .numberFormat(DocumentType.INVOICE, null).build();
        assertThat(s.numberFormats()).isEmpty();
        assertThat(s.numberFormat(DocumentType.INVOICE)).isEqualTo(EntitySettings.DEFAULT_NUMBER_FORMAT);
    }

    @Test
    void numberFormats_mapWithANullValue_leavesThatKindAtItsDefault() {
        Map<DocumentType, String> formats = new HashMap<>();
        formats.put(DocumentType.INVOICE, null);
        formats.put(DocumentType.ESTIMATE, "P-{n}");
        assertThat(EntitySettings.builder().numberFormats(formats).build().numberFormats())
                .containsExactly(Map.entry(DocumentType.ESTIMATE, "P-{n}"));
    }

    @Test
    void toBuilder_build_isEqualAndLeavesTheOriginalUnaffected() {
        EntitySettings original = EntitySettings.builder().taxClauseDefault(TransactionType.INTRA_EU_B2B, "RC")
                .defaultDueDays(14).build();
        assertThat(original.toBuilder().build()).isEqualTo(original);
        EntitySettings changed = original.toBuilder().taxClauseDefault(TransactionType.INTRA_EU_B2B, null)
                .defaultDueDays(0).build();
        assertThat(changed.taxClauseDefaults()).isEmpty();
        assertThat(changed.defaultDueDays()).isZero();
        assertThat(original.taxClauseDefaults()).containsEntry(TransactionType.INTRA_EU_B2B, "RC");
        assertThat(original.defaultDueDays()).isEqualTo(14);
    }

    @Test
    void euTaxRules_with_changesOneFlagAndReturnsThisWhenEqual() {
        EntitySettings.EuTaxRules d = EntitySettings.EuTaxRules.DEFAULT;
        assertThat(d.withAutoReverseCharge(true)).isEqualTo(new EntitySettings.EuTaxRules(true, true, false, false));
        assertThat(d.withViesValidateVat(false)).isEqualTo(new EntitySettings.EuTaxRules(false, false, false, false));
        assertThat(d.withAutoRemoveTaxExport(true)).isEqualTo(new EntitySettings.EuTaxRules(true, false, true, false));
        assertThat(d.withRequireGrossPrices(true)).isEqualTo(new EntitySettings.EuTaxRules(true, false, false, true));
        assertThat(d.withAutoReverseCharge(false)).isSameAs(d);
    }
}
