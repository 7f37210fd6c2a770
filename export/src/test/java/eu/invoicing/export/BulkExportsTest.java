package eu.invoicing.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.testing.SharedFiles;
import eu.invoicing.core.memory.InMemoryDocumentStore;
import eu.invoicing.export.job.EntryOutcome;
import eu.invoicing.export.job.ExportJobJson;
import eu.invoicing.export.local.StoreDocuments;
import eu.invoicing.export.job.ExportJob;
import eu.invoicing.export.job.ExportJobStatus;
import eu.invoicing.export.job.SkippedDocument;
import eu.invoicing.export.local.DirectoryBlobStore;
import eu.invoicing.export.local.ExecutorJobRunner;
import eu.invoicing.export.job.ExportJobManager;
import eu.invoicing.export.spi.BulkDocumentSource;
import eu.invoicing.export.spi.ExportSource;
import eu.invoicing.export.testing.SampleDocuments;
import eu.invoicing.rendering.PdfRenderer;
import eu.invoicing.eslog.EslogContext;
import eu.invoicing.eslog.EslogSchema;
import eu.invoicing.eslog.EslogSerializer;
import eu.invoicing.eslog.EslogValidator;
import eu.invoicing.core.model.EslogValidation;
import eu.invoicing.core.model.EslogValidationStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkExportsTest {

    private static final Entity ENTITY = SampleDocuments.ENTITY;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-03T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;
    private ExecutorJobRunner runner;
    private BulkExports bulk;
    private final List<Document> store = new ArrayList<>();

    /** An in-memory source over {@link #store}, scoped and ordered as the SPI asks. */
    private final BulkDocumentSource source = new BulkDocumentSource() {
        @Override
        public ExportSource<Document> byIds(String entityId, List<DocumentId> ids) {
            List<Document> found = new ArrayList<>();
            for (DocumentId id : ids) {
                store.stream().filter(d -> d.id().equals(id)).findFirst().ifPresent(found::add);
            }
            return ExportSource.of(found);
        }

        @Override
        public ExportSource<Document> byKinds(String entityId, Set<DocumentType> types, ExportPeriod period) {
            return ExportSource.of(store.stream().filter(d -> types.contains(d.type()) && period.contains(d.date())
                            && !d.isDeleted())
                    .sorted(Comparator.comparing(Document::type).thenComparing(Document::date))
                    .collect(Collectors.toList()));
        }
    };

    @BeforeEach
    void setUp() {
        runner = ExecutorJobRunner.withThreads(2);
        bulk = BulkExports.of(ExportJobManager.of(runner, DirectoryBlobStore.of(root)), source, CLOCK);
        SampleDocuments.stream(DocumentType.INVOICE, 12).forEach(store::add);
        SampleDocuments.stream(DocumentType.CREDIT_NOTE, 3).forEach(store::add);
    }

    @AfterEach
    void tearDown() {
        runner.close();
    }

    private static EntryOutcome fakePdf(Document d) {
        return EntryOutcome.file(("%PDF-fake " + d.id().value()).getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void startPdf_byKindsAndPeriod_archiveOfSanitisedNumbersWithSpecFileName() throws Exception {
        BulkExportRequest request = BulkExportRequest.parse(null, List.of("invoice", "credit_note"),
                LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30), null, null);
        ExportJob job = bulk.startPdf(ENTITY, request, BulkExportsTest::fakePdf);
        assertThat(job.fileName()).isEqualTo("primer_d_o_o_documents_2024-06-01_2024-06-30.zip");
        assertThat(job.totalDocs()).isEqualTo(15);

        ExportJob done = awaitFinal(job.id());
        assertThat(done.status()).isEqualTo(ExportJobStatus.COMPLETED);
        Map<String, String> entries = entries(job.id());
        assertThat(entries).hasSize(15);
        assertThat(entries).containsEntry("INV_2024_00000.pdf", "%PDF-fake " + store.get(0).id().value());
        assertThat(entries.keySet()).allMatch(name -> !name.contains("/") && name.endsWith(".pdf"));
        // Drafts have no number: their entry is named by id.
        assertThat(entries).containsKey(store.get(3).id().value() + ".pdf");
    }

    @Test
    void startPdf_realPdfRenderer_everyEntryIsAPdf() throws Exception {
        BulkExportRequest request = BulkExportRequest.parse(store.subList(0, 6).stream().map(d -> d.id().value())
                .collect(Collectors.toList()), null, null, null, "sl-SI", "sl");
        ExportJob job = bulk.startPdf(ENTITY, request, PdfRenderer.create());
        ExportJob done = awaitFinal(job.id());
        assertThat(done.status()).as(done.error()).isEqualTo(ExportJobStatus.COMPLETED);
        assertThat(done.result().skippedDocuments()).isEmpty();
        Map<String, String> entries = entries(job.id());
        assertThat(entries).hasSize(6);
        assertThat(entries.values()).allSatisfy(pdf -> assertThat(pdf).startsWith("%PDF-").contains("%%EOF"));
    }

    @Test
    void startPdf_byIds_unknownAndOtherEntityIds_listedAsSkippedWithTheReason() throws Exception {
        // exports-api: "document_ids ... Specific document IDs to export." An id the entity does not have is
        // not dropped silently: the job result lists it as skipped, with the reason (issue 11).
        InMemoryDocumentStore documents = new InMemoryDocumentStore();
        store.forEach(documents::save);
        Document foreign = SampleDocuments.document(DocumentType.INVOICE, 999, LocalDate.of(2024, 6, 3)).toBuilder()
                .entityId("ent_other").build();
        documents.save(foreign);
        BulkExports scoped = BulkExports.of(bulk.jobs(), StoreDocuments.of(documents), CLOCK);
        String unknown = "inv_0123456789abcdef01234567";
        BulkExportRequest request = BulkExportRequest.parse(List.of(store.get(0).id().value(), unknown,
                foreign.id().value(), store.get(1).id().value()), null, null, null, null, null);
        ExportJob done = awaitFinal(scoped.startPdf(ENTITY, request, BulkExportsTest::fakePdf).id());
        assertThat(done.status()).isEqualTo(ExportJobStatus.COMPLETED);
        assertThat(done.result().exported()).isEqualTo(2);
        assertThat(done.result().skippedDocuments()).containsExactly(
                new SkippedDocument(unknown, null, BulkExports.NOT_FOUND),
                new SkippedDocument(foreign.id().value(), null, BulkExports.NOT_FOUND));
        assertThat(done.totalDocs()).isEqualTo(4);
        assertThat(entries(done.id())).hasSize(2);
        assertThat(ExportJobJson.write(done)).contains("\"skipped\":2").contains(unknown);
    }

    /** Issue 11: the bulk PDF's locale/language take the reference's regional values (de-AT falls back to de). */
    @Test
    void startPdf_regionalLocaleAndLanguage_renderedWithTheLanguage() throws Exception {
        BulkExportRequest request = BulkExportRequest.parse(List.of(store.get(0).id().value()), null, null, null,
                "de-AT", "de-AT");
        ExportJob done = awaitFinal(bulk.startPdf(ENTITY, request, PdfRenderer.create()).id());
        assertThat(done.status()).as(done.error()).isEqualTo(ExportJobStatus.COMPLETED);
        assertThat(done.result().skippedDocuments()).isEmpty();
        BulkExportRequest illFormed = BulkExportRequest.parse(List.of(store.get(0).id().value()), null, null, null,
                "de-!!", "de-!!");
        assertThatThrownBy(() -> bulk.startPdf(ENTITY, illFormed, PdfRenderer.create()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("locale", "invalid_value"),
                                org.assertj.core.groups.Tuple.tuple("language", "invalid_value")));
    }

    @Test
    void startPdf_unsupportedLocaleAndLanguage_rejectedBeforeAnyJob() {
        BulkExportRequest request = BulkExportRequest.parse(List.of(store.get(0).id().value()), null, null, null,
                "xx-YY", "tlh");
        assertThatThrownBy(() -> bulk.startPdf(ENTITY, request, PdfRenderer.create()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("locale", "language"));
    }

    @Test
    void startPdf_rendererFailsForOne_skippedWithReasonOthersArchived() throws Exception {
        Document broken = store.get(2);
        BulkExportRequest request = BulkExportRequest.parse(null, List.of("invoice"), LocalDate.of(2024, 6, 1),
                LocalDate.of(2024, 6, 30), null, null);
        ExportJob job = bulk.startPdf(ENTITY, request, d -> {
            if (d.equals(broken)) {
                throw new IllegalStateException("cannot embed font");
            }
            return fakePdf(d);
        });
        ExportJob done = awaitFinal(job.id());
        assertThat(done.status()).isEqualTo(ExportJobStatus.COMPLETED);
        assertThat(done.result().exported()).isEqualTo(11);
        assertThat(done.result().skippedDocuments()).containsExactly(new SkippedDocument(broken.id().value(),
                broken.number(), "could not be produced: IllegalStateException: cannot embed font"));
    }

    @Test
    void startEslog_invalidDocuments_skippedAndListed() throws Exception {
        BulkExportRequest request = BulkExportRequest.parse(List.of(store.get(0).id().value(), store.get(1).id().value(),
                "inv_ffffffffffffffffffffffff"), null, null, null, null, null);
        ExportJob job = bulk.startEslog(ENTITY, request, d -> d.customer() != null && d.customer().taxNumber() != null
                ? EntryOutcome.file("<Invoice/>".getBytes(StandardCharsets.UTF_8))
                : EntryOutcome.skip("customer.tax_number: required for a business customer"));
        assertThat(job.fileName()).isEqualTo("primer_d_o_o_eslog_2024-07-03.zip");
        assertThat(job.totalDocs()).isEqualTo(3);
        ExportJob done = awaitFinal(job.id());
        assertThat(done.result().exported()).isEqualTo(1);
        assertThat(done.result().skippedDocuments()).extracting(SkippedDocument::documentId)
                .containsExactly(store.get(1).id().value(), "inv_ffffffffffffffffffffffff");
        assertThat(entries(job.id())).containsOnlyKeys("INV_2024_00000.xml");
    }

    @Test
    void startEslog_realValidatorAndSerializer_validArchivedInvalidListed() throws Exception {
        EslogValidator validator = new EslogValidator(EslogSchema.load(
                SharedFiles.root().resolve("standards/eslog")), CLOCK);
        BulkExportRequest request = BulkExportRequest.parse(null, List.of("invoice", "credit_note"),
                LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30), null, null);
        ExportJob job = bulk.startEslog(ENTITY, request, validator);
        ExportJob done = awaitFinal(job.id());
        assertThat(done.status()).as(done.error()).isEqualTo(ExportJobStatus.COMPLETED);
        assertThat(done.result().exported() + done.result().skipped()).isEqualTo(done.totalDocs());
        assertThat(done.result().exported()).as("some valid").isPositive();
        assertThat(done.result().skippedDocuments()).as("some invalid").isNotEmpty()
                .allSatisfy(s -> assertThat(s.reason()).startsWith("e-SLOG invalid: "));
        try (InputStream in = bulk.jobs().download(job.id()).orElseThrow(); ZipInputStream zip = new ZipInputStream(in)) {
            int entries = 0;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                assertThat(entry.getName()).endsWith(".xml");
                byte[] xml = zip.readAllBytes();
                String number = entry.getName().substring(0, entry.getName().length() - 4);
                Document source = store.stream().filter(d -> d.number() != null
                        && d.number().replace('/', '_').equals(number)).findFirst().orElseThrow();
                EslogContext context = EslogContext.forEntity(ENTITY);
                EslogValidation validation = validator.validate(source, context);
                assertThat(validation.validationStatus()).as("%s %s", number, validation)
                        .isEqualTo(EslogValidationStatus.VALID);
                assertThat(xml).isEqualTo(new EslogSerializer().toBytes(source, context));
                entries++;
            }
            assertThat(entries).isEqualTo(done.result().exported());
        }
    }

    @Test
    void startPdf_documentOfAnotherEntity_skipped() throws Exception {
        Document foreign = store.get(0).toBuilder().entityId("ent_999").build();
        store.set(0, foreign);
        ExportJob job = bulk.startPdf(ENTITY, BulkExportRequest.parse(List.of(foreign.id().value()), null, null, null,
                null, null), BulkExportsTest::fakePdf);
        ExportJob done = awaitFinal(job.id());
        assertThat(done.result().skippedDocuments()).extracting(SkippedDocument::reason)
                .containsExactly("belongs to another entity");
        assertThat(entries(job.id())).isEmpty();
    }

    /**
     * Issue 11, the reference: "Only available for Slovenian entities with e-SLOG support." Support is
     * the entity setting eslog.enabled; with it off no job is created.
     */
    @Test
    void startEslog_eslogDisabled_refusedNamingTheSetting() {
        Entity disabled = ENTITY.withSettings(ENTITY.settings().toBuilder()
                .eslog(new eu.invoicing.core.model.EntitySettings.Eslog(false)).build());
        BulkExportRequest request = BulkExportRequest.parse(List.of(store.get(0).id().value()), null, null, null, null, null);
        assertThatThrownBy(() -> bulk.startEslog(disabled, request, BulkExportsTest::fakePdf))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.path()).isEqualTo("settings.eslog.enabled");
                            assertThat(v.code()).isEqualTo("eslog_disabled");
                        }));
        assertThat(ENTITY.settings().eslog().enabled()).isTrue();
    }

    @Test
    void startEslog_nonSlovenianEntity_rejected() {
        Entity german = new Entity("ent_de", "Beispiel GmbH", null, null, null, null, null, "Germany", "DE", null, null,
                true, "EUR", "de-DE", null, null, null, List.of(), null);
        BulkExportRequest request = BulkExportRequest.parse(List.of(store.get(0).id().value()), null, null, null, null, null);
        assertThatThrownBy(() -> bulk.startEslog(german, request, BulkExportsTest::fakePdf))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo("eslog_unavailable"));
    }

    @Test
    void parse_badInput_reportsEveryProblemWithPaths() {
        assertThatThrownBy(() -> BulkExportRequest.parse(List.of("inv_1", "xyz_2"), List.of("invoice"), null, null, null,
                null)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("document_ids[1]"));
        assertThatThrownBy(() -> BulkExportRequest.parse(null, List.of("invoice", "bill"), LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 3, 1), null, null)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(Violation::path)
                                .containsExactly("types[1]", "date_to"));
        assertThatThrownBy(() -> BulkExportRequest.parse(List.of(), List.of(), null, null, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("document_ids", "date_from", "date_to"));
    }

    @Test
    void slug_entityNames_lowerAsciiUnderscored() {
        assertThat(BulkExports.slug("ACME")).isEqualTo("acme");
        assertThat(BulkExports.slug("Čebelarstvo Žužek, s.p.")).isEqualTo("cebelarstvo_zuzek_s_p");
        assertThat(BulkExports.slug("../..")).isEqualTo("export");
        assertThat(BulkExports.slug(null)).isEqualTo("export");
    }

    private ExportJob awaitFinal(String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            ExportJob job = bulk.jobs().find(id).orElseThrow();
            if (job.status().isFinal()) {
                return job;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("job did not finish");
    }

    private Map<String, String> entries(String jobId) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream in = bulk.jobs().download(jobId).orElseThrow(); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
