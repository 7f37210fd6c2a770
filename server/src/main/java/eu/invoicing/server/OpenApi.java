package eu.invoicing.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * The OpenAPI 3.1 document of the server, written from its {@link Route}s, so that it describes exactly the
 * endpoints served.
 *
 * <p>Stateless and thread-safe.
 */
final class OpenApi {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenApi() {
    }

    static ObjectNode document(List<Route> routes) {
        ObjectNode root = NODES.objectNode();
        root.put("openapi", "3.1.0");
        root.putObject("info").put("title", "Invoicing reference API").put("version", "0.1.0");
        root.putObject("components").putObject("securitySchemes").putObject("bearer").put("type", "http")
                .put("scheme", "bearer");
        ObjectNode paths = root.putObject("paths");
        ObjectNode openApiPath = paths.putObject("/openapi.json").putObject("get");
        openApiPath.put("summary", "This document").put("operationId", "get_openapi");
        openApiPath.putArray("security");
        openApiPath.putObject("responses").putObject("200").put("description", "OK");
        for (Route r : routes) {
            ObjectNode path = paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
            ObjectNode op = path.putObject(r.method().toLowerCase(Locale.ROOT));
            op.put("summary", r.summary());
            op.put("operationId", (r.method() + r.path()).replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT));
            op.put("x-source", r.source());
            ArrayNode params = op.putArray("parameters");
            for (String p : r.pathParameters()) {
                params.addObject().put("name", p).put("in", "path").put("required", true)
                        .putObject("schema").put("type", "string");
            }
            for (String q : r.query()) {
                params.addObject().put("name", q).put("in", "query").put("required", false)
                        .putObject("schema").put("type", "string");
            }
            if (r.authenticated()) {
                params.addObject().put("name", "entity_id").put("in", "header").put("required", false)
                        .putObject("schema").put("type", "string");
                op.putArray("security").addObject().putArray("bearer");
            } else {
                op.putArray("security");
            }
            ObjectNode responses = op.putObject("responses");
            responses.putObject("200").put("description", "OK");
            responses.putObject("400").put("description", "validation_error");
            if (r.authenticated()) {
                responses.putObject("401").put("description", "unauthorized");
                responses.putObject("429").put("description", "rate_limited");
            }
            responses.putObject("404").put("description", "not_found");
        }
        return root;
    }
}
