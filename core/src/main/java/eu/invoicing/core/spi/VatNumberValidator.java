package eu.invoicing.core.spi;

import eu.invoicing.core.model.ViesCheck;

/**
 * Checks a customer's VAT number, e.g. against VIES. The result decides between intra-EU B2B and B2C.
 * The library's default ({@code eu.invoicing.core.calc.FormatVatNumberValidator}) checks the format only
 * and answers {@code unverified}.
 *
 * <p>Implementations must be thread-safe: the engine calls them from any thread. A failure should be
 * reported as a check with status {@code unverified}, not thrown; anything thrown is wrapped in
 * {@link eu.invoicing.core.SpiException}.
 */
public interface VatNumberValidator {
    /**
     * @param countryCode ISO 3166-1 alpha-2 code of the customer's country, not null
     * @param vatNumber the number as given (with or without the country prefix), not null
     * @return the outcome, not null
     */
    ViesCheck check(String countryCode, String vatNumber);
}
