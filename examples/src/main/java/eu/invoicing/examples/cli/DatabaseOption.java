package eu.invoicing.examples.cli;

import eu.invoicing.core.ValidationException;
import picocli.CommandLine.Option;

/**
 * The {@code --database URL} option of the commands that keep documents (a picocli mixin): without it the
 * command works in memory as before; with a JDBC URL ({@code jdbc:postgresql://host/db?user=U&password=P}) the
 * documents live in that PostgreSQL database (schema {@code invoicing}, migrated on first use), so that one
 * run sees what an earlier one stored; {@code embedded} starts a throwaway PostgreSQL server for the run.
 *
 * <p>Mutable (filled by picocli), single-thread.
 */
final class DatabaseOption {
    @Option(names = "--database", paramLabel = "URL",
            description = "Keep documents in PostgreSQL: a JDBC URL with user and password "
                    + "(jdbc:postgresql://host:5432/db?user=U&password=P), or 'embedded' for a throwaway server "
                    + "started for this run (default: in memory).")
    String url;

    /** @return whether {@code --database} was given */
    boolean present() {
        return url != null;
    }

    /**
     * @return the database (close it)
     * @throws ValidationException at {@code --database}: {@code invalid_value}, {@code unreachable}
     */
    CliDatabase open() {
        return CliDatabase.open(url, "--database");
    }
}
