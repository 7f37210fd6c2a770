package eu.invoicing.export.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Writes an {@link ExportJob} in the snake_case wire format of the reference:
 * {@code {"id","status","progress","total_docs","file_url","file_name","error","result":
 * {"exported","skipped","skipped_documents":[{"document_id","number","reason"}]}}}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ExportJobJson {

    /** Immutable and thread-safe (a shared mapper could be reconfigured). */
    private static final ObjectWriter WRITER = new ObjectMapper().writer();

    private ExportJobJson() {
    }

    /**
     * @param job the snapshot, not null
     * @return the JSON text
     * @throws NullPointerException if {@code job} is null
     */
    public static String write(ExportJob job) {
        Objects.requireNonNull(job, "job");
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("id", job.id());
        root.put("status", job.status().wireValue());
        root.put("progress", job.progress());
        root.put("total_docs", job.totalDocs());
        root.put("file_url", job.fileUrl());
        root.put("file_name", job.fileName());
        root.put("error", job.error());
        ObjectNode result = root.putObject("result");
        result.put("exported", job.result().exported());
        result.put("skipped", job.result().skipped());
        ArrayNode skipped = result.putArray("skipped_documents");
        for (SkippedDocument document : job.result().skippedDocuments()) {
            ObjectNode node = skipped.addObject();
            node.put("document_id", document.documentId());
            node.put("number", document.number());
            node.put("reason", document.reason());
        }
        try {
            return WRITER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }
}
