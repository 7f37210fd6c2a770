package eu.invoicing.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the exports stream: 20,000 documents to XLSX and to a ZIP job in a forked JVM limited
 * to {@code -Xmx128m}. The child reports the peak heap (MemoryPoolMXBean peaks), which is
 * printed and must stay under the limit; the files are then checked in full here.
 */
class StreamingMemoryTest {

    private static final int DOCUMENTS = 20_000;
    private static final long LIMIT = 128L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void export_20000DocumentsWithXmx128m_completesAndReportsPeakHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("probe.out");
        Process process = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                "eu.invoicing.export.testing.StreamingProbe", dir.toString(), String.valueOf(DOCUMENTS), "2048")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("probe finished").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        Map<String, String> report = new HashMap<>();
        for (String line : output.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                report.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        long peak = Long.parseLong(report.get("PEAK_HEAP_BYTES"));
        long maxHeap = Long.parseLong(report.get("MAX_HEAP_BYTES"));
        // Reported for the build log and docs/exports.md (tests may print; library code does not).
        System.out.printf("StreamingMemoryTest: %d documents, max heap %d MiB, peak heap after XLSX %d MiB, "
                        + "peak heap after XLSX + ZIP %d MiB%n", DOCUMENTS, maxHeap >> 20,
                Long.parseLong(report.get("PEAK_HEAP_AFTER_XLSX_BYTES")) >> 20, peak >> 20);
        assertThat(maxHeap).isLessThanOrEqualTo(LIMIT);
        assertThat(peak).isLessThan(LIMIT);
        assertThat(report).containsEntry("XLSX_ROWS", String.valueOf(DOCUMENTS))
                .containsEntry("ZIP_STATUS", "completed").containsEntry("ZIP_EXPORTED", String.valueOf(DOCUMENTS));

        try (ReadableWorkbook wb = new ReadableWorkbook(new File(report.get("XLSX_FILE")));
             Stream<Row> rows = wb.getFirstSheet().openStream()) {
            assertThat(rows.count()).isEqualTo(DOCUMENTS + 1L);
        }
        try (ZipFile zip = new ZipFile(Path.of(URI.create(report.get("ZIP_URL"))).toFile())) {
            assertThat(zip.size()).isEqualTo(DOCUMENTS);
            assertThat(List.of(zip.getEntry("INV_2024_00000.pdf").getSize())).containsExactly(2048L);
        }
    }
}
