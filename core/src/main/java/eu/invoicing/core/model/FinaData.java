package eu.invoicing.core.model;

import java.time.Instant;

/**
 * Croatian fiscalization data (Porezna uprava / FINA) of a document. Every component is nullable.
 *
 * <p>Immutable and thread-safe.
 *
 * @param businessPremiseName {@code OznPosPr}
 * @param electronicDeviceName {@code OznNapUr}
 * @param numberingSequence {@code P} (per premise) or {@code N} (per device)
 * @param sequenceNumber {@code BrOznRac}
 * @param operatorOib OIB of the operator
 * @param paymentMethod {@code NacinPlac}: G, K, C, T or O
 * @param issuedAt issue date-time
 * @param zki protective code of the issuer (32 lowercase hex)
 * @param jir unique invoice id returned by the tax authority (UUID)
 * @param status fiscalization status
 * @param error last error message from the gateway
 */
public record FinaData(String businessPremiseName, String electronicDeviceName, String numberingSequence,
        String sequenceNumber, String operatorOib, String paymentMethod, Instant issuedAt, String zki, String jir,
        FiscalStatus status, String error) {
}
