package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.SpiException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.spi.StoredTax;
import eu.invoicing.core.spi.TaxStore;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Stored taxes (issue 11): reference line taxes are {@code {"rate": 22, "tax_id": "tax_6595a27b5d35015c3ef0c402"}},
 * so a line may name a stored tax by {@code tax_id}; before the {@code TaxStore} such a line was refused with
 * "rate required".
 */
class StoredTaxesTest {
    private final Invoicing invoicing = Fixtures.invoicing();
    private final EntityDocuments docs = invoicing.entity(Fixtures.entityA());

    private static DocumentRequest byTaxId(String taxId) {
        return InvoicingJson.readRequest("{\"items\":[{\"name\":\"Consulting\",\"quantity\":2,\"price\":100,"
                + "\"taxes\":[{\"tax_id\":\"" + taxId + "\"}]}]}", DocumentType.INVOICE);
    }

    @Test
    void create_lineTaxGivenOnlyByTaxId_takesTheStoredRateNameAndFlag() {
        StoredTax ddv = docs.taxes().create("DDV 9,5 %", new BigDecimal("9.5"), StoredTax.Category.REDUCED, false);
        assertThat(ddv.id()).matches("tax_[0-9a-f]{24}");
        Document d = docs.create(byTaxId(ddv.id()));
        LineTax tax = d.items().get(0).taxes().get(0);
        assertThat(tax.rate()).isEqualByComparingTo("9.5");
        assertThat(tax.taxId()).isEqualTo(ddv.id());
        assertThat(tax.name()).isEqualTo("DDV 9,5 %");
        assertThat(d.total()).isEqualByComparingTo("200.00");
        assertThat(d.totalWithTax()).isEqualByComparingTo("219.00");
    }

    @Test
    void create_storedReverseChargeTax_reverseChargesTheLine() {
        StoredTax rc = docs.taxes().create("VAT reverse charge", new BigDecimal("22"), StoredTax.Category.STANDARD,
                true);
        Document d = docs.create(DocumentRequest.of(DocumentDraft.builder(DocumentType.INVOICE).taxClause("RC")
                .item(LineItem.builder().name("Work").quantity("1").price("100").taxes(List.of(LineTax.ofTaxId(
                        rc.id()))).build()).build()));
        assertThat(d.totalWithTax()).isEqualByComparingTo("100.00");
        assertThat(d.taxes().get(0).isReverseCharge()).isTrue();
    }

    @Test
    void create_givenRateWinsAndIsNotLookedUp() {
        // The reference's examples give both: "rate": 22, "tax_id": "tax_6595a27b5d35015c3ef0c402".
        Document d = docs.create(InvoicingJson.readRequest("{\"items\":[{\"name\":\"A\",\"quantity\":1,\"price\":10,"
                + "\"taxes\":[{\"rate\":22,\"tax_id\":\"tax_6595a27b5d35015c3ef0c402\"}]}]}", DocumentType.INVOICE));
        assertThat(d.items().get(0).taxes().get(0).rate()).isEqualByComparingTo("22");
        assertThat(d.items().get(0).taxes().get(0).taxId()).isEqualTo("tax_6595a27b5d35015c3ef0c402");
    }

    @Test
    void create_unknownOrOtherEntitysTaxId_isRefusedAtItsPathAndNothingStored() {
        StoredTax foreign = invoicing.entity(Fixtures.entityB()).taxes().create("USt 20 %", new BigDecimal("20"),
                StoredTax.Category.STANDARD, false);
        DocumentRequest request = InvoicingJson.readRequest("{\"items\":[{\"name\":\"A\",\"quantity\":1,\"price\":10,"
                + "\"taxes\":[{\"tax_id\":\"tax_000000000000000000000000\"}]},{\"name\":\"B\",\"quantity\":1,"
                + "\"price\":10,\"taxes\":[{\"tax_id\":\"" + foreign.id() + "\"}]}]}", DocumentType.INVOICE);
        assertThatThrownBy(() -> docs.create(request)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::path, Violation::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("items[0].taxes[0].tax_id", "not_found"),
                        org.assertj.core.groups.Tuple.tuple("items[1].taxes[0].tax_id", "not_found")));
        assertThat(docs.list(DocumentType.INVOICE, DocumentQuery.all()).data()).isEmpty();
        assertThatThrownBy(() -> docs.taxes().get(foreign.id())).isInstanceOf(NotFoundException.class);
        assertThat(docs.taxes().list()).isEmpty();
    }

    @Test
    void update_itemsByTaxId_resolveToo_andALaterChangeOfTheTaxLeavesTheDocument() {
        StoredTax t = docs.taxes().create("DDV", new BigDecimal("22"), StoredTax.Category.STANDARD, false);
        Document d = docs.create(Fixtures.draft(DocumentType.INVOICE));
        Document after = docs.update(d.id(), DocumentPatch.builder().items(List.of(LineItem.builder().name("X")
                .quantity("1").price("50").taxes(List.of(LineTax.ofTaxId(t.id()))).build())).build());
        assertThat(after.totalWithTax()).isEqualByComparingTo("61.00");
        docs.taxes().update(t.id(), "DDV", new BigDecimal("9.5"), StoredTax.Category.REDUCED, false);
        assertThat(docs.get(d.id()).totalWithTax()).isEqualByComparingTo("61.00");
        assertThat(docs.taxes().get(t.id()).rate()).isEqualByComparingTo("9.5");
    }

    @Test
    void create_badStoredTaxValues_areRefusedNamingEveryField() {
        assertThatThrownBy(() -> docs.taxes().create(" ", new BigDecimal("101"), null, false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("name", "rate", "category"));
        assertThat(docs.taxes().list()).isEmpty();
    }

    @Test
    void engineAlone_refusesAnUnresolvedTaxWithAClearMessage() {
        Document draft = Document.builder(DocumentType.INVOICE).item(LineItem.builder().name("A").quantity("1")
                .price("1").taxes(List.of(LineTax.ofTaxId("tax_1"))).build()).build();
        assertThatThrownBy(() -> CalculationEngine.withDefaults().calculate(draft, Fixtures.entityA()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::path).containsExactly("items[0].taxes[0].rate");
                    assertThat(e.violations().get(0).message()).contains("tax_1", "TaxStore");
                });
    }

    @Test
    void readDocument_storedDocumentStillNeedsItsRates() {
        assertThatThrownBy(() -> InvoicingJson.readDocument("{\"id\":\"inv_000000000000000000000001\",\"items\":[{"
                + "\"name\":\"A\",\"quantity\":1,\"price\":1,\"taxes\":[{\"tax_id\":\"tax_1\"}]}]}"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("items[0].taxes[0].rate"));
    }

    @Test
    void hostTaxStore_answeringAnotherEntitysTax_isTheHostsFault() {
        TaxStore lying = new TaxStore() {
            @Override
            public Optional<StoredTax> find(String entityId, String taxId) {
                return Optional.of(new StoredTax(taxId, "ent_somebody_else", "X", BigDecimal.TEN,
                        StoredTax.Category.STANDARD, false));
            }

            @Override
            public List<StoredTax> list(String entityId) {
                return List.of();
            }

            @Override
            public void save(StoredTax tax) {
            }
        };
        EntityDocuments host = Invoicing.builder().clock(Fixtures.clock()).taxes(lying).build()
                .entity(Fixtures.entityA());
        assertThatThrownBy(() -> host.create(byTaxId("tax_000000000000000000000001")))
                .isInstanceOf(SpiException.class).hasMessageContaining("TaxStore.find");
    }
}
