package eu.invoicing.core.model;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed document id: the kind's prefix followed by an opaque lowercase alphanumeric key (the library
 * generates 24 lowercase hex digits, as the reference's Mongo-style ids). The kind is always derivable.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the kind, not null
 * @param value the full id including the prefix, not null
 */
public record DocumentId(DocumentType type, String value) {
    private static final Pattern KEY = Pattern.compile("[0-9a-z]{1,64}");

    /**
     * Checks that the value carries the type's prefix.
     *
     * @param type the kind, not null
     * @param value the full id including the prefix, not null
     * @throws NullPointerException if a component documented as not null is null
     * @throws IllegalArgumentException if {@code value} is not the kind's prefix followed by 1 to 64 lowercase
     *     letters or digits
     */
    public DocumentId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(type.idPrefix()) || !KEY.matcher(value.substring(type.idPrefix().length())).matches()) {
            throw new IllegalArgumentException("not a " + type + " id: " + value);
        }
    }

    /**
     * Parses an id of any kind.
     *
     * @param value the id, nullable
     * @return the typed id
     * @throws ValidationException (path {@code id}) when the value is null or malformed
     */
    public static DocumentId parse(String value) {
        return parse(value, "id");
    }

    /**
     * Parses an id of any kind, reporting errors at the given path.
     *
     * @param value the id, nullable
     * @param path the field path used in the error, not null
     * @return the typed id
     * @throws ValidationException when the value is null or malformed
     */
    public static DocumentId parse(String value, String path) {
        DocumentType type = DocumentType.ofId(value).orElseThrow(() -> ValidationException.of(path, "invalid_id",
                "must be a document id with a prefix inv_, est_, cre_, adv_ or del_, was " + Violation.quote(value)));
        if (!KEY.matcher(value.substring(type.idPrefix().length())).matches()) {
            throw ValidationException.of(path, "invalid_id", "malformed document id, was " + Violation.quote(value));
        }
        return new DocumentId(type, value);
    }

    /**
     * Parses an id that must be of the given kind.
     *
     * @param value the id, nullable
     * @param expected the kind required, not null
     * @return the typed id
     * @throws ValidationException when malformed or of another kind
     */
    public static DocumentId parse(String value, DocumentType expected) {
        DocumentId id = parse(value);
        if (id.type() != expected) {
            throw ValidationException.of("id", "wrong_document_type",
                    "expected a " + expected.idPrefix() + " id, was " + Violation.quote(value));
        }
        return id;
    }


    @Override
    public String toString() {
        return value;
    }
}
