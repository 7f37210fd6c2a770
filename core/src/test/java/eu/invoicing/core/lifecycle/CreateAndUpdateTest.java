package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.memory.InMemoryCustomerDirectory;
import eu.invoicing.core.model.CreationSource;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentField;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.Estimate;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.PaymentType;
import eu.invoicing.core.version.DocumentVersion;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Creation defaults, customers, PATCH semantics, custom totals, previews. */
class CreateAndUpdateTest {
    private final Invoicing invoicing = Fixtures.invoicing();
    private final EntityDocuments docs = invoicing.entity(Fixtures.entityA());

    @Test
    void create_appliesDefaultsFromClockAndEntity() {
        EntitySettings settings = EntitySettings.builder().defaultNote(DocumentType.INVOICE, "Thank you")
                .defaultPaymentTerms("Pay within 14 days").defaultDueDays(14).deliveryNoteHidePrices(true).build();
        EntityDocuments custom = invoicing.entity(Fixtures.entityA().withSettings(settings));
        Document inv = custom.create(Fixtures.draft(DocumentType.INVOICE));
        assertThat(inv.date()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(inv.dateDue()).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(inv.note()).isEqualTo("Thank you");
        assertThat(inv.paymentTerms()).isEqualTo("Pay within 14 days");
        assertThat(inv.issuer().name()).isEqualTo("Primer d.o.o.");
        assertThat(inv.createdAt()).isEqualTo(Fixtures.NOW);
        assertThat(inv.items()).allSatisfy(i -> assertThat(i.id()).startsWith("item_"));
        Estimate est = (Estimate) custom.create(Fixtures.draft(DocumentType.ESTIMATE));
        assertThat(est.dateValidTill()).isEqualTo(LocalDate.of(2026, 4, 14));
        assertThat(est.dateDue()).isNull();
        assertThat(((eu.invoicing.core.model.DeliveryNote) custom.create(Fixtures.draft(DocumentType.DELIVERY_NOTE)))
                .hidePrices()).isTrue();
    }

    @Test
    void create_issuerIsASnapshotUnaffectedByLaterEntityChanges() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        var renamed = new eu.invoicing.core.model.Entity(Fixtures.entityA().id(), "Renamed d.o.o.", null, null,
                null, null, null, null, "SI", "SI12345678", null, true, "EUR", null, null, null, null, null, null);
        assertThat(invoicing.entity(renamed).get(d.id()).issuer().name()).isEqualTo("Primer d.o.o.");
    }

    @Test
    void create_inlineCustomer_isMatchedByTaxNumberThenName() {
        InMemoryCustomerDirectory dir = (InMemoryCustomerDirectory) invoicing.customers();
        String byTax = dir.add(Fixtures.entityA().id(), Party.builder().name("Acme").taxNumber("SI 1111 1111")
                .build()).id();
        String byName = dir.add(Fixtures.entityA().id(), Party.named("Beta")).id();
        Document a = docs.create(DocumentDraft.builder(DocumentType.INVOICE).customer(Party.builder().name("ACME Ltd")
                .taxNumber("si11111111").build()).item(Fixtures.item("x", "1")).build());
        Document b = docs.create(DocumentDraft.builder(DocumentType.INVOICE).customer(Party.named("Beta"))
                .item(Fixtures.item("x", "1")).build());
        Document c = docs.create(DocumentDraft.builder(DocumentType.INVOICE).customer(Party.named("beta"))
                .item(Fixtures.item("x", "1")).build());
        assertThat(a.customerId()).isEqualTo(byTax);
        assertThat(a.customer().name()).isEqualTo("ACME Ltd");
        assertThat(b.customerId()).isEqualTo(byName);
        assertThat(c.customerId()).isNull();
    }

    @Test
    void update_customerId_takesTheDirectorySnapshotAndCustomerAloneRematches() {
        InMemoryCustomerDirectory dir = (InMemoryCustomerDirectory) invoicing.customers();
        String acme = dir.add(Fixtures.entityA().id(), Party.builder().name("Acme").city("Koper").build()).id();
        Document d = docs.create(Fixtures.draftFor(DocumentType.INVOICE, "Walk-in", "10"));
        assertThat(d.customerId()).isNull();
        Document linked = docs.update(d.id(), DocumentPatch.builder().set(DocumentField.CUSTOMER_ID, acme)
                .build());
        assertThat(linked.customer().city()).isEqualTo("Koper");
        Document renamed = docs.update(d.id(), DocumentPatch.builder().customer(Party.named("Someone else")).build());
        assertThat(renamed.customerId()).isNull();
        Document cleared = docs.update(d.id(), DocumentPatch.builder().customer(null).build());
        assertThat(cleared.customer()).isNull();
        assertThat(docs.versions(d.id()).count()).isEqualTo(3);
    }

