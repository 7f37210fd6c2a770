package eu.invoicing.core.model;

import java.time.LocalDate;

/**
 * The fields only an {@link Estimate} has: how long it is valid and how it is titled.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dateValidTill the date until which the estimate is valid, nullable (the lifecycle defaults it to the
 *     date + 30 days)
 * @param titleType how the estimate is titled, nullable (estimate)
 */
public record EstimateDetails(LocalDate dateValidTill, TitleType titleType) implements KindDetails {
    /** Every component absent: shared, so that an estimate without these values allocates no group. */
    public static final EstimateDetails EMPTY = new EstimateDetails(null, null);

    @Override
    public boolean isEmpty() {
        return dateValidTill == null && titleType == null;
    }

    /**
     * The value of the components, {@link #EMPTY} (not a new instance) when every one is absent.
     *
     * @param dateValidTill nullable
     * @param titleType nullable
     * @return the details
     */
    public static EstimateDetails of(LocalDate dateValidTill, TitleType titleType) {
        return dateValidTill == null && titleType == null ? EMPTY : new EstimateDetails(dateValidTill, titleType);
    }
}
