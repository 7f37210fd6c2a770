/**
 * Exchange rates for documents in a currency other than the entity's: the euro reference rates of the
 * European Central Bank, fetched and cached ({@link eu.invoicing.core.rates.EcbExchangeRateProvider}) or held in
 * memory, built or read from a file in the ECB's format ({@link eu.invoicing.core.rates.EuroReferenceRates}).
 * Both implement {@link eu.invoicing.core.spi.ExchangeRateProvider}; the JDK alone (HTTP client, StAX) is used.
 */
package eu.invoicing.core.rates;
