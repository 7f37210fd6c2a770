package eu.invoicing.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The version {@code invoicing --version} prints: the project version the build wrote into
 * {@code version.properties} beside this class (a filtered resource), so that it cannot drift from the pom.
 * A filtered resource rather than the jar manifest: the tests run from the classes directory, not the jar.
 *
 * <p>Stateless and thread-safe.
 */
final class VersionProvider implements CommandLine.IVersionProvider {
    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"invoicing " + version()};
    }

    /**
     * @return the project version of the build, for example {@code 0.1.0}
     * @throws IllegalStateException if the resource is missing or was not filtered (a broken build)
     */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + VersionProvider.class.getName());
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String version = properties.getProperty("version", "").strip();
        if (version.isEmpty() || version.contains("${")) {
            throw new IllegalStateException(RESOURCE + " was not filtered by the build: version=" + version);
        }
        return version;
    }
}
