package eu.invoicing.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.TransactionType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
    @Test
    void run_writesEveryCalculatedDocumentAndPrintsASummary(@TempDir Path out) throws Exception {
        StringWriter log = new StringWriter();
        Map<String, Document> docs = new Demo(out, new PrintWriter(log)).run();
        assertThat(docs).containsKeys("invoice-domestic", "invoice-reverse-charge", "estimate-usd", "credit-note");
        for (String name : docs.keySet()) {
            Path file = out.resolve("documents").resolve(name + ".json");
            assertThat(file).exists();
            assertThat(InvoicingJson.readDocument(Files.readString(file)))
                    .isEqualTo(docs.get(name));
        }
        assertThat(docs.get("invoice-domestic").totalWithTax()).isEqualByComparingTo("735.11");
        assertThat(docs.get("invoice-reverse-charge").transactionType()).isEqualTo(TransactionType.INTRA_EU_B2B);
        assertThat(docs.get("invoice-reverse-charge").totalWithTax()).isEqualByComparingTo(docs.get("invoice-reverse-charge").total());
        assertThat(docs.get("estimate-usd").totalConverted()).isNotNull();
        assertThat(docs.get("invoice-domestic").number()).isEqualTo("2026-00001");
        assertThat(docs.get("credit-note").number()).isEqualTo("DOB-2026-0001");
        assertThat(docs.values()).noneMatch(Document::isDraft);
        assertThat(docs.keySet()).anyMatch(k -> k.startsWith("story-"));
        assertThat(log.toString()).contains("Mojster Tisk d.o.o.", "invoice-domestic", "735.11");
        assertThat(log.toString()).contains("versions");
        try (var html = Files.list(out.resolve("html")); var pdf = Files.list(out.resolve("pdf"))) {
            assertThat(html.count()).isEqualTo(docs.size());
            assertThat(pdf.filter(p -> p.toString().endsWith(".pdf")).count()).isEqualTo(docs.size());
        }
        assertThat(Files.readString(out.resolve("html/invoice-domestic-modern-sl.html"))).contains("735,11");
    }
}
