package eu.invoicing.core.model;

import java.time.Instant;

/**
 * Slovenian fiscal verification data (FURS) of a document. Every component is nullable.
 *
 * <p>Immutable and thread-safe.
 *
 * @param businessPremiseName registered business premise id ({@code [0-9a-zA-Z]{1,20}})
 * @param electronicDeviceName electronic device id ({@code [0-9a-zA-Z]{1,20}})
 * @param numberingStrategy {@code C} (per premise) or {@code B} (per device)
 * @param sequenceNumber the fiscal sequence number (no leading zero)
 * @param operatorTaxNumber tax number of the operator who issued the document
 * @param issuedAt issue date-time sent to FURS
 * @param zoi protective mark of the issuer (32 lowercase hex)
 * @param eor unique invoice id returned by FURS (UUID)
 * @param barcode the 60-digit barcode record
 * @param status fiscalization status
 * @param error last error message from the gateway
 */
public record FursData(String businessPremiseName, String electronicDeviceName, String numberingStrategy,
        String sequenceNumber, String operatorTaxNumber, Instant issuedAt, String zoi, String eor, String barcode,
        FiscalStatus status, String error) {
}
