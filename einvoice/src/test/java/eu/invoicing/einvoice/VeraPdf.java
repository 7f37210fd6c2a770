package eu.invoicing.einvoice;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * veraPDF's PDF/A-3B check of a PDF, for the Factur-X tests: the failed assertions, none when compliant. The
 * foundry is initialised once per run, on first use; validations may run concurrently.
 */
final class VeraPdf {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdf() {
    }

    /**
     * @param pdf the PDF bytes
     * @return every failed assertion as {@code clause-test: message}, distinct; {@code not compliant} when veraPDF
     *         says so without naming one; empty when the PDF is PDF/A-3B compliant
     * @throws Exception when veraPDF cannot parse the PDF
     */
    static List<String> failures(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().collect(Collectors.toList());
            if (!result.isCompliant() && failed.isEmpty()) {
                failed = List.of("not compliant");
            }
            return failed;
        }
    }
}
