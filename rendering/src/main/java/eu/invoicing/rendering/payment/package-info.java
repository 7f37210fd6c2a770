/**
 * The payment and fiscal codes printed on documents: the Slovenian UPN QR ({@link eu.invoicing.rendering.payment.UpnQr}),
 * the EPC QR "GiroCode" ({@link eu.invoicing.rendering.payment.EpcQr}), the Croatian HUB3 PDF417 barcode
 * ({@link eu.invoicing.rendering.payment.Hub3Barcode}) and the FURS QR of a fiscally verified invoice
 * ({@link eu.invoicing.rendering.payment.FursQr}), each validated and encoded into a
 * {@link eu.invoicing.rendering.payment.Barcode} module grid.
 *
 * <p>API. The payloads and barcodes are immutable and thread-safe; the builders are mutable, for one
 * thread, and validate on {@code build()}, reporting every bad field in one
 * {@link eu.invoicing.core.ValidationException}.
 */
package eu.invoicing.rendering.payment;
