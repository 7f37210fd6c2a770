package eu.invoicing.core.version;

/**
 * The person (or system) on whose behalf an operation ran, as recorded in versions and the timeline:
 * {@code {id, name, email}}. Every component is nullable.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the host's user id, nullable
 * @param name display name, nullable
 * @param email e-mail address, nullable
 */
public record User(String id, String name, String email) {
    /**
     * @param id the host's user id, nullable
     * @return a user with only an id
     */
    public static User ofId(String id) {
        return new User(id, null, null);
    }
}
