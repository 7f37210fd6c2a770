package eu.invoicing.core.model;

/**
 * An estimate or pro-forma invoice ({@code est_}): has a validity date and can be converted to an invoice or advance invoice.
 * Its own fields ({@code date_valid_till}, {@code title_type}) are held here, as {@link EstimateDetails}.
 *
 * <p>Immutable and thread-safe (see {@link Document}).
 */
public final class Estimate extends Document {
    private final EstimateDetails details;

    Estimate(Builder b) {
        super(b);
        this.details = EstimateDetails.of(b.dateValidTill(), b.titleType());
    }

    @Override
    public DocumentType type() {
        return DocumentType.ESTIMATE;
    }

    /** @return the estimate's own fields, never null */
    public EstimateDetails details() {
        return details;
    }

    @Override
    public KindDetails kindDetails() {
        return details;
    }

    /** @return the date until which the estimate is valid, nullable */
    public java.time.LocalDate dateValidTill() {
        return details.dateValidTill();
    }

    /** @return how the estimate is titled, nullable (estimate) */
    public TitleType titleType() {
        return details.titleType();
    }
}
