package eu.invoicing.examples.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.rates.EcbExchangeRateProvider;
import eu.invoicing.core.spi.ExchangeRateProvider;
import eu.invoicing.postgres.PostgresInvoicing;
import eu.invoicing.postgres.PostgresServerState;
import eu.invoicing.server.ApiKeys;
import eu.invoicing.server.InvoicingServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code invoicing serve --port P [--host H] [--database URL] [--entity FILE] [--api-key-file F]}: the reference
 * API over HTTP (the {@code server} module, docs/server.md) until the process is stopped (SIGTERM, Ctrl-C), then
 * a graceful stop: running requests finish, new connections are refused.
 *
 * <p>The entity (the {@code --entity} JSON, by default a Slovenian VAT subject) is created on the server with its
 * first API key: printed once in the start line on stdout, or with {@code --api-key-file} written to that file
 * (owner-only permissions) and not printed. The start line is one JSON object:
 * {@code {"url","port","entity_id","key_id","api_key"|"api_key_file"}}. Further keys are issued, listed and
 * revoked over HTTP ({@code /api-keys}).
 *
 * <p>With {@code --database jdbc:postgresql://...} documents, numbers, versions, the entities and the API keys
 * (their hashes) are stored on PostgreSQL (the schema is migrated on start; docs/postgres.md), otherwise in
 * memory. On a restart on the same database an entity that still has an active key gets no new one: the old key
 * keeps working, nothing secret is printed or written, and the start line says
 * {@code {"url","port","entity_id","key_id","api_key_exists":true}} ({@code key_id} the oldest active key).
 * Connections come from a HikariCP pool of at most {@code --database-connections} (default 10).
 *
 * <p>Bad input (a bad port, a port in use, an unreadable entity file, an unwritable key file, a database that
 * cannot be reached) is exit 2 with {@code {"errors":[...]}} on stderr, before anything is served.
 *
 * <p>Mutable (filled by picocli), single-thread; the server it starts is thread-safe.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the reference API over HTTP until stopped (SIGTERM, Ctrl-C).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", required = true, paramLabel = "P",
            description = "the port to listen on, 0 for any free one")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "the address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)")
    String host;

    @Option(names = "--database", paramLabel = "URL",
            description = "a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db?user=...); default: in memory")
    String database;

    @Option(names = "--database-password-env", paramLabel = "VAR",
            description = "the environment variable holding the database password (never on the command line)")
    String passwordEnv;

    @Option(names = "--database-connections", defaultValue = "10", paramLabel = "N",
            description = "the most connections the server opens to the database at once (default 10)")
    int connections;

    @Option(names = "--schema", defaultValue = "invoicing", paramLabel = "NAME",
            description = "the PostgreSQL schema (default invoicing)")
    String schema;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "write the first API key to FILE (owner-only permissions) instead of printing it")
    Path keyFile;

    @CommandLine.Mixin
    EntityOption entityOption = new EntityOption();

    @CommandLine.Mixin
    RatesOption rates = new RatesOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The pooled database of {@code --database}, closed when the server stops. */
    private volatile CliDatabase pool;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        InvoicingServer server;
        ApiKeys.ApiKey key;
        String secret;
        Entity entity;
        try {
            if (port < 0 || port > 65535) {
                throw ValidationException.of("port", "out_of_range", "must be 0-65535, was " + port);
            }
            checkHost();
            entity = entityOption.load();
            // As the SaaS: a foreign-currency document without exchange_rate takes the ECB's rate of its date,
            // fetched and cached; --rates FILE answers from an ECB-format file instead, offline.
            ExchangeRateProvider fromFile = rates.load();
            ExchangeRateProvider exchangeRates = fromFile != null ? fromFile : EcbExchangeRateProvider.create();
            Path keyTemp = keyFile == null ? null : CliFiles.temporaryFor(keyFile, "api-key-file");
            try {
                InvoicingServer.Builder b = InvoicingServer.builder().host(host).port(port).entity(entity)
                        .exchangeRates(exchangeRates);
                if (database != null) {
                    pool = openDatabase();
                    PostgresInvoicing pg = postgres(pool, exchangeRates);
                    PostgresServerState state = PostgresServerState.of(pg);
                    b.backend(pg.invoicing(), pg.documents()).keyStore(state.apiKeys()).entityStore(state.entities());
                }
                server = b.build();
                try {
                    List<ApiKeys.ApiKey> existing = server.keys().activeFor(entity.id());
                    if (existing.isEmpty()) {
                        ApiKeys.IssuedKey issued = server.keys().issue(List.of(entity.id()));
                        key = issued.key();
                        secret = issued.secret();
                        if (keyTemp != null) {
                            writeOwnerOnly(keyTemp, secret);
                            CliFiles.commit(keyTemp, keyFile);
                            keyTemp = null;
                        }
                    } else {
                        // A restart on the same database: the stored key still works; the file is left as it is.
                        key = existing.get(0);
                        secret = null;
                    }
                    server.start();
                } catch (IOException | RuntimeException e) {
                    // Nothing is served: the export workers, the temporary directory and the pool go too.
                    server.stop();
                    closeQuietly(pool);
                    rejectPortInUse(e);
                    throw e;
                }
            } finally {
                if (keyTemp != null) {
                    Files.deleteIfExists(keyTemp);
                }
            }
        } catch (ValidationException e) {
            closeQuietly(pool);
            return InvoicingCli.badInput(err, e.violations());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            closeQuietly(pool);
            stopped.countDown();
        }, "invoicing-serve-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(startLine(server, entity, key, secret));
        out.flush();
        stopped.await();
        return InvoicingCli.EXIT_OK;
    }

    private ObjectNode startLine(InvoicingServer server, Entity entity, ApiKeys.ApiKey key, String secret) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("url", "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port());
        line.put("port", server.port());
        line.put("entity_id", entity.id());
        line.put("key_id", key.id());
        if (secret == null) {
            line.put("api_key_exists", true);
        } else if (keyFile != null) {
            line.put("api_key_file", keyFile.toString());
        } else {
            line.put("api_key", secret);
        }
        return line;
    }

    private void checkHost() {
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw ValidationException.of("host", "unknown_host", "no such host: " + Violation.quote(host));
        }
    }

    /**
     * A port already taken is bad input at {@code port}, an address not of this machine at {@code host}: thrown as
     * such; anything else returns.
     */
    private void rejectPortInUse(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                String why = String.valueOf(t.getMessage());
                if (why.contains("assign")) {
                    throw ValidationException.of("host", "not_local", "cannot listen on " + host + ": " + why);
                }
                throw ValidationException.of("port", "in_use", "cannot listen on port " + port + ": " + why);
            }
        }
    }

    /** Checks the URL, connects once, and opens the pool (errors at {@code database}). */
    private CliDatabase openDatabase() {
        if (connections < 1) {
            throw ValidationException.of("database-connections", "out_of_range", "must be at least 1, was "
                    + connections);
        }
        String password = null;
        if (passwordEnv != null) {
            password = System.getenv(passwordEnv);
            if (password == null) {
                throw ValidationException.of("database-password-env", "not_found", "the environment variable "
                        + passwordEnv + " is not set");
            }
        }
        return CliDatabase.openPooled(database, password, "database", connections);
    }

    private PostgresInvoicing postgres(CliDatabase db, ExchangeRateProvider exchangeRates) {
        try {
            return PostgresInvoicing.builder(db.dataSource()).schema(schema)
                    .configure(b -> b.exchangeRates(exchangeRates)).build();
        } catch (ValidationException e) {
            throw e;
        } catch (InvoicingException e) {
            throw ValidationException.of("database", "migration_failed", "cannot migrate schema " + schema + ": "
                    + e.getMessage());
        }
    }

    private static void closeQuietly(CliDatabase db) {
        if (db != null) {
            try {
                db.close();
            } catch (RuntimeException e) {
                // Stopping anyway: the pool's connections end with the process.
            }
        }
    }

    /**
     * Writes the key readable and writable by its owner only: set on the file before the key is in it (POSIX), or
     * as far as the file system allows elsewhere.
     */
    private static void writeOwnerOnly(Path file, String secret) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } else {
            java.io.File f = file.toFile();
            boolean restricted = f.setReadable(false, false) & f.setReadable(true, true)
                    & f.setWritable(false, false) & f.setWritable(true, true);
            if (!restricted) {
                throw ValidationException.of("api-key-file", "unwritable", "cannot restrict the permissions of "
                        + CliFiles.quote(file));
            }
        }
        Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
    }
}
