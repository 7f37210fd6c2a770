package eu.invoicing.examples.demo;

import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.memory.InMemoryDocumentStore;
import eu.invoicing.core.memory.InMemoryTransactor;
import eu.invoicing.core.spi.DocumentStore;
import java.util.function.Consumer;
import java.util.function.Function;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.export.local.StoreDocuments;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.version.User;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.json.WireValues;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.Entity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import eu.invoicing.rendering.HtmlRenderer;
import eu.invoicing.rendering.PdfRenderer;
import eu.invoicing.rendering.RenderOptions;
import eu.invoicing.rendering.Template;
import eu.invoicing.rendering.i18n.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The README's main job: creates and finalizes the sample company's documents through an in-memory
 * {@link Invoicing} (fixed clock, seeded ids), tells a lifecycle story (versions, void, credit note, advance),
 * and writes every output into one directory ({@code documents/*.json}, HTML, PDF, e-SLOG XML and the exports,
 * which read the documents back from the store), printing a short summary. Two runs write the same bytes:
 * every date written into a file (PDF, XLSX, ZIP) comes from the demo's fixed clock.
 *
 * <p>Not thread-safe; one run per instance.
 */
public final class Demo {
    private final Path out;
    private final PrintWriter log;
    private final Function<Consumer<Invoicing.Builder>, Wiring> wiring;

    /**
     * Where the demo keeps its documents: the library and the store the export step reads them back from.
     *
     * @param invoicing the library, configured with the demo's clock and ids, not null
     * @param store the document store {@code invoicing} writes to, not null
     */
    public record Wiring(Invoicing invoicing, DocumentStore store) {
    }

    /**
     * The demo on the in-memory stores.
     *
     * @param out the output directory, not null
     * @param log where the summary is printed, not null
     */
    public Demo(Path out, PrintWriter log) {
        this(out, log, configure -> {
            InMemoryTransactor transactor = new InMemoryTransactor();
            InMemoryDocumentStore store = new InMemoryDocumentStore(transactor);
            Invoicing.Builder b = Invoicing.builder().transactor(transactor).store(store);
            configure.accept(b);
            return new Wiring(b.build(), store);
        });
    }

    /**
     * The demo on stores of the caller's choice (e.g. PostgreSQL, {@code invoicing demo --database}).
     *
     * @param out the output directory, not null
     * @param log where the summary is printed, not null
     * @param wiring builds the library and its store, applying the given configuration (the demo's fixed clock
     *     and seeded ids) to the library's builder, not null
     */
    public Demo(Path out, PrintWriter log, Function<Consumer<Invoicing.Builder>, Wiring> wiring) {
        this.out = out;
        this.log = log;
        this.wiring = wiring;
    }

    /**
     * Runs every step.
     *
     * @return the documents made, by name, in their stored state
     * @throws IOException when the directory cannot be written
     */
    public Map<String, Document> run() throws IOException {
        Entity entity = DemoData.entity();
        Files.createDirectories(out);
        Files.writeString(out.resolve("entity.json"), InvoicingJson.writeEntity(entity), StandardCharsets.UTF_8);
        // The host's side of the wiring, as a real application would do it with its own store: the export step
        // reads the documents back from the same store. Fixed clock and seeded ids: two runs write the same bytes.
        Wiring wired = wiring.apply(b -> b.clock(DemoData.CLOCK).ids(DemoData.ids()));
        Invoicing invoicing = wired.invoicing();
        DocumentStore store = wired.store();
        EntityDocuments docs = invoicing.entity(entity).as(new User("usr_demo", "Demo User", "demo@mojstertisk.si"));
        log.printf("Invoicing demo for %s (%s, %s)%n%n", entity.name(), entity.countryCode(), entity.currencyCode());
        log.printf("%-24s %-16s %-14s %-20s %12s %12s %12s%n", "document", "kind", "number", "transaction", "net",
                "tax", "total");
        Map<String, Document> made = new LinkedHashMap<>();
        for (var e : DemoData.drafts().entrySet()) {
            Document draft = docs.create(DocumentRequest.of(DocumentDraft.from(e.getValue())));
            Document doc = docs.finalizeDocument(draft.id());
            made.put(e.getKey(), doc);
            log.printf("%-24s %-16s %-14s %-20s %12s %12s %12s %s%n", e.getKey(), WireValues.of(doc.type()),
                    doc.number(), WireValues.of(doc.transactionType()), doc.total().toPlainString(),
                    doc.totalWithTax().subtract(doc.total()).toPlainString(), doc.totalWithTax().toPlainString(),
                    doc.currencyCode());
        }
        log.println();
        ByteArrayOutputStream story = new ByteArrayOutputStream();
        try (PrintStream storyLog = new PrintStream(story, true, StandardCharsets.UTF_8)) {
            LifecycleStory.run(invoicing, entity, storyLog).forEach((name, doc) -> made.put("story-" + name, doc));
        }
        log.print(story.toString(StandardCharsets.UTF_8));

        Path documents = Files.createDirectories(out.resolve("documents"));
        for (var e : made.entrySet()) {
            // The stored state, as a host would read it back (the story's documents change after they are made).
            Document current = docs.get(e.getValue().id());
            made.put(e.getKey(), current);
            Files.writeString(documents.resolve(e.getKey() + ".json"), InvoicingJson.writeDocument(current),
                    StandardCharsets.UTF_8);
        }
        log.printf("%nWrote %d documents as JSON to %s%n", made.size(), documents.toAbsolutePath());
        render(entity, made);
        EslogDemoOutput.write(made, entity, out, log, DemoData.CLOCK);
        Map<DocumentId, String> names = new LinkedHashMap<>();
        made.forEach((name, doc) -> names.put(doc.id(), name));
        ExportDemoOutput.write(StoreDocuments.of(store), entity, names, out, log);
        log.flush();
        return made;
    }

    /** The pairs of template and label language the demo shows, one per document in turn. */
    private static final List<Template> TEMPLATES = List.of(Template.values());
    private static final List<Language> LANGUAGES = List.of(Language.SL, Language.EN, Language.DE, Language.HR,
            Language.IT, Language.BG, Language.IS);

    private void render(Entity entity, Map<String, Document> calculated) throws IOException {
        Path html = Files.createDirectories(out.resolve("html"));
        Path pdf = Files.createDirectories(out.resolve("pdf"));
        HtmlRenderer htmlRenderer = HtmlRenderer.create();
        PdfRenderer pdfRenderer = PdfRenderer.create(DemoData.CLOCK);
        int i = 0;
        for (var e : calculated.entrySet()) {
            Template template = TEMPLATES.get(i % TEMPLATES.size());
            Language language = LANGUAGES.get(i % LANGUAGES.size());
            RenderOptions options = RenderOptions.builder().template(template).language(language).build();
            String name = e.getKey() + "-" + template.wireName() + "-" + language.code();
            Files.writeString(html.resolve(name + ".html"), htmlRenderer.render(e.getValue(), entity, options),
                    StandardCharsets.UTF_8);
            Files.write(pdf.resolve(name + ".pdf"), pdfRenderer.render(e.getValue(), entity, options));
            i++;
        }
        log.printf("Rendered %d documents to HTML and PDF (templates %s; languages %s) in %s and %s%n", i,
                TEMPLATES.stream().map(Template::wireName).toList(), LANGUAGES.stream().map(Language::code).toList(),
                html.toAbsolutePath(), pdf.toAbsolutePath());
    }
}
