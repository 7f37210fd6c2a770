/**
 * The calculation engine: line totals in the three {@linkplain eu.invoicing.core.model.CalculationMode
 * calculation modes}, discounts, the tax summary, the transaction type (domestic, intra-EU, third country;
 * reverse charge), currency conversion and the one {@link eu.invoicing.core.calc.RoundingPolicy} through
 * which money is rounded. The rules are described in {@code docs/calculation.md}.
 *
 * <p>API. {@link eu.invoicing.core.calc.CalculationEngine} and the other public types are immutable or
 * stateless and thread-safe: build one engine and share it. The engine depends on no default SPI
 * implementation; {@link eu.invoicing.core.calc.FormatVatNumberValidator} is the format-only
 * {@link eu.invoicing.core.spi.VatNumberValidator} it uses when none is given.
 */
package eu.invoicing.core.calc;
