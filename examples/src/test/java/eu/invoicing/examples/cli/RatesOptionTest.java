package eu.invoicing.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.json.InvoicingJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --rates FILE} (issue 11): a foreign-currency document given no {@code exchange_rate} takes the rate of
 * an ECB-format file, offline, in {@code calculate}, {@code render} and {@code batch}; without the option it is
 * refused as before, and a bad file is refused at {@code --rates} before any input is read.
 */
class RatesOptionTest {
    private static final String ECB = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\" "
            + "xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\">\n"
            + "\t<gesmes:subject>Reference rates</gesmes:subject>\n"
            + "\t<gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>\n"
            + "\t<Cube>\n\t\t<Cube time='2026-03-13'>\n\t\t\t<Cube currency='USD' rate='1.0850'/>\n"
            + "\t\t\t<Cube currency='GBP' rate='0.84510'/>\n\t\t</Cube>\n\t</Cube>\n</gesmes:Envelope>\n";
    private static final String USD = "{\"currency_code\":\"USD\",\"date\":\"2026-03-15\",\"items\":[{\"name\":"
            + "\"Consulting\",\"quantity\":3,\"price\":333.5,\"taxes\":[{\"rate\":22}]}]}";

    @TempDir
    Path dir;

    private Path rates() throws IOException {
        return Files.writeString(dir.resolve("eurofxref-daily.xml"), ECB, StandardCharsets.UTF_8);
    }

    @Test
    void calculate_takesTheFilesRate_withSourceAndDay() throws IOException {
        CliRun.Result r = CliRun.run(USD, "calculate", "--type", "invoice", "--rates", rates().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode rate = InvoicingJson.parse(r.out()).get("exchange_rate");
        assertThat(rate.get("rate").decimalValue()).isEqualByComparingTo("0.9216589862");
        assertThat(rate.get("source").asText()).isEqualTo("ECB");
        assertThat(rate.get("date").asText()).startsWith("2026-03-13");
        assertThat(InvoicingJson.parse(r.out()).get("total_converted").decimalValue()).isEqualByComparingTo("922.12");
    }

    @Test
    void calculate_withoutRates_refusesAsBefore() {
        CliRun.Result r = CliRun.run(USD, "calculate", "--type", "invoice");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errors().get(0).get("path").asText()).isEqualTo("exchange_rate");
    }

    @Test
    void calculate_aDateBeforeTheFile_isUnavailableAtExchangeRate() throws IOException {
        CliRun.Result r = CliRun.run(USD.replace("2026-03-15", "2026-03-12"), "calculate", "--type", "invoice",
                "--rates", rates().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errors().get(0).get("path").asText()).isEqualTo("exchange_rate");
        assertThat(r.errors().get(0).get("code").asText()).isEqualTo("unavailable");
    }

    @Test
    void aMissingOrMalformedFile_isRefusedAtRatesBeforeInputIsRead() throws IOException {
        CliRun.Result missing = CliRun.run(USD, "calculate", "--type", "invoice", "--rates",
                dir.resolve("none.xml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.errors().get(0).get("path").asText()).isEqualTo("--rates");
        assertThat(missing.errors().get(0).get("code").asText()).isEqualTo("not_found");
        Path bad = Files.writeString(dir.resolve("bad.xml"), "<rates/>");
        CliRun.Result malformed = CliRun.run(USD, "render", "--format", "html", "--rates", bad.toString());
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.errors().get(0).get("code").asText()).isEqualTo("malformed");
        assertThat(malformed.stdout()).isEmpty();
    }

    @Test
    void render_andBatch_takeTheFilesRateToo() throws IOException {
        CliRun.Result html = CliRun.run(USD, "render", "--format", "html", "--rates", rates().toString());
        assertThat(html.exit()).as(html.err()).isZero();
        CliRun.Result batch = CliRun.run("{\"op\":\"create\",\"type\":\"invoice\",\"body\":" + USD + "}", "batch",
                "--rates", rates().toString(), "--now", "2026-03-15T10:00:00Z");
        assertThat(batch.exit()).as(batch.err()).isZero();
        assertThat(batch.out()).contains("\"source\":\"ECB\"").contains("0.9216589862");
    }
}
