package eu.invoicing.core.spi;

/**
 * The host's link to the tax authority (FURS / FINA): it owns the certificates and the transport. The
 * library builds what is sent, computes the protected code with {@link #sign}, records the status, retries
 * failed documents on request and asks for a technical cancellation when a fiscalized document is voided.
 *
 * <p>The library calls {@link #submit} and {@link #cancel} outside any unit of work, after the numbered
 * document is stored, so a slow or failing authority never loses a number. Implementations must be
 * thread-safe. A thrown exception counts as a failed submission (its message is recorded).
 *
 * <p><b>Idempotence.</b> The library may send the same document again: a retry of a failed submission, and
 * the completion of a {@code pending} one whose outcome could not be stored (the authority may have
 * confirmed it, but the store failed before the EOR / JIR was recorded). Every message has a new
 * {@code messageId}, but the same {@code protectedCode}. {@link #submit} and {@link #cancel} must therefore be
 * idempotent per (authority, entity, protected code, cancellation or not): when the authority has already
 * confirmed that code, answer the earlier confirmation (the same EOR / JIR) instead of registering it again,
 * e.g. from the connector's own log of confirmed codes. The in-memory simulator behaves this way.
 */
public interface FiscalGateway {
    /**
     * Signs the protected-code input with the entity's fiscal certificate (PKCS#1 v1.5).
     *
     * @param authority FURS or FINA, not null
     * @param entityId the issuing entity, not null
     * @param algorithm the JCA algorithm: {@code SHA256withRSA} (FURS) or {@code SHA1withRSA} (FINA), not null
     * @param data the UTF-8 bytes of the protected-code input, not null
     * @return the signature bytes
     */
    byte[] sign(FiscalAuthority authority, String entityId, String algorithm, byte[] data);

    /**
     * Sends a document, or answers the earlier confirmation of its protected code (see the idempotence rule
     * above).
     *
     * @param submission the message to send, not null
     * @return the authority's answer, not null; a success carries the EOR / JIR
     */
    FiscalResponse submit(FiscalSubmission submission);

    /**
     * Asks for a technical cancellation of a fiscalized document that is being voided; idempotent like
     * {@link #submit}.
     *
     * @param submission the cancellation message, not null
     * @return the authority's answer, not null
     */
    FiscalResponse cancel(FiscalSubmission submission);
}
