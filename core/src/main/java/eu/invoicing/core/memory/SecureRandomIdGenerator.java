package eu.invoicing.core.memory;

import eu.invoicing.core.spi.IdGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The default {@link IdGenerator}: ids are the prefix and 96 random bits as 24 lowercase hex digits (the
 * shape of the reference's Mongo-style ids); share tokens are 192 random bits in URL-safe Base64 without
 * padding (32 characters of {@code [A-Za-z0-9_-]}). Both come from {@link SecureRandom}.
 *
 * <p>Thread-safe.
 */
public final class SecureRandomIdGenerator implements IdGenerator {
    /** Random bytes in a share token (192 bits, above the required 128). */
    public static final int TOKEN_BYTES = 24;
    private static final int ID_BYTES = 12;

    private final SecureRandom random;

    /** Uses a new {@link SecureRandom}. */
    public SecureRandomIdGenerator() {
        this(new SecureRandom());
    }

    /**
     * Creates a generator drawing from the given source.
     *
     * @param random the source, not null
     * @throws NullPointerException if {@code random} is null
     */
    public SecureRandomIdGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String newId(String prefix) {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Objects.requireNonNull(prefix, "prefix") + HexFormat.of().formatHex(bytes);
    }

    @Override
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
