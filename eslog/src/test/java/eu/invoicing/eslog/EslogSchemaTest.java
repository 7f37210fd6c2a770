package eu.invoicing.eslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.Violation;
import eu.invoicing.eslog.internal.parse.SecureXmlParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EslogSchemaTest {

    static Stream<Path> officialAndDerivedFiles() {
        Path dir = SharedStandards.eslogDir();
        return Stream.of(SharedStandards.officialSample(),
                dir.resolve("derived/minimal-invoice-380.xml"),
                dir.resolve("derived/minimal-creditnote-381.xml"));
    }

    private static List<Violation> validate(byte[] xml) {
        return XsdValidation.validate(SharedStandards.schema(), new ByteArrayInputStream(xml), null,
                SecureXmlParser.DEFAULT_MAX_TEXT_CHARS);
    }

    @ParameterizedTest
    @MethodSource("officialAndDerivedFiles")
    void validate_officialSampleAndDerivedFiles_valid(Path file) throws IOException {
        assertThat(validate(Files.readAllBytes(file))).isEmpty();
    }

    @Test
    void load_xsdFilePath_compilesLikeDirectory() {
        EslogSchema schema = EslogSchema.load(SharedStandards.eslogDir().resolve(EslogSchema.XSD_FILE_NAME));
        assertThat(schema.xsdFile().getFileName().toString()).isEqualTo(EslogSchema.XSD_FILE_NAME);
    }

    @Test
    void load_missingDirectory_clearError(@TempDir Path tmp) {
        Path missing = tmp.resolve("nowhere");
        assertThatThrownBy(() -> EslogSchema.load(missing))
                .isInstanceOf(EslogSchemaException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining(EslogSchema.XSD_FILE_NAME);
    }

    @Test
    void load_signatureSchemaMissing_clearError(@TempDir Path tmp) throws IOException {
        Files.copy(SharedStandards.eslogDir().resolve(EslogSchema.XSD_FILE_NAME), tmp.resolve(EslogSchema.XSD_FILE_NAME));
        assertThatThrownBy(() -> EslogSchema.load(tmp))
                .isInstanceOf(EslogSchemaException.class)
                .hasMessageContaining(EslogSchema.DSIG_FILE_NAME);
    }

    @Test
    void load_notASchema_clearError(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve(EslogSchema.XSD_FILE_NAME), "<nope/>");
        Files.copy(SharedStandards.eslogDir().resolve(EslogSchema.DSIG_FILE_NAME), tmp.resolve(EslogSchema.DSIG_FILE_NAME));
        assertThatThrownBy(() -> EslogSchema.load(tmp))
                .isInstanceOf(EslogSchemaException.class)
                .hasMessageContaining("does not compile");
    }

    @Test
    void load_hugeFileInPlaceOfSchema_refusedWithoutReadingIt(@TempDir Path tmp) throws IOException {
        // sparse: 3 GB on paper, nothing on disk; reading it whole would need a 3 GB array
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(tmp.resolve(EslogSchema.XSD_FILE_NAME).toFile(),
                "rw")) {
            f.setLength(3L << 30);
        }
        Files.copy(SharedStandards.eslogDir().resolve(EslogSchema.DSIG_FILE_NAME), tmp.resolve(EslogSchema.DSIG_FILE_NAME));

        assertThatThrownBy(() -> EslogSchema.load(tmp)).isInstanceOf(EslogSchemaException.class)
                .hasMessageContaining("is larger than");
    }

    @Test
    void load_schemaErrorQuotingHugeValue_messageBounded(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve(EslogSchema.XSD_FILE_NAME), "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
                + "<xs:element name=\"not a name " + "n".repeat(1 << 20) + "\"/></xs:schema>");
        Files.copy(SharedStandards.eslogDir().resolve(EslogSchema.DSIG_FILE_NAME), tmp.resolve(EslogSchema.DSIG_FILE_NAME));

        assertThatThrownBy(() -> EslogSchema.load(tmp)).isInstanceOf(EslogSchemaException.class)
                .hasMessageContaining("does not compile")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1000));
    }

    @Test
    void load_nullLocation_npeNamingParameter() {
        assertThatThrownBy(() -> EslogSchema.load(null)).isInstanceOf(NullPointerException.class).hasMessage("location");
    }

    @Test
    void validate_commaDecimalAmount_errorWithPath() throws IOException {
        String xml = Files.readString(SharedStandards.eslogDir().resolve("derived/minimal-invoice-380.xml"))
                .replace("<D_5004>143.90</D_5004>", "<D_5004>143,90</D_5004>");
        List<Violation> errors = validate(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(errors).isNotEmpty();
        assertThat(errors).extracting(Violation::path)
                .contains("/Invoice/M_INVOIC/G_SG50[4]/S_MOA[1]/C_C516/D_5004");
        assertThat(errors).allMatch(v -> v.code().equals("xsd"));
    }

    @Test
    void validate_edifactDate_errorWithPath() throws IOException {
        String xml = Files.readString(SharedStandards.eslogDir().resolve("derived/minimal-invoice-380.xml"))
                .replace("<D_2380>2026-03-02</D_2380>", "<D_2380>20260302</D_2380>");
        assertThat(validate(xml.getBytes(StandardCharsets.UTF_8))).extracting(Violation::path)
                .contains("/Invoice/M_INVOIC/S_DTM[1]/C_C507/D_2380");
    }

    @Test
    void validate_missingNamespace_invalid() throws IOException {
        String xml = Files.readString(SharedStandards.eslogDir().resolve("derived/minimal-invoice-380.xml"))
                .replace(" xmlns=\"urn:eslog:2.00\"", "");
        assertThat(validate(xml.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Test
    void validate_elementOutOfOrder_errorAtOffendingElement() throws IOException {
        String xml = Files.readString(SharedStandards.eslogDir().resolve("derived/minimal-invoice-380.xml"));
        // move the currency group (G_SG7) in front of the parties (G_SG2)
        int sg7Start = xml.indexOf("<G_SG7>");
        int sg7End = xml.indexOf("</G_SG7>") + "</G_SG7>".length();
        String sg7 = xml.substring(sg7Start, sg7End);
        String moved = xml.substring(0, sg7Start) + xml.substring(sg7End);
        moved = moved.replaceFirst("<G_SG2>", sg7 + "<G_SG2>");
        assertThat(validate(moved.getBytes(StandardCharsets.UTF_8))).extracting(Violation::path)
                .anyMatch(p -> p.startsWith("/Invoice/M_INVOIC/G_SG2"));
    }
}
