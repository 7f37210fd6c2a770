package eu.invoicing.core.model;

/**
 * An estimate or pro-forma invoice ({@code est_}): has a validity date and can be converted to an invoice or advance invoice.
 *
 * <p>Immutable and thread-safe (see {@link Document}).
 */
public final class Estimate extends Document {
    Estimate(Builder b) {
        super(b);
    }

    @Override
    public DocumentType type() {
        return DocumentType.ESTIMATE;
    }

    /** @return the date until which the estimate is valid, nullable */
    public java.time.LocalDate dateValidTill() {
        return dateValidTillValue();
    }

    /** @return how the estimate is titled, nullable (estimate) */
    public TitleType titleType() {
        return titleTypeValue();
    }
}
