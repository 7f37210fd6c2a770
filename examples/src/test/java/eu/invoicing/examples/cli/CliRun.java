package eu.invoicing.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.json.InvoicingJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs the {@code invoicing} command line in-process the way a shell would: stdin, stdout and stderr are
 * the process streams ({@link System#in}, {@link System#out}, {@link System#err}), replaced for the run.
 */
final class CliRun {
    private CliRun() {
    }

    /** What one run left behind. */
    record Result(int exit, byte[] stdout, String err) {
        /** @return stdout as UTF-8 text */
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** @return the {@code errors} array of the first stderr line, which must be the errors JSON */
        JsonNode errors() {
            String first = err.lines().findFirst().orElse("");
            JsonNode node = InvoicingJson.parse(first);
            assertThat(node.has("errors")).as("stderr starts with {\"errors\":[...]}: %s", err).isTrue();
            return node.get("errors");
        }
    }

    static Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Result r = run(stdin, out, args);
        return new Result(r.exit(), out.toByteArray(), r.err());
    }

    /** Runs with a stdout that refuses every write, as {@code > /dev/full} does. */
    static Result runWithFullStdout(String stdin, String... args) {
        return run(stdin, new FullDevice(), args);
    }

    private static Result run(String stdin, OutputStream stdout, String... args) {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(stdout, false, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = InvoicingCli.commandLine().execute(args);
            System.out.flush();
            return new Result(exit, new byte[0], err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    /** An output stream like {@code /dev/full}: every write fails. */
    static final class FullDevice extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }
    }
}
