package eu.invoicing.core.numbering;

/**
 * A number taken (or previewed) for a document.
 *
 * <p>Immutable and thread-safe.
 *
 * @param number the printed document number, not null
 * @param year the year the number belongs to (the document date's year)
 * @param sequence the sequence number within its series
 * @param fiscal the fiscal series when the number is a fiscal one, nullable
 */
public record AssignedNumber(String number, int year, long sequence, FiscalSeries fiscal) {
}
