package eu.invoicing.export.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.export.spi.PendingBlob;
import eu.invoicing.export.spi.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void commit_writtenContent_publishedUnderKeyWithFileUrl() throws IOException {
        DirectoryBlobStore store = DirectoryBlobStore.of(root);
        StoredBlob stored;
        try (PendingBlob blob = store.begin("job1/acme.zip")) {
            blob.output().write("hello".getBytes(StandardCharsets.UTF_8));
            assertThat(store.open("job1/acme.zip")).as("invisible before commit").isEmpty();
            stored = blob.commit();
        }
        assertThat(stored.size()).isEqualTo(5);
        assertThat(Path.of(URI.create(stored.url()))).hasContent("hello");
        try (InputStream in = store.open("job1/acme.zip").orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
        assertThat(partialFiles()).isZero();
    }

    @Test
    void abort_afterWriting_leavesNothing() throws IOException {
        DirectoryBlobStore store = DirectoryBlobStore.of(root);
        PendingBlob blob = store.begin("job1/acme.zip");
        blob.output().write(new byte[1000]);
        blob.abort();
        blob.abort();
        assertThat(store.open("job1/acme.zip")).isEmpty();
        assertThat(partialFiles()).isZero();
        assertThatThrownBy(blob::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void close_withoutCommit_discards() throws IOException {
        DirectoryBlobStore store = DirectoryBlobStore.of(root);
        try (PendingBlob blob = store.begin("a.zip")) {
            blob.output().write(1);
        }
        assertThat(store.open("a.zip")).isEmpty();
        assertThat(partialFiles()).isZero();
    }

    @Test
    void commit_existingKey_replacedAtomically() throws IOException {
        DirectoryBlobStore store = DirectoryBlobStore.of(root);
        for (String content : new String[] {"one", "two"}) {
            try (PendingBlob blob = store.begin("k/a.zip")) {
                blob.output().write(content.getBytes(StandardCharsets.UTF_8));
                blob.commit();
            }
        }
        assertThat(root.resolve("k/a.zip")).hasContent("two");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.zip", "a/../../x.zip", ".partial/x", "a//b", "/abs.zip", "a\\b", "", "a/.hidden", "a\u0000b"})
    void begin_unsafeKey_refused(String key) {
        DirectoryBlobStore store = DirectoryBlobStore.of(root);
        assertThatThrownBy(() -> store.begin(key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("key:");
    }

    @Test
    void url_withPublicBase_isBasePlusEncodedKey() throws IOException {
        DirectoryBlobStore store = DirectoryBlobStore.of(root, URI.create("https://files.example.com/exports"));
        try (PendingBlob blob = store.begin("expjob_1/a b č.zip")) {
            assertThat(blob.commit().url())
                    .isEqualTo("https://files.example.com/exports/expjob_1/a%20b%20%C4%8D.zip");
        }
    }

    @Test
    void delete_committedBlob_removesIt() throws IOException {
        DirectoryBlobStore store = DirectoryBlobStore.of(root);
        try (PendingBlob blob = store.begin("d.zip")) {
            blob.commit();
        }
        assertThat(store.delete("d.zip")).isTrue();
        assertThat(store.delete("d.zip")).isFalse();
    }

    private long partialFiles() throws IOException {
        Path partial = root.resolve(".partial");
        if (!Files.exists(partial)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(partial)) {
            return files.count();
        }
    }
}
