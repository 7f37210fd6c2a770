package eu.invoicing.core.numbering;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.spi.FiscalAuthority;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a fiscal number comes from: the authority, the business premise and electronic (payment) device,
 * and whether the sequence runs per premise (FURS {@code C}, FINA {@code P}) or per device (FURS {@code B},
 * FINA {@code N}). The printed number is {@code PREMISE-DEVICE-N} for FURS and {@code N/PREMISE/DEVICE} for
 * FINA (docs/lifecycle.md, "Numbering").
 *
 * <p>Immutable and thread-safe.
 *
 * @param authority FURS or FINA, not null
 * @param premise business premise id ({@code [0-9a-zA-Z]{1,20}}), not null
 * @param device device id (FURS {@code [0-9a-zA-Z]{1,20}}; FINA digits without leading zero), not null
 * @param perDevice true for one sequence per device (FURS B, FINA N)
 */
public record FiscalSeries(FiscalAuthority authority, String premise, String device, boolean perDevice) {
    private static final Pattern ID = Pattern.compile("[0-9a-zA-Z]{1,20}");
    private static final Pattern FINA_DEVICE = Pattern.compile("[1-9][0-9]{0,19}");

    /**
     * Validates the identifiers.
     *
     * @throws ValidationException naming {@code business_premise_name} / {@code electronic_device_name}
     *
     * @param authority FURS or FINA, not null
     * @param premise business premise id ({@code [0-9a-zA-Z]{1,20}}), not null
     * @param device device id (FURS {@code [0-9a-zA-Z]{1,20}}; FINA digits without leading zero), not null
     * @param perDevice true for one sequence per device (FURS B, FINA N)
     */
    public FiscalSeries {
        Objects.requireNonNull(authority, "authority");
        ViolationCollector problems = new ViolationCollector();
        String prefix = authority == FiscalAuthority.FURS ? "furs." : "fina.";
        if (premise == null || !ID.matcher(premise).matches()) {
            problems.add(prefix + "business_premise_name", "invalid_format",
                    "must be 1-20 letters or digits, was " + Violation.quote(premise));
        }
        Pattern devicePattern = authority == FiscalAuthority.FURS ? ID : FINA_DEVICE;
        if (device == null || !devicePattern.matcher(device).matches()) {
            problems.add(prefix + "electronic_device_name", "invalid_format", (authority == FiscalAuthority.FURS
                    ? "must be 1-20 letters or digits" : "must be 1-20 digits without a leading zero")
                    + ", was " + Violation.quote(device));
        }
        problems.throwIfAny();
    }

    /** @return the structure code sent to the authority: C/B for FURS, P/N for FINA */
    public String structureCode() {
        if (authority == FiscalAuthority.FURS) {
            return perDevice ? "B" : "C";
        }
        return perDevice ? "N" : "P";
    }

    /** @return the series name used as sequence key, e.g. {@code furs/C/PP1} or {@code fina/N/PP1/3} */
    public String seriesName() {
        String base = authority.name().toLowerCase(java.util.Locale.ROOT) + "/" + structureCode() + "/" + premise;
        return perDevice ? base + "/" + device : base;
    }

    /**
     * @param sequence the fiscal sequence number (no leading zero)
     * @return the printed document number
     */
    public String format(long sequence) {
        return authority == FiscalAuthority.FURS
                ? premise + "-" + device + "-" + sequence
                : sequence + "/" + premise + "/" + device;
    }

}
