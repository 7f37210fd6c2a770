package eu.invoicing.fiscal;

/**
 * A tax authority's signed answer to a message, its signature verified: either accepted (with the EOR / JIR
 * of an invoice; a premise registration has none) or rejected with the authority's error code.
 *
 * <p>Immutable and thread-safe.
 *
 * @param accepted whether the authority accepted the message
 * @param messageId the id of the message answered, not null
 * @param uniqueInvoiceId the EOR (FURS) or JIR (CIS) of an accepted invoice, nullable
 * @param errorCode the authority's error code of a rejection (FURS {@code S006}, CIS {@code s005}), nullable
 * @param error a clear explanation of the rejection, nullable
 */
public record RegisterReply(boolean accepted, String messageId, String uniqueInvoiceId, String errorCode,
        String error) {
}
