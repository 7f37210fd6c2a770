package eu.invoicing.fiscal.internal;

import eu.invoicing.fiscal.FiscalTransportException;
import eu.invoicing.fiscal.FiscalTransportException.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * HTTPS POST and GET on {@link HttpClient} (HTTP/1.1, the given TLS context, no redirects, a connect and a
 * request timeout), with the answer read up to a bound. Failures become {@link FiscalTransportException}s that
 * say whether the request may have arrived.
 *
 * <p>Immutable and thread-safe.
 */
public final class Https {
    /** The largest answer read (the authorities' answers are a few kilobytes). */
    public static final int MAX_ANSWER_BYTES = 1 << 20;
    private final HttpClient client;
    private final Duration timeout;

    /**
     * The answer of the server.
     *
     * @param status the HTTP status
     * @param body the body, at most {@link #MAX_ANSWER_BYTES}
     */
    public record Response(int status, byte[] body) {
    }

    /**
     * @param tls the TLS context (client certificate and pinned CAs), nullable for the JDK's default
     * @param connectTimeout the connect timeout, not null
     * @param timeout the whole request's timeout, not null
     */
    public Https(SSLContext tls, Duration connectTimeout, Duration timeout) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Objects.requireNonNull(connectTimeout));
        if (tls != null) {
            b.sslContext(tls);
        }
        this.client = b.build();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * @param uri where, not null
     * @param contentType the body's media type, not null
     * @param body the bytes sent, not null
     * @param soapAction a SOAPAction header value, nullable for none
     * @return the answer
     * @throws FiscalTransportException when no answer came
     */
    public Response post(URI uri, String contentType, byte[] body, String soapAction) {
        HttpRequest.Builder r = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (soapAction != null) {
            r.header("SOAPAction", soapAction);
        }
        return send(r.build());
    }

    /**
     * @param uri where, not null
     * @return the answer
     * @throws FiscalTransportException when no answer came
     */
    public Response get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] body = in.readNBytes(MAX_ANSWER_BYTES + 1);
                if (body.length > MAX_ANSWER_BYTES) {
                    throw new FiscalTransportException(Outcome.UNKNOWN, request.uri().getHost()
                            + " answered more than " + MAX_ANSWER_BYTES + " bytes", null);
                }
                return new Response(r.statusCode(), body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FiscalTransportException(Outcome.UNKNOWN, "interrupted while waiting for "
                    + request.uri().getHost(), e);
        } catch (IOException e) {
            throw classify(request.uri(), e);
        }
    }

    private static FiscalTransportException classify(URI uri, IOException e) {
        String where = uri.getHost() + ":" + uri.getPort();
        if (e instanceof HttpConnectTimeoutException || has(e, ConnectException.class)) {
            return new FiscalTransportException(Outcome.NOT_SENT, "cannot connect to " + where + ": "
                    + describe(e), e);
        }
        if (has(e, SSLHandshakeException.class) || refusedByTls(e)) {
            // The TLS layer refused (an untrusted server, a refused client certificate): no request reached the
            // authority's application.
            return new FiscalTransportException(Outcome.NOT_SENT, "TLS with " + where + " failed: " + describe(e), e);
        }
        if (e instanceof HttpTimeoutException) {
            return new FiscalTransportException(Outcome.UNKNOWN, where + " did not answer in time", e);
        }
        return new FiscalTransportException(Outcome.UNKNOWN, "the connection to " + where
                + " failed before an answer: " + describe(e), e);
    }

    /** A TLS alert about certificates: the peer's TLS layer refused the connection before any request. */
    private static boolean refusedByTls(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException && t.getMessage() != null && t.getMessage().contains("fatal alert")
                    && (t.getMessage().contains("certificate") || t.getMessage().contains("unknown_ca")
                    || t.getMessage().contains("handshake_failure"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }
}
