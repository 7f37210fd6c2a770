package eu.invoicing.export.local;

import eu.invoicing.export.spi.BlobStore;
import eu.invoicing.export.spi.PendingBlob;
import eu.invoicing.export.spi.StoredBlob;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * The default {@link BlobStore}: one file per blob under a root directory.
 *
 * <p>A blob is written to a temporary file in {@code <root>/.partial/} and, on commit, moved to
 * {@code <root>/<key>} with an atomic rename on the same file system, so a reader sees either
 * no file or the whole file; an aborted blob's temporary file is deleted. Keys are relative
 * paths of segments separated by {@code /}; a segment may not be empty, start with a dot or
 * contain a backslash or control character, so no key can leave the root or reach the
 * temporary directory. The download URL is the file's {@code file:} URI, or, when a public base
 * URL is given, that base with the percent-encoded key appended.
 *
 * <p>Immutable and thread-safe; pending blobs are not thread-safe (one writer each).
 */
public final class DirectoryBlobStore implements BlobStore {

    private static final String PARTIAL_DIR = ".partial";

    private final Path root;
    private final URI publicBase;

    private DirectoryBlobStore(Path root, URI publicBase) {
        this.root = root;
        this.publicBase = publicBase;
    }

    /**
     * A store under {@code root} whose URLs are {@code file:} URIs.
     *
     * @param root the root directory, not null; created on first write if absent
     * @return the store
     * @throws NullPointerException if {@code root} is null
     */
    public static DirectoryBlobStore of(Path root) {
        Objects.requireNonNull(root, "root");
        return new DirectoryBlobStore(root.toAbsolutePath().normalize(), null);
    }

    /**
     * A store under {@code root} whose URLs are {@code publicBase} + key, for a host that serves
     * the directory over HTTP.
     *
     * @param root the root directory, not null
     * @param publicBase the base URL, not null, absolute; a trailing {@code /} is added if missing
     * @return the store
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code publicBase} is not absolute
     */
    public static DirectoryBlobStore of(Path root, URI publicBase) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(publicBase, "publicBase");
        if (!publicBase.isAbsolute()) {
            throw new IllegalArgumentException("publicBase: must be absolute, was " + publicBase);
        }
        String base = publicBase.toString();
        URI normalized = URI.create(base.endsWith("/") ? base : base + "/");
        return new DirectoryBlobStore(root.toAbsolutePath().normalize(), normalized);
    }

    /** @return the absolute root directory */
    public Path root() {
        return root;
    }

    @Override
    public PendingBlob begin(String key) throws IOException {
        Path target = resolve(key);
        Path partialDir = root.resolve(PARTIAL_DIR);
        Files.createDirectories(partialDir);
        Path temp = Files.createTempFile(partialDir, "blob-", ".part");
        OutputStream out;
        try {
            out = new BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return new DirectoryPendingBlob(key, target, temp, out);
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        Path target = resolve(key);
        try {
            return Optional.of(Files.newInputStream(target));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean delete(String key) throws IOException {
        return Files.deleteIfExists(resolve(key));
    }

    private Path resolve(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key: must not be empty");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".") || segment.indexOf('\\') >= 0
                    || segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("key: unsafe segment \"" + segment + "\" in \"" + key + "\"");
            }
        }
        Path target = root.resolve(key).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("key: leaves the store root, was \"" + key + "\"");
        }
        return target;
    }

    private String urlOf(String key, Path target) {
        if (publicBase == null) {
            return target.toUri().toString();
        }
        try {
            String encodedPath = new URI(null, null, key, null).getRawPath();
            return publicBase.resolve(encodedPath).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("key: cannot be put in a URL, was \"" + key + "\"", e);
        }
    }

    private final class DirectoryPendingBlob implements PendingBlob {
        private final String key;
        private final Path target;
        private final Path temp;
        private final OutputStream out;
        private boolean finished;

        DirectoryPendingBlob(String key, Path target, Path temp, OutputStream out) {
            this.key = key;
            this.target = target;
            this.temp = temp;
            this.out = out;
        }

        @Override
        public OutputStream output() {
            return out;
        }

        @Override
        public StoredBlob commit() throws IOException {
            if (finished) {
                throw new IllegalStateException("blob " + key + " was already committed or aborted");
            }
            try {
                out.close();
                Files.createDirectories(target.getParent());
                long size = Files.size(temp);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                finished = true;
                return new StoredBlob(key, urlOf(key, target), size);
            } catch (IOException | RuntimeException e) {
                abort();
                throw e;
            }
        }

        @Override
        public void abort() {
            if (finished) {
                return;
            }
            finished = true;
            try {
                out.close();
            } catch (IOException ignored) {
                // The content is being thrown away; a failing close changes nothing.
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete partial blob " + temp, e);
            }
        }

        @Override
        public void close() {
            abort();
        }
    }
}
