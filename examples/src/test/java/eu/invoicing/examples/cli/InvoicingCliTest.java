package eu.invoicing.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
    void execute_version_printsTheVersionOfThePom() {
        String pomVersion = System.getProperty("invoicing.project.version");
        assertThat(pomVersion).as("system property invoicing.project.version, set by the parent pom").isNotBlank();
        CliRun.Result r = CliRun.run("", "--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("invoicing " + pomVersion + System.lineSeparator());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void execute_versionAfterAnySubcommand_printsTheSameVersion() {
        String expected = CliRun.run("", "--version").out();
        List<List<String>> paths = new ArrayList<>();
        subcommandPaths(InvoicingCli.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(5);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--version");
            CliRun.Result r = CliRun.run("", args.toArray(String[]::new));
            assertThat(r.exit()).as("exit of %s", args).isZero();
            assertThat(r.out()).as("stdout of %s", args).isEqualTo(expected);
        }
    }

    private static void subcommandPaths(CommandLine cli, List<String> prefix, List<List<String>> paths) {
        for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(sub.getKey());
            paths.add(path);
            subcommandPaths(sub.getValue(), path, paths);
        }
    }

    @Test
    void execute_help_usageOnStdoutExitZero() {
        CliRun.Result r = CliRun.run("", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: invoicing");
    }
}
