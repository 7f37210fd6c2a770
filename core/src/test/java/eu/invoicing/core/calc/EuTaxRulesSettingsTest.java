package eu.invoicing.core.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.ItemType;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.TransactionType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The entity settings {@code tax_rules.eu.auto_remove_tax_export} and {@code tax_rules.eu.require_gross_prices}
 * (spec/lifecycle.md lists them among the entity settings, default false; docs/calculation.md says what each does).
 * Before, both were parsed and had no effect.
 */
class EuTaxRulesSettingsTest {
    private final CalculationEngine engine = CalculationEngine.withDefaults();

    private static Entity with(EntitySettings.EuTaxRules rules) {
        Entity base = Entity.sampleSlovenian();
        return base.withSettings(base.settings().toBuilder().euTaxRules(rules).build());
    }

    private static Document invoiceTo(Party customer, LineItem... items) {
        Document.Builder b = Document.builder(DocumentType.INVOICE).customer(customer);
        for (LineItem i : items) {
            b.item(i);
        }
        return b.build();
    }

    private static final Party US_BUSINESS = Party.builder().name("Acme Inc.").countryCode("US").taxNumber("94-1").build();
    private static final LineItem NET = LineItem.builder().name("Goods").quantity("2").price("100").tax("22").build();

    @Test
    void autoRemoveTaxExport_on_anExportOutsideTheEuCarriesNoTax() {
        Document doc = engine.calculate(invoiceTo(US_BUSINESS, NET),
                with(EntitySettings.EuTaxRules.DEFAULT.withAutoRemoveTaxExport(true)));
        assertThat(doc.transactionType()).isEqualTo(TransactionType.THIRD_COUNTRY_B2B);
        assertThat(doc.items().get(0).taxes()).isEmpty();
        assertThat(doc.taxes()).isEmpty();
        assertThat(doc.total()).isEqualByComparingTo("200.00");
        assertThat(doc.totalWithTax()).isEqualByComparingTo("200.00");
    }

    @Test
    void autoRemoveTaxExport_off_theExportIsTaxedAsGiven() {
        Document doc = engine.calculate(invoiceTo(US_BUSINESS, NET), with(EntitySettings.EuTaxRules.DEFAULT));
        assertThat(doc.totalWithTax()).isEqualByComparingTo("244.00");
    }

    @Test
    void autoRemoveTaxExport_on_leavesDomesticAndIntraEuSalesTaxed() {
        Entity entity = with(EntitySettings.EuTaxRules.DEFAULT.withAutoRemoveTaxExport(true));
        assertThat(engine.calculate(invoiceTo(Party.builder().name("Kupec d.o.o.").countryCode("SI").build(), NET),
                entity).totalWithTax()).isEqualByComparingTo("244.00");
        assertThat(engine.calculate(invoiceTo(Party.builder().name("Privat").countryCode("AT").build(), NET),
                entity).totalWithTax()).isEqualByComparingTo("244.00");
    }

    @Test
    void autoRemoveTaxExport_on_anIssuerOutsideTheVatSystemIsUnaffected() {
        Entity base = with(EntitySettings.EuTaxRules.DEFAULT.withAutoRemoveTaxExport(true));
        Entity small = Entity.builder().id("ent_small").name("Small s.p.").countryCode("SI").isTaxSubject(false)
                .settings(base.settings()).build();
        assertThat(engine.calculate(invoiceTo(US_BUSINESS, NET), small).totalWithTax()).isEqualByComparingTo("244.00");
    }

    @Test
    void requireGrossPrices_on_everyNetPricedLineIsRefusedAtItsPath() {
        LineItem gross = LineItem.builder().name("Gross").quantity("1").grossPrice("122").tax("22").build();
        LineItem separator = LineItem.builder().type(ItemType.SEPARATOR).name("Section").build();
        Entity entity = with(EntitySettings.EuTaxRules.DEFAULT.withRequireGrossPrices(true));
        Document draft = invoiceTo(Party.builder().name("Kupec").countryCode("SI").build(), NET, gross, separator, NET);
        assertThatThrownBy(() -> engine.calculate(draft, entity))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("items[0].gross_price", "required"),
                                org.assertj.core.groups.Tuple.tuple("items[3].gross_price", "required")));
    }

    @Test
    void requireGrossPrices_on_grossPricedLinesCalculate() {
        LineItem gross = LineItem.builder().name("Gross").quantity("1").grossPrice("122").tax("22").build();
        Document doc = engine.calculate(invoiceTo(Party.builder().name("Kupec").countryCode("SI").build(), gross),
                with(EntitySettings.EuTaxRules.DEFAULT.withRequireGrossPrices(true)));
        assertThat(doc.totalWithTax()).isEqualByComparingTo(new BigDecimal("122.00"));
    }
}
