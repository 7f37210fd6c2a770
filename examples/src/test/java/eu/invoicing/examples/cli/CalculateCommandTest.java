package eu.invoicing.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CalculateCommandTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String stdin, String... args) {
        InputStream original = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            CommandLine cli = InvoicingCli.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            return new Run(cli.execute(args), out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void calculate_validRequest_printsTheCalculationAndExitsZero() {
        Run r = run("{\"items\":[{\"name\":\"Web Development\",\"quantity\":10,\"price\":100,\"taxes\":[{\"rate\":22}]}]}",
                "calculate", "--type", "invoice");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"total_with_tax\":1220.00", "\"transaction_type\":\"domestic\"");
    }

    @Test
    void calculate_badRequest_exitsTwoWithErrorsOnStderr() {
        Run r = run("{\"items\":[]}", "calculate", "--type", "invoice");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("{\"errors\":[{\"path\":\"items\"");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void calculate_jsonl_answersEachLineAndKeepsGoingAfterAnError() {
        String lines = "{\"items\":[{\"name\":\"a\",\"quantity\":1,\"price\":10,\"taxes\":[{\"rate\":22}]}]}\n"
                + "not json\n"
                + "{\"items\":[{\"name\":\"b\",\"quantity\":2,\"price\":5}]}\n";
        Run r = run(lines, "calculate", "--type", "estimate", "--jsonl");
        String[] out = r.out().strip().split("\n");
        assertThat(out).hasSize(3);
        assertThat(out[0]).contains("\"total_with_tax\":12.20");
        assertThat(out[1]).startsWith("{\"errors\":[");
        assertThat(out[2]).contains("\"total\":10.00");
        assertThat(r.exit()).isEqualTo(2);
    }

    @Test
    void calculate_unknownType_exitsTwo() {
        Run r = run("{}", "calculate", "--type", "receipt");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("\"path\":\"type\"");
    }
}
