package eu.invoicing.fiscal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A local HTTPS server playing a tax authority: mutual TLS required (a client certificate issued by the test
 * tax CA), one server per test class, with a fault mode the test sets before each call.
 */
abstract class FakeAuthority implements AutoCloseable {
    /** How the next request is answered. */
    enum Mode {
        /** As the authority would. */
        NORMAL,
        /** Register the message, then answer HTTP 500 with no body. */
        HTTP_500_AFTER_ACCEPT,
        /** Do not register; answer 200 with a body that is not the protocol. */
        GARBAGE,
        /** Register, then hold the answer until {@link #release()}. */
        TIMEOUT_AFTER_ACCEPT,
        /** Register, then close the connection without an answer. */
        CLOSE_AFTER_ACCEPT,
        /** Register and answer, signed with a key that is not the authority's. */
        FORGED_ANSWER
    }

    private final HttpsServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    volatile Mode mode = Mode.NORMAL;
    volatile String errorCode;
    private volatile CountDownLatch hold = new CountDownLatch(1);

    FakeAuthority(TestPki.Issued serverCert, X509Certificate clientCa, String path) {
        try {
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SSLContext ctx = TestPki.serverContext(serverCert, clientCa);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = ctx.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.createContext(path, this::exchange);
        server.setExecutor(pool);
        server.start();
    }

    URI base() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Lets a held answer go (the client has timed out by then). */
    void release() {
        hold.countDown();
        hold = new CountDownLatch(1);
    }

    void reset() {
        release();
        mode = Mode.NORMAL;
        errorCode = null;
    }

    private void exchange(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readNBytes(1 << 20);
            bodies.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            X509Certificate peer = (X509Certificate) ((HttpsExchange) ex).getSSLSession().getPeerCertificates()[0];
            Mode m = mode;
            if (m == Mode.GARBAGE) {
                respond(ex, 200, "text/html", "<html>maintenance</html>".getBytes());
                return;
            }
            Answer a = handle(ex.getRequestURI().getPath(), body, peer, m == Mode.FORGED_ANSWER);
            switch (m) {
                case HTTP_500_AFTER_ACCEPT -> respond(ex, 500, "text/plain", new byte[0]);
                case CLOSE_AFTER_ACCEPT -> {
                    // No answer at all: HttpExchange.close() without response headers drops the connection.
                }
                case TIMEOUT_AFTER_ACCEPT -> {
                    try {
                        hold.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    respond(ex, 200, a.contentType(), a.body());
                }
                default -> respond(ex, a.status(), a.contentType(), a.body());
            }
        } catch (RuntimeException e) {
            respond(ex, 500, "text/plain", String.valueOf(e).getBytes());
        }
    }

    private static void respond(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    /** An answer of the protocol. */
    record Answer(int status, String contentType, byte[] body) {
    }

    /**
     * @param path the request path
     * @param body the exact request bytes
     * @param peer the TLS client certificate
     * @param forged sign the answer with a key that is not the authority's
     * @return the protocol's answer (registering what the message registers)
     */
    abstract Answer handle(String path, byte[] body, X509Certificate peer, boolean forged);

    @Override
    public void close() {
        release();
        server.stop(0);
        pool.shutdownNow();
    }
}
