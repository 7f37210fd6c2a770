package eu.invoicing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.lifecycle.EntityDocuments;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request as a handler sees it: its parameters, its body (read once, bounded), the caller's key and entity,
 * and the ways to answer.
 *
 * <p>Not thread-safe: one per request, used by the request's thread.
 */
final class Call {
    /** The CSP of every HTML answer: nothing but the page's own inline styles and data: images. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** How much of a body over the limit is read and dropped so that the client receives the 413. */
    private static final long DRAIN_LIMIT = 4L * 1024 * 1024;

    private final Context ctx;
    private final long maxBody;
    private ApiKeys.ApiKey key;
    private EntityDocuments docs;
    private ObjectNode body;

    Call(Context ctx, long maxBody) {
        this.ctx = ctx;
        this.maxBody = maxBody;
    }

    void authorize(ApiKeys.ApiKey key, EntityDocuments docs) {
        this.key = key;
        this.docs = docs;
    }

    ApiKeys.ApiKey key() {
        return key;
    }

    EntityDocuments docs() {
        return docs;
    }

    String path(String name) {
        return ctx.pathParam(name);
    }

    String query(String name) {
        return ctx.queryParam(name);
    }

    List<String> queryAll(String name) {
        return ctx.queryParams(name);
    }

    /**
     * The body as a JSON object.
     *
     * @param optional whether an empty body is an empty object
     */
    ObjectNode bodyObject(boolean optional) {
        if (body != null) {
            return body;
        }
        String text = readBody();
        if (text.isBlank()) {
            if (optional) {
                body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                return body;
            }
            throw ValidationException.of("", "required", "a JSON object body is required");
        }
        JsonNode node = InvoicingJson.parse(text);
        if (!node.isObject()) {
            throw ValidationException.of("", "invalid_type", "the body must be a JSON object");
        }
        body = (ObjectNode) node;
        return body;
    }

    private String readBody() {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.bodyInputStream()) {
            if (declared > maxBody) {
                throw tooLarge(in, declared);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBody) {
                    throw tooLarge(in, -1);
                }
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ValidationException.of("", "unreadable", "the request body could not be read");
        }
    }

    /**
     * The 413 of a body over the limit. The rest of the body is read and dropped first, up to {@link #DRAIN_LIMIT}
     * bytes: a client still sending when the server closed the connection would get a reset instead of the
     * answer. A body declared larger than that is not read at all; the connection is closed after the answer.
     */
    private HttpFailure tooLarge(InputStream in, long declared) {
        if (declared <= DRAIN_LIMIT) {
            byte[] buf = new byte[8192];
            long dropped = 0;
            try {
                for (int n = in.read(buf); n > 0 && dropped <= DRAIN_LIMIT; n = in.read(buf)) {
                    dropped += n;
                }
            } catch (IOException e) {
                // The client went away: nobody reads the answer either.
            }
        }
        ctx.header("Connection", "close");
        return new HttpFailure(413, "payload_too_large", "the request body is larger than " + maxBody + " bytes",
                List.of(Violation.of("", "too_large", "at most " + maxBody + " bytes")));
    }

    void json(int status, JsonNode node) {
        ctx.status(status).contentType("application/json").result(node.toString());
    }

    void html(String page) {
        ctx.status(200).contentType("text/html; charset=utf-8");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.result(page);
    }

    void bytes(int status, String contentType, byte[] data, String fileName) {
        ctx.status(status).contentType(contentType);
        if (fileName != null) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_")
                    + "\"");
        }
        ctx.result(data);
    }
}
