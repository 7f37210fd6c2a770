package eu.invoicing.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.testing.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EInvoiceCommandTest {

    private static final String INVOICE = "{\"number\":\"2026-00001\",\"date\":\"2026-03-02\",\"date_due\":\"2026-03-17\","
            + "\"reference\":\"PO-1\","
            + "\"customer\":{\"name\":\"Kupec d.o.o.\",\"address\":\"Stara cesta 1\",\"post_code\":\"4000\","
            + "\"city\":\"Kranj\",\"country_code\":\"SI\",\"tax_number\":\"SI87654321\"},"
            + "\"items\":[{\"name\":\"Svetovanje\",\"quantity\":2,\"price\":50,\"unit\":\"HUR\",\"taxes\":[{\"rate\":22}]}]}";

    @TempDir
    Path dir;

    @Test
    void einvoice_peppol_writesUblThatValidates() throws IOException {
        CliRun.Result r = CliRun.run(INVOICE, "einvoice", "--syntax", "peppol");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>");
        Path file = dir.resolve("peppol.xml");
        Files.write(file, r.stdout());
        CliRun.Result v = CliRun.run("", "einvoice", "validate", "--profile", "peppol", file.toString());
        assertThat(v.exit()).as(v.out()).isZero();
        JsonNode result = InvoicingJson.parse(v.out());
        assertThat(result.get("valid").asBoolean()).isTrue();
        assertThat(result.get("syntax").asText()).isEqualTo("ubl_invoice");
        assertThat(result.get("rules_run").toString()).contains("PEPPOL");
    }

    @Test
    void einvoice_xrechnung_writesBothSyntaxesThatPassTheXRechnungRules() throws IOException {
        Path entity = dir.resolve("entity.json");
        Files.writeString(entity, "{\"id\":\"ent_000000000000000000000001\",\"name\":\"Primer d.o.o.\","
                + "\"address\":\"Dunajska cesta 1\",\"post_code\":\"1000\",\"city\":\"Ljubljana\",\"country_code\":\"SI\","
                + "\"tax_number\":\"SI12345678\",\"email\":\"racuni@primer.si\",\"phone\":\"+386 1 234 56 78\","
                + "\"bank_accounts\":[{\"iban\":\"SI56191000000123438\",\"bic\":\"BAKOSI2X\",\"is_default\":true}]}");
        for (String syntax : new String[] {"xrechnung-ubl", "xrechnung-cii"}) {
            CliRun.Result r = CliRun.run(INVOICE, "einvoice", "--syntax", syntax, "--entity", entity.toString(),
                    "--buyer-reference", "04011000-12345-34", "--seller-contact", "Ana Novak");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("urn:xeinkauf.de:kosit:xrechnung_3.0");
            Path file = dir.resolve(syntax + ".xml");
            Files.write(file, r.stdout());
            CliRun.Result v = CliRun.run("", "einvoice", "validate", "--profile", "xrechnung", file.toString());
            assertThat(v.exit()).as(v.out()).isZero();
            assertThat(InvoicingJson.parse(v.out()).get("rules_run").toString()).contains("XRECHNUNG");
        }
    }

    @Test
    void einvoice_xrechnungWithoutSellerContact_exit2NamingIt() {
        CliRun.Result r = CliRun.run(INVOICE, "einvoice", "--syntax", "xrechnung-cii");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errors().toString()).contains("options.seller_contact", "issuer.phone");
    }

    @Test
    void einvoice_cii_writesCrossIndustryInvoice() {
        CliRun.Result r = CliRun.run(INVOICE, "einvoice", "--syntax", "cii");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("<rsm:CrossIndustryInvoice").contains("<ram:ID>2026-00001</ram:ID>");
    }

    @Test
    void einvoice_missingBuyerCountry_exit2NamingTheField() {
        CliRun.Result r = CliRun.run(INVOICE.replace("\"country_code\":\"SI\",", ""), "einvoice", "--syntax", "ubl");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errors().toString()).contains("customer.country_code");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void einvoice_badEndpoint_exit2() {
        CliRun.Result r = CliRun.run(INVOICE, "einvoice", "--syntax", "peppol", "--buyer-endpoint", "nocolon");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errors().toString()).contains("buyer-endpoint");
    }

    @Test
    void validate_brokenFile_exit2WithTheRuleId() throws IOException {
        CliRun.Result w = CliRun.run(INVOICE, "einvoice", "--syntax", "ubl");
        String broken = w.out().replace("<cbc:TaxInclusiveAmount currencyID=\"EUR\">122.00", "<cbc:TaxInclusiveAmount currencyID=\"EUR\">999.00");
        assertThat(broken).isNotEqualTo(w.out());
        Path file = dir.resolve("broken.xml");
        Files.writeString(file, broken, StandardCharsets.UTF_8);
        CliRun.Result v = CliRun.run("", "einvoice", "validate", file.toString());
        assertThat(v.exit()).isEqualTo(2);
        JsonNode result = InvoicingJson.parse(v.out());
        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("failures").toString()).contains("\"id\":\"BR-CO-15\"").contains("\"flag\":\"fatal\"");
    }

    @Test
    void import_officialExample_documentAndReport() {
        Path example = SharedFiles.root().resolve("standards/en16931/ubl/examples/ubl-tc434-example2.xml");
        CliRun.Result r = CliRun.run("", "einvoice", "import", example.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode node = InvoicingJson.parse(r.out());
        assertThat(node.get("syntax").asText()).isEqualTo("ubl_invoice");
        assertThat(node.get("document").get("items").size()).isPositive();
        // The document allowance and charge (BG-20, BG-21) are carried now: on the document, not in the report.
        assertThat(node.get("not_carried").toString()).doesNotContain("BG-20");
        assertThat(node.get("document").get("allowances").get(0).get("reason").asText()).isEqualTo("Promotion discount");
        assertThat(node.get("document").get("charges").get(0).get("reason").asText()).isEqualTo("Freight");
        assertThat(node.get("differences").toString()).contains("BT-131");
    }

    @Test
    void import_missingFile_exit2() {
        CliRun.Result r = CliRun.run("", "einvoice", "import", dir.resolve("none.xml").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errors().toString()).contains("FILE");
    }
}
