package eu.invoicing.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.json.InvoicingJson;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code invoicing serve} as a separate JVM through the picocli entry point ({@link InvoicingCli#main}), as a
 * script would start it: the start line is read from its stdout, and {@link #terminate()} sends SIGTERM.
 */
final class ServeProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final JsonNode startLine;
    private final StringBuilder stdoutRest = new StringBuilder();
    private final List<Thread> readers = new ArrayList<>();

    private ServeProcess(Process process) throws Exception {
        this.process = process;
        drain(process.getErrorStream(), stderr);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(120, TimeUnit.SECONDS);
        if (first == null) {
            process.waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("serve ended without a start line, exit " + process.exitValue() + ": "
                    + stderr());
        }
        this.startLine = InvoicingJson.parse(first);
        Thread rest = new Thread(() -> {
            try {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    synchronized (stdoutRest) {
                        stdoutRest.append(l).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        rest.setDaemon(true);
        rest.start();
        readers.add(rest);
    }

    /**
     * Starts {@code invoicing serve ARGS} and waits for its start line.
     *
     * @param env extra environment, {@code NAME=value}
     */
    static ServeProcess start(List<String> env, String... args) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath, InvoicingCli.class.getName(), "serve"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        for (String e : env) {
            pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        }
        return new ServeProcess(pb.start());
    }

    JsonNode startLine() {
        return startLine;
    }

    String base() {
        return startLine.get("url").asText();
    }

    int port() {
        return startLine.get("port").asInt();
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    String laterStdout() {
        synchronized (stdoutRest) {
            return stdoutRest.toString();
        }
    }

    HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base() + path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            r.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends SIGTERM and waits for the process to end.
     *
     * @return its exit code
     */
    int terminate() throws InterruptedException {
        // SIGTERM through the handle: Process.destroy() would also close our ends of its stdout and stderr, and
        // what the process writes while it stops would be lost.
        process.toHandle().destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("serve did not stop within 90 s of SIGTERM: " + stderr());
        }
        // Everything the process wrote is read before its output is looked at.
        for (Thread t : readers) {
            t.join(30_000);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void drain(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    synchronized (to) {
                        to.write(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
        readers.add(t);
    }
}
