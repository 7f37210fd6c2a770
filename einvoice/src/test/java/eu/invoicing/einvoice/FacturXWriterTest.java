package eu.invoicing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.rendering.RenderOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mustangproject.validator.ZUGFeRDValidator;

class FacturXWriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);
    private static final FacturXWriter WRITER = FacturXWriter.create(CLOCK);

    static Stream<Arguments> samples() {
        return Samples.all().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static byte[] facturX(String name, Document doc) {
        return WRITER.write(doc, Samples.entity(), RenderOptions.defaults(), Samples.options(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void write_sample_isPdfA3bByVeraPdf(String name, Supplier<Document> doc) throws Exception {
        byte[] pdf = facturX(name, doc.get());
        assertThat(VeraPdf.failures(pdf)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void write_sample_acceptedByMustangValidator(String name, Supplier<Document> doc, @TempDir Path dir) throws IOException {
        Path file = dir.resolve(name + ".pdf");
        Files.write(file, facturX(name, doc.get()));
        ZUGFeRDValidator mustang = new ZUGFeRDValidator();
        String report = mustang.validate(file.toString());
        assertThat(mustang.wasCompletelyValid()).as(report).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void write_sample_embedsTheCiiThatPassesEveryFatalRuleAndReadsBack(String name, Supplier<Document> doc) {
        Document document = doc.get();
        byte[] pdf = facturX(name, document);
        byte[] cii = new EInvoiceWriter().write(document, Samples.entity(), Format.CII, Samples.options(name));

        assertThat(FacturXWriter.extractXml(pdf)).isEqualTo(cii);
        ValidationResult result = SharedValidator.get().validate(pdf, Profile.EN16931);
        assertThat(result.syntax()).isEqualTo(Syntax.CII);
        assertThat(result.failures()).filteredOn(f -> f.flag() == Flag.FATAL).isEmpty();

        ImportResult fromPdf = new EInvoiceReader().read(pdf);
        ImportResult fromXml = new EInvoiceReader().read(cii);
        assertThat(fromPdf.document()).isEqualTo(fromXml.document());
        assertThat(fromPdf.document().number()).isEqualTo(document.number());
        assertThat(fromPdf.differences()).isEqualTo(fromXml.differences());
    }

    @Test
    void write_sameClock_sameBytes() {
        Document doc = Samples.domesticInvoice();
        assertThat(facturX("invoice-domestic", doc)).isEqualTo(facturX("invoice-domestic", doc));
    }

    @Test
    void write_catalogCarriesAssociatedFileOutputIntentAndXmp() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(facturX("invoice-domestic", Samples.domesticInvoice()))) {
            PDDocumentCatalog catalog = pdf.getDocumentCatalog();
            COSArray af = (COSArray) catalog.getCOSObject().getDictionaryObject(COSName.AF);
            COSDictionary spec = (COSDictionary) af.getObject(0);
            assertThat(spec.getNameAsString(COSName.getPDFName("AFRelationship"))).isEqualTo("Alternative");
            assertThat(spec.getString(COSName.UF)).isEqualTo("factur-x.xml");
            assertThat(catalog.getNames().getEmbeddedFiles().getNames()).containsOnlyKeys("factur-x.xml");
            assertThat(catalog.getOutputIntents()).singleElement()
                    .satisfies(i -> assertThat(i.getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1"));
            String xmp;
            try (var in = catalog.getMetadata().exportXMPMetadata()) {
                xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(xmp).contains("<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
                    "<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>", "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>",
                    "<fx:DocumentType>INVOICE</fx:DocumentType>", "<xmp:CreateDate>2026-03-02T09:30:00Z</xmp:CreateDate>");
        }
    }

    @Test
    void write_documentEn16931CannotCarry_refusedBeforeRendering() {
        Document noCustomer = Samples.ENGINE.calculate(Document.builder(DocumentType.INVOICE).number("1").date(Samples.DAY)
                .item(Samples.line("A", "1", "10", "HUR", "22")).build(), Samples.entity());
        assertThatThrownBy(() -> WRITER.write(noCustomer, Samples.entity(), RenderOptions.defaults(), EInvoiceOptions.none()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v.path()).isEqualTo("customer")));
    }

    @Test
    void extractXml_plainPdf_refusedAtPdf() {
        byte[] plain = eu.invoicing.rendering.PdfRenderer.create(CLOCK).render(Samples.domesticInvoice(), Samples.entity());
        assertThatThrownBy(() -> FacturXWriter.extractXml(plain))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v.code()).isEqualTo("no_einvoice")));
        assertThat(SharedValidator.get().validate(plain, Profile.EN16931).failures())
                .anySatisfy(f -> assertThat(f.id()).isEqualTo("PDF-ATTACHMENT"));
    }
}
