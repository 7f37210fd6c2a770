package eu.invoicing.core.spi;

/**
 * Generates ids and share tokens. The default draws from {@link java.security.SecureRandom}; tests inject a
 * deterministic one.
 *
 * <p>Implementations must be thread-safe.
 */
public interface IdGenerator {
    /**
     * @param prefix the kind's prefix, e.g. {@code inv_}, not null
     * @return the prefix followed by 24 lowercase hex digits, unique with overwhelming probability
     */
    String newId(String prefix);

    /**
     * @return a share token: at least 128 random bits, URL-safe characters only
     *     ({@code [A-Za-z0-9_-]})
     */
    String newToken();
}
