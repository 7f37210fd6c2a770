package eu.invoicing.eslog;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EslogContextTest {
    private static final Entity ENABLED = Entity.sampleSlovenian();

    private static Entity withEslog(Entity entity, boolean enabled) {
        return entity.withSettings(entity.settings().toBuilder().eslog(new EntitySettings.Eslog(enabled)).build());
    }

    /** Issue 11, the reference: "Only available for Slovenian entities with e-SLOG support." */
    @Test
    void requireAvailable_slovenianWithEslogEnabled_passes() {
        assertThat(ENABLED.settings().eslog().enabled()).isTrue();
        assertThatCode(() -> EslogContext.requireAvailable(ENABLED)).doesNotThrowAnyException();
    }

    @Test
    void requireAvailable_eslogDisabled_refusedAtTheSetting() {
        assertThatThrownBy(() -> EslogContext.requireAvailable(withEslog(ENABLED, false)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("settings.eslog.enabled", "eslog_disabled")));
    }

    @Test
    void requireAvailable_foreignAndDisabled_namesBothReasons() {
        Entity german = withEslog(ENABLED.toBuilder().countryCode("DE").taxNumber("DE123456789").build(), false);
        assertThatThrownBy(() -> EslogContext.requireAvailable(german))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("entity.country_code", "settings.eslog.enabled"));
    }
}
