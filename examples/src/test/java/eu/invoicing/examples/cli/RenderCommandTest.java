package eu.invoicing.examples.cli;

import eu.invoicing.einvoice.EInvoiceReader;
import eu.invoicing.einvoice.ImportResult;
import eu.invoicing.einvoice.Syntax;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RenderCommandTest {
    private static final String REQUEST = "{\"number\":\"2026-00001\",\"is_draft\":false,\"date\":\"2026-01-15\","
            + "\"customer\":{\"name\":\"Kupec d.o.o.\"},"
            + "\"items\":[{\"name\":\"Svetovanje\",\"quantity\":10,\"price\":100,\"taxes\":[{\"rate\":22}]}]}";

    record Run(int exit, byte[] out, String err) {
    }

    static Run run(String stdin, String... args) {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cli = InvoicingCli.commandLine();
            cli.setErr(new PrintWriter(err));
            return new Run(cli.execute(args), out.toByteArray(), err.toString());
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
    }

    @Test
    void render_createRequestAsHtml_writesTheCalculatedPage() {
        Run r = run(REQUEST, "render", "--format", "html", "--template", "classic", "--locale", "en-US");
        assertThat(r.exit()).isZero();
        String html = new String(r.out(), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1>Invoice</h1>", "€1,220.00", "t-classic");
    }

    /** Issue 11: the reference's locale/language values such as de-AT fall back to de formatting and labels. */
    @Test
    void render_regionalTags_fallBackToTheLanguage() {
        Run r = run(REQUEST, "render", "--format", "html", "--locale", "de-AT", "--language", "de-AT");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(new String(r.out(), StandardCharsets.UTF_8)).contains("<h1>Rechnung</h1>", "1.220,00");
        Run bad = run(REQUEST, "render", "--format", "html", "--locale", "de-!!", "--language", "xx-!!");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("\"path\":\"locale\"", "\"path\":\"language\"");
    }

    @Test
    void render_createRequestAsPdf_writesAPdf() {
        Run r = run(REQUEST, "render", "--format", "pdf", "--language", "de");
        assertThat(r.exit()).isZero();
        assertThat(new String(r.out(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void render_completeModeWithMissingFields_exitsTwoListingThemAll() {
        Run r = run(REQUEST, "render", "--format", "pdf", "--complete");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("\"customer.address\"", "\"date_due\"", "\"date_service\"");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void render_facturx_writesPdfWithTheCiiThatReadsBack() {
        String request = "{\"number\":\"2026-00002\",\"is_draft\":false,\"date\":\"2026-01-15\",\"date_due\":\"2026-01-30\","
                + "\"customer\":{\"name\":\"Kupec d.o.o.\",\"country_code\":\"SI\",\"tax_number\":\"SI87654321\"},"
                + "\"items\":[{\"name\":\"Svetovanje\",\"quantity\":10,\"price\":100,\"unit\":\"h\",\"taxes\":[{\"rate\":22}]}]}";
        Run r = run(request, "render", "--format", "facturx", "--buyer-reference", "PO-1");
        assertThat(r.exit()).as(r.err()).isZero();
        ImportResult read = new EInvoiceReader().read(r.out());
        assertThat(read.syntax()).isEqualTo(Syntax.CII);
        assertThat(read.document().number()).isEqualTo("2026-00002");
        assertThat(read.totalsAgree()).isTrue();
    }

    @Test
    void render_facturxWithoutWhatEn16931Needs_exitsTwoNamingTheFields() {
        Run r = run(REQUEST, "render", "--format", "facturx");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("\"customer.country_code\"", "\"date_due\"");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void render_unknownTemplate_exitsTwo() {
        Run r = run(REQUEST, "render", "--format", "html", "--template", "baroque");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("baroque");
    }
}
