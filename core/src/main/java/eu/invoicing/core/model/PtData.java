package eu.invoicing.core.model;

/**
 * Portuguese certification data (ATCUD, hash chain, QR) carried by a document. Every component is
 * nullable; the library stores and outputs it but does not compute it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param atcud unique document code
 * @param series document series
 * @param hash signature hash of the document
 * @param hashControl certificate/key version used
 * @param qrCode QR payload
 */
public record PtData(String atcud, String series, String hash, String hashControl, String qrCode) {
}
