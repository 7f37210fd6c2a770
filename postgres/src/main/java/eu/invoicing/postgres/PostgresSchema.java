package eu.invoicing.postgres;

import eu.invoicing.core.ValidationException;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The database schema the PostgreSQL stores live in, and its versioned migrations (Flyway, from
 * {@code classpath:eu/invoicing/postgres/migration}). The schema name is the host's choice so that several
 * libraries, or several independent instances of this one, can share a database; the stores qualify every
 * table with it. Migrations record their history in {@code SCHEMA.flyway_schema_history}.
 *
 * <p>Immutable and thread-safe.
 */
public final class PostgresSchema {
    /** The schema used when the host names none. */
    public static final String DEFAULT_NAME = "invoicing";

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    /**
     * @param name a lowercase PostgreSQL identifier ({@code [a-z_][a-z0-9_]*}, at most 63 characters), not
     *     null; it is written into SQL as a quoted identifier, so only such names are accepted
     * @return the schema
     * @throws ValidationException (path {@code schema}) for any other name
     */
    public static PostgresSchema named(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.startsWith("pg_")) {
            throw ValidationException.of("schema", "invalid_value", "a schema name is a lowercase identifier "
                    + "([a-z_][a-z0-9_]*, at most 63 characters, not pg_...), was "
                    + (name == null ? "null" : "\"" + name + "\""));
        }
        return new PostgresSchema(name);
    }

    /** @return the schema {@value #DEFAULT_NAME} */
    public static PostgresSchema defaultSchema() {
        return new PostgresSchema(DEFAULT_NAME);
    }

    /** @return the schema's name */
    public String name() {
        return name;
    }

    /**
     * Creates the schema when absent and applies every migration not applied yet, in version order; a
     * migration already applied is never rerun (its checksum is verified). Safe to call from several nodes
     * at once: Flyway serialises concurrent migrations with a database lock.
     *
     * @param dataSource a source of connections of a role that may create the schema's objects, not null
     * @return how many migrations were applied now (0 when the schema was up to date)
     * @throws PostgresException when a migration fails (that migration is rolled back)
     */
    public int migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try {
            MigrateResult result = flyway(dataSource).migrate();
            return result.migrationsExecuted;
        } catch (RuntimeException e) {
            throw new PostgresException("migrating schema " + name + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * @param dataSource a source of connections, not null
     * @return the schema version applied last, or empty text when none
     * @throws PostgresException when the history cannot be read
     */
    public String currentVersion(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try {
            var current = flyway(dataSource).info().current();
            return current == null ? "" : current.getVersion().getVersion();
        } catch (RuntimeException e) {
            throw new PostgresException("reading the migrations of schema " + name + " failed: " + e.getMessage(), e);
        }
    }

    private Flyway flyway(DataSource dataSource) {
        return Flyway.configure(PostgresSchema.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(name)
                .defaultSchema(name)
                .createSchemas(true)
                .locations("classpath:eu/invoicing/postgres/migration")
                .load();
    }

    /** @return {@code "schema".table}, for SQL text (the name was validated, never user input) */
    String table(String table) {
        return '"' + name + "\"." + table;
    }

    @Override
    public String toString() {
        return name;
    }
}
