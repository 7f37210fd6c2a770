package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.DocumentStateException;
import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.CalculationMode;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentField;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.TitleType;
import eu.invoicing.core.version.DocumentVersion;
import eu.invoicing.core.version.TimelineEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing updates: any patch (values of the right type, of the wrong type, absurd ones) on a document in any
 * state either applies or fails with a validation, state or not-found error, and a failure changes nothing.
 */
class PatchFuzzProperties {
    private static final Object[] VALUES = values();

    private static Object[] values() {
        Map<Object, Object> badMeta = new HashMap<>();
        badMeta.put(null, "x");
        Map<String, Object> intMeta = new HashMap<>();
        intMeta.put("k", 1);
        Map<String, String> longMeta = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            longMeta.put("key" + i, "v".repeat(i * 10));
        }
        return new Object[] {null, "text", "", "x".repeat(10_000), "2026-01-01", 42, new BigDecimal("-1"),
            LocalDate.of(2026, 1, 1), LocalDate.MIN, LocalDate.MAX, true, TitleType.PROFORMA_INVOICE,
            CalculationMode.B2C_GROSS_DISCOUNT, Party.named("Acme"), Party.named(null),
            new ExchangeRate(new BigDecimal("-3"), null, null, "GBP"), new ExchangeRate(BigDecimal.ONE, null, null,
                    "USD"),
            List.of(), List.of("x"), Arrays.asList(Fixtures.item("a", "1"), null),
            List.of(Fixtures.item("a", "1")), List.of(LineItem.builder().name("neg").quantity("-1").price("1e30")
                    .tax("150").build()), List.of(LineItem.builder().build()),
            Map.of(), Map.of("erp", "1"), badMeta, intMeta, longMeta, Map.of("", "x"),
            "EUR", "XYZ", "eur", new Object()};
    }

    @Provide
    Arbitrary<Map<DocumentField, Object>> patches() {
        return Arbitraries.maps(Arbitraries.of(DocumentField.class),
                Arbitraries.integers().between(0, VALUES.length - 1).map(i -> VALUES[i])).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> states() {
        return Arbitraries.of("draft", "final", "voided", "trashed", "estimate", "delivery", "credit", "missing");
    }

    @Property(tries = 500)
    void update_withAnyPatch_appliesOrFailsCleanly(@ForAll("patches") Map<DocumentField, Object> patch,
            @ForAll("states") String state) {
        EntityDocuments docs = Fixtures.invoicing().entity(Fixtures.entityA());
        Document d = switch (state) {
            case "final" -> docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
            case "voided" -> docs.voidDocument(docs.create(Fixtures.finalDoc(DocumentType.INVOICE)).id(), "x", null);
            case "trashed" -> docs.delete(docs.create(Fixtures.draft(DocumentType.INVOICE)).id());
            case "estimate" -> docs.create(Fixtures.draft(DocumentType.ESTIMATE));
            case "delivery" -> docs.create(Fixtures.finalDoc(DocumentType.DELIVERY_NOTE));
            case "credit" -> docs.createCreditNote(docs.create(Fixtures.finalDoc(DocumentType.INVOICE)).id(), null,
                    false);
            default -> docs.create(Fixtures.draft(DocumentType.INVOICE));
        };
        boolean missing = state.equals("missing");
        List<TimelineEvent> timeline = docs.timeline(d.id());
        VersionList versions = docs.versions(d.id());
        try {
            DocumentPatch.Builder b = DocumentPatch.builder().changeReason("fuzz");
            patch.forEach(b::set);
            docs.update(missing ? new eu.invoicing.core.model.DocumentId(DocumentType.INVOICE,
                    "inv_ffffffffffffffffffffffff") : d.id(), b.build());
        } catch (ValidationException | DocumentStateException | NotFoundException e) {
            assertThat(docs.get(d.id())).isEqualTo(d);
            assertThat(docs.timeline(d.id())).isEqualTo(timeline);
            assertThat(docs.versions(d.id())).isEqualTo(versions);
            return;
        }
        List<DocumentVersion> after = docs.versions(d.id()).versions();
        assertThat(after.size()).isBetween(versions.versions().size(), versions.versions().size() + 1);
    }

    @Property(tries = 200)
    void patchOf_withAnyPresentNames_buildsOrIsAValidationError(@ForAll("names") List<String> present) {
        DocumentDraft values = Fixtures.draft(DocumentType.INVOICE);
        try {
            DocumentPatch p = DocumentPatch.of(values, present, "r");
            assertThat(p.fields()).hasSizeLessThanOrEqualTo(present.size());
        } catch (ValidationException e) {
            assertThat(e.violations()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<List<String>> names() {
        List<String> all = new ArrayList<>();
        for (DocumentField f : DocumentField.patchable()) {
            all.add(f.wireName());
        }
        all.addAll(List.of("number", "furs", "id", "change_reason", "", "x".repeat(300)));
        return Arbitraries.of(all).list().ofMaxSize(6);
    }
}