    @Test
    void create_withPayments_assignsIdsAndComputesDue() {
        Document d = docs.create(DocumentDraft.builder(DocumentType.INVOICE).item(Fixtures.item("x", "100"))
                .payments(List.of(new Payment(null, null, new BigDecimal("22.00"), PaymentType.CASH, null, null, null,
                        null, null, null))).build());
        assertThat(d.payments().get(0).id()).startsWith("pay_");
        assertThat(d.payments().get(0).documentId()).isEqualTo(d.id());
        assertThat(d.totalDue()).isEqualByComparingTo("100.00");
    }

    @Test
    void create_withTooMuchMetadata_isRefusedByTheSharedLimits() {
        Map<String, String> meta = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            meta.put("k" + i, "v");
        }
        DocumentDraft draft = DocumentDraft.builder(DocumentType.INVOICE).metadata(meta).item(Fixtures.item("x", "1")).build();
        assertThatThrownBy(() -> docs.create(draft)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("metadata");
        DocumentDraft longKey = DocumentDraft.builder(DocumentType.INVOICE).metadata(Map.of("k".repeat(41), "v"))
                .item(Fixtures.item("x", "1")).build();
        assertThatThrownBy(() -> docs.create(longKey)).isInstanceOf(ValidationException.class);
    }

    @Test
    void update_absentFieldsUntouchedExplicitNullClears() {
        Document d = docs.create(DocumentDraft.builder(DocumentType.INVOICE).note("keep").reference("R1")
                .item(Fixtures.item("x", "1")).build());
        DocumentDraft values = DocumentDraft.builder(DocumentType.INVOICE).build();
        Document after = docs.update(d.id(), DocumentPatch.of(values, Set.of("reference"), "clear ref"));
        assertThat(after.note()).isEqualTo("keep");
        assertThat(after.reference()).isNull();
        DocumentVersion v = docs.version(d.id(), 1);
        assertThat(v.changedFields()).containsExactly("reference");
        assertThat(v.snapshot().reference()).isEqualTo("R1");
        assertThat(v.reason()).isEqualTo("clear ref");
    }

    @Test
    void update_items_replacesAllAndRecalculates() {
        Document d = docs.create(Fixtures.draft(DocumentType.INVOICE));
        List<LineItem> items = List.of(Fixtures.item("A", "10"), Fixtures.item("B", "20"));
        Document after = docs.update(d.id(), DocumentPatch.builder().items(items).build());
        assertThat(after.items()).extracting(LineItem::name).containsExactly("A", "B");
        assertThat(after.total()).isEqualByComparingTo("30.00");
        assertThat(after.totalWithTax()).isEqualByComparingTo("36.60");
        // The reference lists what the update changed, not what follows from it (ReferenceFidelityTest).
        assertThat(docs.versions(d.id()).versions().get(0).changedFields()).containsExactly("items");
    }

    @Test
    void update_withNothingChanged_recordsNoVersion() {
        Document d = docs.create(DocumentDraft.builder(DocumentType.INVOICE).note("same").item(Fixtures.item("x", "1"))
                .build());
        docs.update(d.id(), DocumentPatch.builder().note("same").build());
        assertThat(docs.versions(d.id()).count()).isZero();
    }

    @Test
    void update_withNotUpdatableField_isAValidationError() {
        assertThatThrownBy(() -> DocumentPatch.of(DocumentDraft.builder(DocumentType.INVOICE).build(), Set.of("number"),
                null)).isInstanceOf(ValidationException.class).hasMessageContaining("number");
    }

    @Test
    void update_invalidItems_leavesDocumentAndVersionsUnchanged() {
        Document d = docs.create(Fixtures.draft(DocumentType.INVOICE));
        assertThatThrownBy(() -> docs.update(d.id(), DocumentPatch.builder().items(List.of()).build()))
                .isInstanceOf(ValidationException.class);
        assertThat(docs.get(d.id())).isEqualTo(d);
        assertThat(docs.versions(d.id()).count()).isZero();
    }

    @Test
    void versions_areListedNewestFirstWithCount() {
        Document d = docs.create(Fixtures.draft(DocumentType.INVOICE));
        docs.update(d.id(), DocumentPatch.builder().note("one").build());
        docs.update(d.id(), DocumentPatch.builder().note("two").build());
        VersionList list = docs.versions(d.id());
        assertThat(list.count()).isEqualTo(2);
        assertThat(list.versions()).extracting(DocumentVersion::version).containsExactly(2, 1);
        assertThat(list.versions().get(0).snapshot().note()).isEqualTo("one");
        assertThat(list.versions().get(0).id()).startsWith("ver_");
        assertThat(list.versions()).extracting(DocumentVersion::documentId).containsOnly(d.id());
        assertThat(d.items()).extracting(LineItem::documentId).containsOnly(d.id());
        assertThatThrownBy(() -> docs.version(d.id(), 3)).isInstanceOf(eu.invoicing.core.NotFoundException.class);
    }

