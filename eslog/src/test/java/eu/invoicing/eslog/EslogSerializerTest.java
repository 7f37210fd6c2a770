package eu.invoicing.eslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.eslog.internal.parse.SecureXmlParser;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EslogSerializerTest {

    private final EslogSerializer serializer = new EslogSerializer();

    static List<Violation> xsd(byte[] xml) {
        return XsdValidation.validate(SharedStandards.schema(), new ByteArrayInputStream(xml), null,
                SecureXmlParser.DEFAULT_MAX_TEXT_CHARS);
    }

    @Test
    void toBytes_handPickedDocuments_validAgainstOfficialXsd() {
        for (Document d : List.of(TestCorpus.domesticInvoice(), TestCorpus.reverseChargeInvoice(), TestCorpus.creditNote(),
                TestCorpus.foreignInvoiceWithAdvance(), TestCorpus.fiscalizedInvoice(), TestCorpus.estimate(),
                TestCorpus.advanceInvoice())) {
            byte[] xml = serializer.toBytes(d, TestCorpus.context());
            assertThat(xsd(xml)).as(d.number()).isEmpty();
        }
    }

    @Test
    void toBytes_generatedCorpusOf240_everyXmlValidAgainstOfficialXsd() {
        LongStream.range(0, 240).forEach(seed -> {
            Document d = TestCorpus.generated(seed);
            byte[] xml = serializer.toBytes(d, TestCorpus.context());
            assertThat(xsd(xml)).as("seed %d: %s", seed, new String(xml)).isEmpty();
        });
    }

    @Test
    void generatedCorpus_coversEveryFeatureTheIssueNames() {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        LongStream.range(0, 240).forEach(seed -> {
            Document d = TestCorpus.generated(seed);
            String xml = serializer.toXml(d, TestCorpus.context());
            seen.add("kind:" + d.type());
            for (String rate : List.of("22", "9.5", "5", "0")) {
                if (xml.contains("<D_5278>" + rate + "</D_5278>")) {
                    seen.add("rate:" + rate);
                }
            }
            for (String marker : List.of("<D_5305>AE</D_5305>", "<D_5305>E</D_5305>", "<D_5305>G</D_5305>",
                    "<D_6347>6</D_6347>", "<D_5025>113</D_5025>", "<D_5025>204</D_5025>", "<G_SG16>",
                    "<D_4440_5>", "<D_4451>AGM</D_4451>", "č", "š", "ž")) {
                if (xml.contains(marker)) {
                    seen.add(marker);
                }
            }
        });
        assertThat(seen).contains("kind:INVOICE", "kind:CREDIT_NOTE", "kind:ADVANCE_INVOICE", "kind:ESTIMATE",
                "rate:22", "rate:9.5", "rate:5", "rate:0", "<D_5305>AE</D_5305>", "<D_5305>E</D_5305>",
                "<D_5305>G</D_5305>", "<D_6347>6</D_6347>", "<D_5025>113</D_5025>", "<D_5025>204</D_5025>",
                "<G_SG16>", "<D_4440_5>", "<D_4451>AGM</D_4451>", "č", "š", "ž");
    }

    @Test
    void toXml_domesticInvoice_amountsWithTwoDecimalsAndDot() {
        String xml = serializer.toXml(TestCorpus.domesticInvoice(), TestCorpus.context());
        assertThat(xml).contains("<D_5025>79</D_5025>").contains("<D_5004>327.70</D_5004>")
                .doesNotContain("<D_5004>327.7</D_5004>").doesNotContain("></");
    }

    /** The (qualifier, value) of every document-level RFF in G_SG1, in order. */
    static List<String> documentReferences(String xml) {
        List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<G_SG1>\\s*<S_RFF>\\s*<C_C506>\\s*<D_1153>([^<]*)</D_1153>\\s*<D_1154>([^<]*)</D_1154>").matcher(xml);
        while (m.find()) {
            out.add(m.group(1) + " " + m.group(2));
        }
        return out;
    }

    @Test
    void toXml_creditNoteCreatedFromInvoice_creditedInvoiceOnlyAsPrecedingInvoiceNeverAsOrder() {
        eu.invoicing.core.lifecycle.EntityDocuments docs = eu.invoicing.core.lifecycle.Invoicing.inMemory()
                .entity(TestCorpus.entity());
        Document draft = docs.create(DocumentDraft.builder(DocumentType.INVOICE).date(TestCorpus.DAY)
                .customer(TestCorpus.domesticCustomer()).item(TestCorpus.line("Svetovanje", "2", "50", "HUR", "22"))
                .build());
        String number = docs.finalizeDocument(draft.id()).number();
        Document credit = docs.finalizeDocument(docs.createCreditNote(draft.id(), null, true).id());
        assertThat(credit.reference()).isEqualTo(number);

        List<String> references = documentReferences(serializer.toXml(credit, TestCorpus.context()));

        assertThat(references).contains("OI " + number).noneMatch(r -> r.startsWith("ON "))
                .filteredOn(r -> r.endsWith(" " + number)).hasSize(1);
    }

    @Test
    void toXml_creditNoteWithPrecedingInvoiceInContext_referenceNotWrittenAsOrder() {
        Document credit = TestCorpus.creditNote();
        EslogContext context = TestCorpus.context().withPrecedingInvoice(
                new EslogContext.PrecedingInvoice("2026-00042", TestCorpus.DAY.minusDays(10)));

        assertThat(documentReferences(serializer.toXml(credit, context)))
                .containsExactly("OI 2026-00042").noneMatch(r -> r.startsWith("ON "));
    }

    @Test
    void toXml_creditNoteWhoseReferenceDiffersFromCreditedInvoice_bothAsPrecedingInvoices() {
        Document credit = TestCorpus.creditNote();
        EslogContext context = TestCorpus.context().withPrecedingInvoice(
                new EslogContext.PrecedingInvoice("2026-00041", null));

        assertThat(documentReferences(serializer.toXml(credit, context)))
                .startsWith("OI 2026-00041", "OI 2026-00042").noneMatch(r -> r.startsWith("ON "));
    }

    @Test
    void toXml_invoiceWithReference_purchaseOrderReference() {
        Document invoice = TestCorpus.calculate(TestCorpus.domesticInvoice().toBuilder().reference("PO-4711").build());

        assertThat(documentReferences(serializer.toXml(invoice, TestCorpus.context()))).contains("ON PO-4711")
                .noneMatch(r -> r.startsWith("OI "));
    }

    @Test
    void toXml_sameRateLinesWithAndWithoutTaxId_oneVatBreakdownAndNoRoundingAllowance() {
        Document d = TestCorpus.calculate(Document.builder(DocumentType.INVOICE).number("2026-00043").date(TestCorpus.DAY)
                .customer(TestCorpus.domesticCustomer())
                .item(TestCorpus.line("Vizitka", "1", "0.03", "C62", "22"))
                .item(TestCorpus.line("Vizitka", "1", "0.03", "C62", "22").toBuilder()
                        .taxes(List.of(new LineTax(new BigDecimal("22"), "tax_standard", null, null, null, null))).build())
                .build());
        String xml = serializer.toXml(d, TestCorpus.context());
        assertThat(xml.split("<G_SG52>", -1)).hasSize(2);
        assertThat(xml).doesNotContain("<G_SG16>");
        assertThat(xsd(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void toBytes_deliveryNote_refused() {
        Document note = TestCorpus.calculate(Document.builder(DocumentType.DELIVERY_NOTE).number("DEL-1")
                .date(TestCorpus.DAY).customer(TestCorpus.domesticCustomer())
                .item(TestCorpus.line("x", "1", "1", "C62", "22")).build());
        assertThatThrownBy(() -> serializer.toBytes(note, TestCorpus.context()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("type");
    }

    @Test
    void toBytes_uncalculatedDraft_refusedWithPath() {
        Document draft = Document.builder(DocumentType.INVOICE).number("1").date(TestCorpus.DAY).currencyCode("EUR")
                .item(TestCorpus.line("x", "1", "1", "C62", "22")).build();
        assertThatThrownBy(() -> serializer.toBytes(draft, TestCorpus.context()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(Violation::code)
                        .contains("not_calculated"));
    }

    @Test
    void toBytes_nullArguments_npeNamingParameter() {
        assertThatThrownBy(() -> serializer.toBytes(null, EslogContext.NONE)).hasMessage("document");
        assertThatThrownBy(() -> serializer.toBytes(TestCorpus.estimate(), null)).hasMessage("context");
    }
}
