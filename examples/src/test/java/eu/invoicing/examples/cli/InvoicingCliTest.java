package eu.invoicing.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvoicingCliTest {
    @Test
    void execute_noArguments_errorAndUsageOnStderrExitTwo() {
        CliRun.Result r = CliRun.run("");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errors().get(0).get("path").asText()).isEqualTo("command");
        assertThat(r.err()).contains("Usage: invoicing", "calculate", "export");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void execute_misspelledOption_namesItAndSuggestsTheRightOne() {
        CliRun.Result r = CliRun.run("{}", "render", "--format", "html", "--tempalte", "classic");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).get("path").asText()).isEqualTo("--tempalte");
        assertThat(r.errors().get(0).get("message").asText()).startsWith("Unknown option: '--tempalte'")
                .contains("--template");
    }

    @Test
    void execute_unknownOptionAndMissingRequiredOne_bothReported() {
        CliRun.Result r = CliRun.run("{}", "calculate", "--tpye", "invoice");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errors()).extracting(e -> e.get("path").asText()).containsExactly("--tpye", "type");
        assertThat(r.err()).contains("Unknown option: '--tpye'");
    }

    @Test
    void execute_help_usageOnStdoutExitZero() {
        CliRun.Result r = CliRun.run("", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: invoicing");
    }
}
