package eu.invoicing.examples.demo;

import eu.invoicing.core.spi.IdGenerator;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A deterministic {@link IdGenerator} for the demo: ids and share tokens drawn from a
 * {@link SplittableRandom} with a fixed seed, so two runs create the same ids in the same order and write
 * byte-identical outputs. The shapes are those of the default generator (prefix + 24 lowercase hex digits;
 * 32-character URL-safe tokens). Predictable by design: never for a real installation, where share tokens
 * must be unguessable ({@link eu.invoicing.core.memory.SecureRandomIdGenerator}).
 *
 * <p>Thread-safe (synchronized); the sequence depends on the order of the calls.
 */
final class SeededIds implements IdGenerator {
    private static final int ID_BYTES = 12;
    private static final int TOKEN_BYTES = 24;

    private final SplittableRandom random;

    /** @param seed the seed; the same seed gives the same sequence */
    SeededIds(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public synchronized String newId(String prefix) {
        return Objects.requireNonNull(prefix, "prefix") + HexFormat.of().formatHex(bytes(ID_BYTES));
    }

    @Override
    public synchronized String newToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(TOKEN_BYTES));
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
