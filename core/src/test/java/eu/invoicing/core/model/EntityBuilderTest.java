package eu.invoicing.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Entity#builder()}: the spec's defaults, every field checked, every problem at once. */
class EntityBuilderTest {
    @Test
    void build_onlyIdAndName_takesTheDefaultsOfTheSpec() {
        Entity e = Entity.builder().id("ent_1").name("Primer d.o.o.").build();
        // The defaults Entity.Builder documents: is_tax_subject true, currency EUR, locale en-US; settings with their defaults.
        assertThat(e.isTaxSubject()).isTrue();
        assertThat(e.currencyCode()).isEqualTo("EUR");
        assertThat(e.locale()).isEqualTo("en-US");
        assertThat(e.bankAccounts()).isEmpty();
        assertThat(e.settings()).isEqualTo(EntitySettings.defaults());
    }

    @Test
    void build_everyField_isTheSameAsTheCanonicalConstructor() {
        BankAccount account = new BankAccount("SI56191000000123438", "BAKOSI2X", "Banka", true);
        EntitySettings settings = EntitySettings.builder().defaultDueDays(8).build();
        Entity built = Entity.builder().id("ent_2").name("N").address("A1").address2("A2").postCode("P").city("C")
                .state("S").country("Slovenia").countryCode("SI").taxNumber("SI12345678").companyNumber("123")
                .isTaxSubject(false).currencyCode("USD").locale("sl-SI").email("e@x.si").phone("+386")
                .website("https://x.si").bankAccount(account).settings(settings).build();
        assertThat(built).isEqualTo(new Entity("ent_2", "N", "A1", "A2", "P", "C", "S", "Slovenia", "SI",
                "SI12345678", "123", false, "USD", "sl-SI", "e@x.si", "+386", "https://x.si", List.of(account),
                settings));
    }

    @Test
    void build_manyBadFields_reportsEveryPathAtOnce() {
        Entity.Builder b = Entity.builder().id("company-1").name(" ").currencyCode("EU").locale("en_US!")
                .countryCode("Slovenia")
                .bankAccounts(Arrays.asList(new BankAccount("SI56191000000123439", "bank", null, true),
                        new BankAccount("AT611904300234573201", null, null, true), null));
        assertThatThrownBy(b::build).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(Violation::path, Violation::code).containsExactly(tuple("id", "invalid_id"),
                        tuple("name", "required"), tuple("currency_code", "unknown_currency"),
                        tuple("country_code", "invalid_value"), tuple("locale", "invalid_value"),
                        tuple("bank_accounts[0].iban", "invalid_format"), tuple("bank_accounts[0].bic", "invalid_format"),
                        tuple("bank_accounts[1].is_default", "conflict"), tuple("bank_accounts[2]", "required")));
    }

    @Test
    void build_withoutIdOrName_reportsBothAsRequired() {
        assertThatThrownBy(() -> Entity.builder().build()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::path, Violation::code)
                        .containsExactly(tuple("id", "required"), tuple("name", "required")));
    }

    @Test
    void build_aLongBadValue_quotesItCut() {
        String id = "x".repeat(10_000);
        assertThatThrownBy(() -> Entity.builder().id(id).name("N").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).message())
                        .hasSizeLessThan(200).contains("(10000 characters)"));
    }

    @Test
    void toBuilder_build_isEqualAndLeavesTheOriginalUnaffected() {
        Entity sample = Entity.sampleSlovenian();
        assertThat(sample.toBuilder().build()).isEqualTo(sample);
        Entity changed = sample.toBuilder().name("Drugo d.o.o.").bankAccounts(null).build();
        assertThat(changed.name()).isEqualTo("Drugo d.o.o.");
        assertThat(changed.bankAccounts()).isEmpty();
        assertThat(sample.name()).isEqualTo("Primer d.o.o.");
        assertThat(sample.bankAccounts()).hasSize(1);
    }

    @Test
    void bankAccounts_listChangedAfterwards_doesNotChangeTheBuilder() {
        List<BankAccount> accounts = new ArrayList<>();
        Entity.Builder b = Entity.builder().id("ent_1").name("N").bankAccounts(accounts);
        accounts.add(new BankAccount("bad", null, null, false));
        assertThat(b.build().bankAccounts()).isEmpty();
    }
}