    @Test
    void createCustom_acceptsGivenTotals() {
        DocumentDraft draft = DocumentDraft.builder(DocumentType.CREDIT_NOTE).total(new BigDecimal("850"))
                .totalWithTax(new BigDecimal("850")).item(LineItem.builder().name("Return").quantity("1").price("850")
                        .total(new BigDecimal("850")).totalWithTax(new BigDecimal("850")).build()).build();
        Document d = docs.createCustom(DocumentRequest.of(draft));
        assertThat(d.creationSource()).isEqualTo(CreationSource.CUSTOM);
        assertThat(d.totalWithTax()).isEqualByComparingTo("850");
    }

    @Test
    void calculate_previewsWithoutStoring() {
        Document preview = docs.calculate(DocumentRequest.of(Fixtures.draft(DocumentType.INVOICE)));
        assertThat(preview.totalWithTax()).isEqualByComparingTo("122.00");
        assertThat(preview.id()).isNull();
        assertThat(docs.list(DocumentType.INVOICE, eu.invoicing.core.query.DocumentQuery.all()).total()).isZero();
    }

    @Test
    void nextNumber_previewDoesNotConsumeAndMatchesTheNextFinalize() {
        assertThat(docs.nextNumber(DocumentType.INVOICE, null, null, null).number()).isEqualTo("2026-00001");
        assertThat(docs.nextNumber(DocumentType.INVOICE, null, null, null).number()).isEqualTo("2026-00001");
        assertThat(docs.create(Fixtures.finalDoc(DocumentType.INVOICE)).number()).isEqualTo("2026-00001");
        assertThat(docs.nextNumber(DocumentType.INVOICE, null, null, null).number()).isEqualTo("2026-00002");
        assertThat(docs.nextNumber(DocumentType.ESTIMATE, null, null, null).number()).isEqualTo("2026-00001");
    }

    @Test
    void finalize_withBusinessUnitFormat_numbersPerUnit() {
        EntitySettings settings = EntitySettings.builder().numberFormat(DocumentType.INVOICE, "{uu}-{yy}/{nnn}")
                .build();
        EntityDocuments units = invoicing.entity(Fixtures.entityA().withSettings(settings));
        Document a = units.create(Fixtures.draft(DocumentType.INVOICE));
        Document b = units.create(Fixtures.draft(DocumentType.INVOICE));
        Document c = units.create(Fixtures.draft(DocumentType.INVOICE));
        assertThat(units.finalizeDocument(a.id(), new FinalizeOptions(null, null, "LJ")).number())
                .isEqualTo("LJ-26/001");
        assertThat(units.finalizeDocument(b.id(), new FinalizeOptions(null, null, "7")).number())
                .isEqualTo("07-26/001");
        assertThatThrownBy(() -> units.finalizeDocument(c.id())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("business_unit");
        assertThat(units.get(c.id()).isDraft()).isTrue();
    }

    @Test
    void finalize_startingNumber_movesForwardOnly() {
        Document first = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        EntitySettings jump = EntitySettings.builder().numberSequenceStart(DocumentType.INVOICE, 100L).build();
        EntityDocuments jumped = invoicing.entity(Fixtures.entityA().withSettings(jump));
        assertThat(jumped.create(Fixtures.finalDoc(DocumentType.INVOICE)).number()).isEqualTo("2026-00100");
        EntitySettings back = EntitySettings.builder().numberSequenceStart(DocumentType.INVOICE, 5L).build();
        assertThat(invoicing.entity(Fixtures.entityA().withSettings(back)).create(Fixtures.finalDoc(
                DocumentType.INVOICE)).number()).isEqualTo("2026-00101");
        assertThat(docs.get(first.id()).number()).isEqualTo("2026-00001");
    }

    @Test
    void finalize_yearlyRestart_byDocumentDate() {
        Document y25 = docs.create(DocumentDraft.builder(DocumentType.INVOICE).date(LocalDate.of(2025, 12, 31))
                .item(Fixtures.item("x", "1")).draft(false).build());
        Document y26 = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        Document y25b = docs.create(DocumentDraft.builder(DocumentType.INVOICE).date(LocalDate.of(2025, 6, 1))
                .item(Fixtures.item("x", "1")).draft(false).build());
        assertThat(y25.number()).isEqualTo("2025-00001");
        assertThat(y25.dateYear()).isEqualTo(2025);
        assertThat(y26.number()).isEqualTo("2026-00001");
        assertThat(y25b.number()).isEqualTo("2025-00002");
    }
}
