package eu.invoicing.core.model;

import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An identifier of a seller or buyer other than its VAT and registration numbers: the seller identifier
 * (EN 16931 BT-29, repeatable) or buyer identifier (BT-46), e.g. a GLN: {@code id} "5790000436101" under
 * {@code scheme} "0088". Without a scheme the identifier is one the buyer and seller both know (a supplier
 * number in the buyer's system).
 *
 * <p>The SEPA creditor identifier is not one of these: it is {@code payment_means[i].creditor_id} (BT-90),
 * although UBL writes it as a party identification with scheme {@code SEPA}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the identifier, nullable on input (the calculation reports it missing)
 * @param scheme the identification scheme (BT-29-1 / BT-46-1): an ISO/IEC 6523 ICD code of four digits, nullable
 */
public record PartyIdentifier(String id, String scheme) {

    /** ISO/IEC 6523 International Code Designators are four digits (0002 to 0248 when this was written). */
    private static final Pattern ICD = Pattern.compile("[0-9]{4}");

    /**
     * Checks a party's identifiers: each present, with an id, and a scheme that is an ISO/IEC 6523 ICD code
     * (EN 16931 BR-CL-10). Whether the code is in the ICD list of the day is left to the EN 16931 validator:
     * the list grows, the four-digit form does not change.
     *
     * @param identifiers the party's identifiers, not null (elements nullable)
     * @param path the path of the list, e.g. {@code issuer.identifiers}, not null
     * @param out where problems are added at {@code path[i]}, {@code path[i].id}, {@code path[i].scheme}, not null
     */
    public static void validate(List<PartyIdentifier> identifiers, String path, ViolationCollector out) {
        for (int i = 0; i < identifiers.size(); i++) {
            PartyIdentifier p = identifiers.get(i);
            String at = path + "[" + i + "]";
            if (p == null) {
                out.add(at, "required", "must be an identifier {id, scheme}, was null");
                continue;
            }
            if (p.id() == null || p.id().isBlank()) {
                out.add(at + ".id", "required", "is required");
            }
            if (p.scheme() != null && "SEPA".equalsIgnoreCase(p.scheme().strip())) {
                out.add(at + ".scheme", "invalid_value", "SEPA is the creditor identifier (BT-90): give it as "
                        + "payment_means[i].creditor_id, not as a party identifier");
            } else if (p.scheme() != null && !ICD.matcher(p.scheme()).matches()) {
                out.add(at + ".scheme", "invalid_value", "must be an ISO/IEC 6523 ICD code of four digits, e.g. 0088 "
                        + "for a GLN (EN 16931 BR-CL-10), or absent, was " + Violation.quote(p.scheme()));
            }
        }
    }
}
