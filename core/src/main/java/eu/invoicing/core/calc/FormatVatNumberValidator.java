package eu.invoicing.core.calc;

import eu.invoicing.core.model.VatCheckStatus;
import eu.invoicing.core.model.ViesCheck;
import eu.invoicing.core.spi.VatNumberValidator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The default {@link VatNumberValidator}: checks the number's format against the EU member state's pattern
 * and answers {@code unverified} when it fits, {@code invalid} when it does not. It never calls VIES; a host
 * that needs verified numbers supplies its own validator.
 *
 * <p>A pure policy (no state, no I/O), so it lives beside the engine that uses it by default
 * ({@link CalculationEngine#withDefaults()}), not among the in-memory SPI defaults of {@code memory}.
 *
 * <p>Stateless and thread-safe.
 */
public final class FormatVatNumberValidator implements VatNumberValidator {
    private static final Map<String, Pattern> FORMATS = Map.ofEntries(
            Map.entry("AT", Pattern.compile("U\\d{8}")), Map.entry("BE", Pattern.compile("[01]\\d{9}")),
            Map.entry("BG", Pattern.compile("\\d{9,10}")), Map.entry("HR", Pattern.compile("\\d{11}")),
            Map.entry("CY", Pattern.compile("\\d{8}[A-Z]")), Map.entry("CZ", Pattern.compile("\\d{8,10}")),
            Map.entry("DK", Pattern.compile("\\d{8}")), Map.entry("EE", Pattern.compile("\\d{9}")),
            Map.entry("FI", Pattern.compile("\\d{8}")), Map.entry("FR", Pattern.compile("[0-9A-Z]{2}\\d{9}")),
            Map.entry("DE", Pattern.compile("\\d{9}")), Map.entry("GR", Pattern.compile("\\d{9}")),
            Map.entry("HU", Pattern.compile("\\d{8}")), Map.entry("IE", Pattern.compile("\\d[0-9A-Z+*]\\d{5}[A-Z]{1,2}")),
            Map.entry("IT", Pattern.compile("\\d{11}")), Map.entry("LV", Pattern.compile("\\d{11}")),
            Map.entry("LT", Pattern.compile("\\d{9}|\\d{12}")), Map.entry("LU", Pattern.compile("\\d{8}")),
            Map.entry("MT", Pattern.compile("\\d{8}")), Map.entry("NL", Pattern.compile("\\d{9}B\\d{2}")),
            Map.entry("PL", Pattern.compile("\\d{10}")), Map.entry("PT", Pattern.compile("\\d{9}")),
            Map.entry("RO", Pattern.compile("\\d{2,10}")), Map.entry("SK", Pattern.compile("\\d{10}")),
            Map.entry("SI", Pattern.compile("\\d{8}")), Map.entry("ES", Pattern.compile("[0-9A-Z]\\d{7}[0-9A-Z]")),
            Map.entry("SE", Pattern.compile("\\d{12}")));

    /** The validator (it keeps no state: one instance may serve every engine). */
    public FormatVatNumberValidator() {
    }

    @Override
    public ViesCheck check(String countryCode, String vatNumber) {
        String country = countryCode.toUpperCase(Locale.ROOT);
        String prefix = "GR".equals(country) ? "EL" : country;
        String normalized = vatNumber.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
        if (normalized.startsWith(prefix)) {
            normalized = normalized.substring(prefix.length());
        }
        Pattern format = FORMATS.get(country);
        boolean fits = format != null && format.matcher(normalized).matches();
        return new ViesCheck(prefix + normalized, country, fits ? VatCheckStatus.UNVERIFIED : VatCheckStatus.INVALID,
                null, null, null);
    }
}
