package eu.invoicing.postgres.testing;

import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.export.job.EntryOutcome;
import eu.invoicing.export.job.ExportJobKind;
import eu.invoicing.export.local.DirectoryBlobStore;
import eu.invoicing.postgres.PostgresInvoicing;
import eu.invoicing.export.local.StoreDocuments;
import eu.invoicing.postgres.jobs.PostgresExportJobs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One application node of {@code PostgresExportJobsTest}, run as a JVM process of its own so that the test can
 * kill it with {@code kill -9} in the middle of a job: a worker of {@link PostgresExportJobs} whose PDF archive
 * takes {@code MILLIS_PER_DOCUMENT} per document (the document's JSON stands in for a PDF). Prints
 * {@code READY} once its scheduler runs, then works until killed.
 *
 * <p>Arguments: {@code JDBC_URL SCHEMA BLOB_DIR NODE_NAME MILLIS_PER_DOCUMENT}.
 */
public final class ExportNode {
    private ExportNode() {
    }

    /**
     * @param args {@code JDBC_URL SCHEMA BLOB_DIR NODE_NAME MILLIS_PER_DOCUMENT}
     * @throws InterruptedException when interrupted (it is killed, in practice)
     */
    public static void main(String[] args) throws InterruptedException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(args[0]);
        PostgresInvoicing pg = PostgresInvoicing.builder(ds).schema(args[1]).migrate(false).build();
        long millis = Long.parseLong(args[4]);
        PostgresExportJobs jobs = PostgresExportJobsTestConfig.configure(PostgresExportJobs.builder(ds,
                        DirectoryBlobStore.of(Path.of(args[2])), StoreDocuments.of(pg.documents())))
                .schema(args[1]).nodeName(args[3])
                .archive(ExportJobKind.PDF, (bulk, entity, request) -> bulk.startPdf(entity, request, d -> {
                    try {
                        Thread.sleep(millis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return EntryOutcome.file(InvoicingJson.writeDocument(d).getBytes(StandardCharsets.UTF_8));
                }))
                .build();
        jobs.startWorking();
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5).toMillis());
    }
}
