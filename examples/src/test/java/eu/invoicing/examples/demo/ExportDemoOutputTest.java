package eu.invoicing.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.memory.InMemoryDocumentStore;
import eu.invoicing.core.memory.InMemoryTransactor;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.Entity;
import eu.invoicing.export.local.StoreDocuments;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportDemoOutputTest {

    @TempDir
    Path out;

    @Test
    void write_storedDocuments_exportsListTheirNumbersAndZipNamesThem() throws Exception {
        InMemoryTransactor transactor = new InMemoryTransactor();
        InMemoryDocumentStore store = new InMemoryDocumentStore(transactor);
        Invoicing invoicing = Invoicing.builder().clock(DemoData.CLOCK).ids(DemoData.ids()).transactor(transactor)
                .store(store).build();
        Entity entity = DemoData.entity();
        EntityDocuments docs = invoicing.entity(entity);
        Map<DocumentId, String> names = new LinkedHashMap<>();
        Map<String, Document> drafts = DemoData.drafts();
        for (String name : List.of("invoice-domestic", "invoice-reverse-charge", "credit-note")) {
            Document made = docs.finalizeDocument(docs.create(DocumentRequest.of(DocumentDraft.from(drafts.get(name)))).id());
            names.put(made.id(), name);
        }
        StringWriter log = new StringWriter();
        ExportDemoOutput.write(StoreDocuments.of(store), entity, names, out, new PrintWriter(log));

        List<String> csv = Files.readAllLines(out.resolve("exports/invoices.csv"), StandardCharsets.UTF_8);
        assertThat(csv).hasSize(3);
        assertThat(csv.get(1)).contains(",2026-00001,");
        assertThat(csv.get(2)).contains(",2026-00002,");
        assertThat(out.resolve("exports/sales-per-item.xlsx")).isNotEmptyFile();
        try (var files = Files.list(out.resolve("exports"))) {
            Path zip = files.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                assertThat(Collections.list(archive.entries())).extracting(ZipEntry::getName)
                        .containsExactly("invoice-domestic.pdf", "invoice-reverse-charge.pdf", "credit-note.pdf");
            }
        }
        assertThat(out.resolve("exports/jobs")).doesNotExist();
        assertThat(log.toString()).contains("Exported 2 invoices", "3 PDFs", "completed");
    }
}
