package eu.invoicing.core.spi;

/**
 * The tax authority a document is fiscalized with.
 *
 * <p>Immutable and thread-safe.
 */
public enum FiscalAuthority {
    /** Slovenia, Finančna uprava (FURS): ZOI with RSA-SHA256 + MD5, EOR returned. */
    FURS,
    /** Croatia, Porezna uprava with FINA certificates: ZKI with RSA-SHA1 + MD5, JIR returned. */
    FINA
}
