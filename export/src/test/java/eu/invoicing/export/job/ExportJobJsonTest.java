package eu.invoicing.export.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExportJobJsonTest {

    @Test
    void write_processingJob_matchesReferenceShape() {
        ExportJob job = new ExportJob("expjob_clx1234567890", ExportJobKind.PDF, ExportJobStatus.PROCESSING, 50, 25,
                "acme_documents_2024-06-01_2024-06-30.zip", null, null,
                ExportJobResult.of(12, List.of(new SkippedDocument("inv_1", "2024-1", "could not be produced: \"x\""))));
        assertThat(ExportJobJson.write(job)).isEqualTo("{\"id\":\"expjob_clx1234567890\",\"status\":\"processing\","
                + "\"progress\":50,\"total_docs\":25,\"file_url\":null,"
                + "\"file_name\":\"acme_documents_2024-06-01_2024-06-30.zip\",\"error\":null,"
                + "\"result\":{\"exported\":12,\"skipped\":1,\"skipped_documents\":[{\"document_id\":\"inv_1\","
                + "\"number\":\"2024-1\",\"reason\":\"could not be produced: \\\"x\\\"\"}]}}");
    }
}
