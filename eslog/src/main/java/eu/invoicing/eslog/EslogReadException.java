package eu.invoicing.eslog;

import eu.invoicing.core.InvoicingException;
import java.util.Locale;
import java.util.Objects;

/**
 * An XML input was refused before or while it was read: it is not well-formed, it declares a
 * DOCTYPE (refused to rule out external entities and entity expansion), it passes one of the reader's
 * limits (document size, element count, nesting depth, attributes per element, name length, the length
 * of a text node, comment, processing instruction, attribute value or tag), or it is not an e-SLOG 2.0
 * {@code Invoice}. The message says which, with the line and column where known, and quotes input only
 * as a short prefix; {@link #reason()} says it for programs.
 *
 * <p>Immutable and thread-safe.
 */
public final class EslogReadException extends InvoicingException {
    private static final long serialVersionUID = 1L;

    /** Why an input was refused; {@link #code()} is a stable snake_case name. */
    public enum Reason {
        /** The document declares a DOCTYPE. */
        DOCTYPE,
        /** An entity reference or expansion (the JDK's entity limits). */
        ENTITY,
        /** The document is not in UTF-8 (or another ASCII-compatible encoding) or UTF-16. */
        UNSUPPORTED_ENCODING,
        /** The document has more bytes than the limit. */
        DOCUMENT_TOO_LARGE,
        /** The document has more elements than the limit. */
        TOO_MANY_ELEMENTS,
        /** Elements nest deeper than the limit. */
        TOO_DEEP,
        /** An element has more attributes than the limit. */
        TOO_MANY_ATTRIBUTES,
        /** An element, attribute, prefix or processing-instruction name is longer than the limit. */
        NAME_TOO_LONG,
        /** A text node or CDATA section is longer than the limit. */
        TEXT_TOO_LONG,
        /** A comment is longer than the limit. */
        COMMENT_TOO_LONG,
        /** A processing instruction is longer than the limit. */
        PROCESSING_INSTRUCTION_TOO_LONG,
        /** An attribute value is longer than the limit. */
        ATTRIBUTE_TOO_LONG,
        /** A tag (without its attribute values) or a declaration is longer than the limit. */
        TAG_TOO_LONG,
        /** The XML is not well-formed. */
        NOT_WELL_FORMED,
        /** Well-formed XML, but not an e-SLOG 2.0 invoice. */
        NOT_ESLOG,
        /** A number, date or code is malformed, or an essential amount is missing. */
        INVALID_VALUE,
        /** The stream could not be read. */
        STREAM_FAILED,
        /** The JDK's XML parser lacks a security setting the reader needs. */
        PARSER_UNAVAILABLE,
        /** Not given (the two-argument constructor). */
        UNREADABLE;

        /** @return the snake_case name, e.g. {@code too_many_attributes} */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why; not null. */
    private final Reason reason;

    /**
     * @param message what was refused and why, not null
     * @param cause the underlying parser failure, nullable
     */
    public EslogReadException(String message, Throwable cause) {
        this(Reason.UNREADABLE, message, cause);
    }

    /**
     * @param reason why the input was refused, not null
     * @param message what was refused and why, not null
     * @param cause the underlying parser failure, nullable
     * @throws NullPointerException if {@code reason} is null
     */
    public EslogReadException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the input was refused, never null */
    public Reason reason() {
        return reason;
    }
}
