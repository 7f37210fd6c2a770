package eu.invoicing.core.spi;

/**
 * The tax authority's answer as reported by the host's {@link FiscalGateway}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param success true when the authority confirmed the document
 * @param uniqueInvoiceId the EOR (FURS) or JIR (FINA) on success, nullable
 * @param error the error code and message on failure, nullable
 */
public record FiscalResponse(boolean success, String uniqueInvoiceId, String error) {
    /**
     * @param uniqueInvoiceId the EOR / JIR, nullable
     * @return a confirmation
     */
    public static FiscalResponse success(String uniqueInvoiceId) {
        return new FiscalResponse(true, uniqueInvoiceId, null);
    }

    /**
     * @param error what went wrong, nullable
     * @return a failure (the document keeps its ZOI / ZKI and may be retried)
     */
    public static FiscalResponse failure(String error) {
        return new FiscalResponse(false, null, error);
    }
}
