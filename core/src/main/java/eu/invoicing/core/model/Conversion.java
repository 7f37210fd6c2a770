package eu.invoicing.core.model;

import java.math.BigDecimal;

/**
 * A value of the conversion of a document into the entity's currency: the exchange rate and the converted
 * totals; part of a {@link Document}, which keeps its flat accessors.
 *
 * <p>Immutable and thread-safe; {@code equals} is scale-sensitive on amounts, like {@link Document}'s.
 *
 * @param exchangeRate nullable
 * @param totalConverted nullable
 * @param totalWithTaxConverted nullable
 */
public record Conversion(
        ExchangeRate exchangeRate,
        BigDecimal totalConverted,
        BigDecimal totalWithTaxConverted) {
    /** Every component absent: shared, so that a document without these values allocates no group. */
    public static final Conversion EMPTY = new Conversion(null, null, null);

    /** @return whether every component is absent */
    public boolean isEmpty() {
        return exchangeRate == null
                && totalConverted == null
                && totalWithTaxConverted == null;
    }

    /**
     * The value of the components, {@link #EMPTY} (not a new instance) when every one is absent.
     *
     * @param exchangeRate nullable
     * @param totalConverted nullable
     * @param totalWithTaxConverted nullable
     * @return the group
     */
    public static Conversion of(ExchangeRate exchangeRate,
            BigDecimal totalConverted,
            BigDecimal totalWithTaxConverted) {
        if (exchangeRate == null
                && totalConverted == null
                && totalWithTaxConverted == null) {
            return EMPTY;
        }
        return new Conversion(exchangeRate, totalConverted, totalWithTaxConverted);
    }
}
