package eu.invoicing.core.model;

/**
 * A value of the fiscal and e-invoicing records of a document: FURS (Slovenia), FINA (Croatia), Portugal,
 * the e-SLOG validation and the customer's VIES check; part of a {@link Document}, which keeps its flat
 * accessors.
 *
 * <p>Immutable and thread-safe.
 *
 * @param furs nullable
 * @param fina nullable
 * @param pt nullable
 * @param eslog nullable
 * @param vies nullable
 */
public record FiscalRecord(
        FursData furs,
        FinaData fina,
        PtData pt,
        EslogValidation eslog,
        ViesCheck vies) {
    /** Every component absent: shared, so that a document without these values allocates no group. */
    public static final FiscalRecord EMPTY = new FiscalRecord(null, null, null, null, null);

    /** @return whether every component is absent */
    public boolean isEmpty() {
        return furs == null
                && fina == null
                && pt == null
                && eslog == null
                && vies == null;
    }

    /**
     * The value of the components, {@link #EMPTY} (not a new instance) when every one is absent.
     *
     * @param furs nullable
     * @param fina nullable
     * @param pt nullable
     * @param eslog nullable
     * @param vies nullable
     * @return the group
     */
    public static FiscalRecord of(FursData furs,
            FinaData fina,
            PtData pt,
            EslogValidation eslog,
            ViesCheck vies) {
        if (furs == null
                && fina == null
                && pt == null
                && eslog == null
                && vies == null) {
            return EMPTY;
        }
        return new FiscalRecord(furs, fina, pt, eslog, vies);
    }
}
