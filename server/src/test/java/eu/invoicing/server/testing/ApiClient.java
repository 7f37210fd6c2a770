package eu.invoicing.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The JDK HTTP client the server tests call the API with over loopback: a bearer key when one is given, JSON
 * when a body is given, and any further headers as name/value pairs. Thread-safe (one shared client).
 */
public final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ApiClient() {
    }

    /**
     * @param port the server's port
     * @param method the HTTP method
     * @param path the path with its query, e.g. {@code /invoices?limit=2}
     * @param key the API key, or null for none (public share pages, 401 tests)
     * @param body the JSON body, or null for none
     * @param headers further headers, name then value
     * @return the answer with its body as text
     * @throws IOException when the exchange fails
     * @throws InterruptedException when interrupted
     */
    public static HttpResponse<String> send(int port, String method, String path, String key, String body,
            String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            r.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
