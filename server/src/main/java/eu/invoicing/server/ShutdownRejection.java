package eu.invoicing.server;

import eu.invoicing.core.json.ResponseJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's graceful handler (requests in flight finish when the server stops) answering a request that arrives on
 * an open connection during the stop in the server's error shape, {@code 503} {@code shutting_down}, and closing
 * that connection, instead of Jetty's own error page.
 *
 * <p>Thread-safe, as its parent.
 */
final class ShutdownRejection extends GracefulHandler {
    private static final byte[] BODY = ResponseJson.error("shutting_down", "the server is shutting down", List.of())
            .toString().getBytes(StandardCharsets.UTF_8);

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!isShutdown()) {
            return super.handle(request, response, callback);
        }
        response.setStatus(503);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(BODY), callback);
        return true;
    }
}
