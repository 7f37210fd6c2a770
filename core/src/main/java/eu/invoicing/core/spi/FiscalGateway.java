package eu.invoicing.core.spi;

/**
 * The host's link to the tax authority (FURS / FINA): it owns the certificates and the transport. The
 * library builds what is sent, computes the protected code with {@link #sign}, records the status, retries
 * failed documents on request and asks for a technical cancellation when a fiscalized document is voided.
 *
 * <p>The library calls {@link #submit} and {@link #cancel} outside any unit of work, after the numbered
 * document is stored, so a slow or failing authority never loses a number. Implementations must be
 * thread-safe. A thrown exception counts as a failed submission (its message is recorded).
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
     * @param submission the message to send, not null
     * @return the authority's answer, not null
     */
    FiscalResponse submit(FiscalSubmission submission);

    /**
     * Asks for a technical cancellation of a fiscalized document that is being voided.
     *
     * @param submission the cancellation message, not null
     * @return the authority's answer, not null
     */
    FiscalResponse cancel(FiscalSubmission submission);
}
