package eu.invoicing.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.testing.SharedFiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.json.InvoicingJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EslogCommandTest {

    private static final String INVOICE = "{\"number\":\"2026-00001\",\"date\":\"2026-03-02\","
            + "\"customer\":{\"name\":\"Kupec d.o.o.\",\"address\":\"Stara cesta 1\",\"post_code\":\"4000\","
            + "\"city\":\"Kranj\",\"country_code\":\"SI\",\"tax_number\":\"SI87654321\"},"
            + "\"items\":[{\"name\":\"Svetovanje\",\"quantity\":2,\"price\":50,\"unit\":\"HUR\",\"taxes\":[{\"rate\":22}]}]}";

    private static Path xsdDir() {
        return SharedFiles.root().resolve("standards/eslog");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        InputStream original = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            CommandLine cli = InvoicingCli.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            int exit = cli.execute(args);
            return new Run(exit, out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void eslog_validInvoiceJson_xmlOnStdout() {
        Run r = run(INVOICE, "eslog", "--xsd", xsdDir().toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("<Invoice xmlns=\"urn:eslog:2.00\">").contains("<D_1004>2026-00001</D_1004>");
    }

    @Test
    void eslog_invalidDocument_exit2WithErrorsJson() {
        String noUnit = INVOICE.replace(",\"unit\":\"HUR\"", "").replace("\"tax_number\":\"SI87654321\"", "\"email\":\"a@b.si\"");
        Run r = run(noUnit, "eslog", "--xsd", xsdDir().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("{\"errors\":[").contains("\"path\":\"items[0].unit\"")
                .contains("\"path\":\"customer.tax_number\"");
    }

    @Test
    void eslog_withoutXsd_saysSoAndExit2() {
        Run r = run(INVOICE, "eslog");
        if (System.getenv(EslogCommand.XSD_ENV) == null) {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("--xsd").contains(EslogCommand.XSD_ENV);
        }
    }

    /** Issue 11, the reference: e-SLOG is "only available for Slovenian entities with e-SLOG support". */
    @Test
    void eslog_entityWithEslogDisabled_exit2NamingTheSetting(@TempDir Path tmp) throws IOException {
        Entity sample = Entity.sampleSlovenian();
        Path entity = tmp.resolve("entity.json");
        Files.writeString(entity, InvoicingJson.writeEntity(sample.withSettings(sample.settings().toBuilder()
                .eslog(new EntitySettings.Eslog(false)).build())));
        Run r = run(INVOICE, "eslog", "--skip-xsd", "--entity", entity.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("\"path\":\"settings.eslog.enabled\"", "\"code\":\"eslog_disabled\"");
    }

    @Test
    void eslog_skipXsd_xmlWithoutSchema() {
        Run r = run(INVOICE, "eslog", "--skip-xsd");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("<D_1001>380</D_1001>");
    }

    @Test
    void validate_officialDerivedInvoice_validJson() {
        Run r = run("", "eslog", "validate", "--xsd", xsdDir().toString(),
                xsdDir().resolve("derived/minimal-invoice-380.xml").toString());
        assertThat(r.out()).contains("\"validation_status\":\"valid\"").contains("\"validated_at\"");
        assertThat(r.exit()).isZero();
    }

    @Test
    void validate_brokenXml_invalidJsonWithPath(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("bad.xml");
        Files.writeString(file, Files.readString(xsdDir().resolve("derived/minimal-invoice-380.xml"))
                .replace("<D_2380>2026-03-02</D_2380>", "<D_2380>20260302</D_2380>"));
        Run r = run("", "eslog", "validate", "--xsd", xsdDir().toString(), file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("\"validation_status\":\"invalid\"")
                .contains("/Invoice/M_INVOIC/S_DTM[1]/C_C507/D_2380");
    }

    @Test
    void validate_skipXsd_checksTheBusinessRulesAndSaysTheXsdWasSkipped(@TempDir Path tmp) throws IOException {
        Run r = run("", "eslog", "validate", "--skip-xsd", xsdDir().resolve("derived/minimal-invoice-380.xml").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"validation_status\":\"valid\"", "\"xsd_skipped\":true");

        Run both = run("", "eslog", "validate", "--skip-xsd", "--xsd", xsdDir().toString(),
                xsdDir().resolve("derived/minimal-invoice-380.xml").toString());
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("\"path\":\"skip-xsd\"");
    }

    @Test
    void validate_missingXsd_adviceNamesOptionsTheCommandAccepts() {
        if (System.getenv(EslogCommand.XSD_ENV) == null) {
            Run r = run("", "eslog", "validate", xsdDir().resolve("derived/minimal-invoice-380.xml").toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("--skip-xsd");
            Run skip = run("", "eslog", "validate", "--skip-xsd",
                    xsdDir().resolve("derived/minimal-invoice-380.xml").toString());
            assertThat(skip.err()).doesNotContain("Unknown option");
        }
    }
}
