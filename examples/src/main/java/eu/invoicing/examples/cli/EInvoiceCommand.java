package eu.invoicing.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.json.WireValues;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.einvoice.EInvoiceOptions;
import eu.invoicing.einvoice.EInvoiceReader;
import eu.invoicing.einvoice.EInvoiceValidator;
import eu.invoicing.einvoice.EInvoiceWriter;
import eu.invoicing.einvoice.Endpoint;
import eu.invoicing.einvoice.Format;
import eu.invoicing.einvoice.ImportNote;
import eu.invoicing.einvoice.ImportResult;
import eu.invoicing.einvoice.Profile;
import eu.invoicing.einvoice.RuleFailure;
import eu.invoicing.einvoice.TotalDifference;
import eu.invoicing.einvoice.ValidationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code invoicing einvoice --syntax ubl|cii|peppol|xrechnung-ubl|xrechnung-cii [--seller-contact C] [--entity entity.json] [--type T] [--buyer-reference R]
 * [--order-reference R] [--seller-endpoint SCHEME:ID] [--buyer-endpoint SCHEME:ID]}: reads a document as JSON
 * on stdin (a stored document, or a draft that is then calculated for the entity) and writes its EN 16931
 * e-invoice on stdout; what EN 16931 needs and the document lacks is {@code {"errors":[...]}} on stderr, exit 2.
 *
 * <p>{@code invoicing einvoice validate FILE [--profile en16931|peppol|xrechnung]}: the XSD, the CEN EN 16931
 * rules and (peppol, UBL) the Peppol BIS rules or (xrechnung) the XRechnung 3.0 rules; the result as JSON on stdout; exit 0 when no fatal rule fails, 2 when one
 * does. {@code invoicing einvoice import FILE}: the document as read, its recalculation and the report
 * (not carried, differences) as JSON on stdout; exit 2 when the file cannot be read.
 */
@Command(name = "einvoice", mixinStandardHelpOptions = true,
        description = "Write a document (JSON on stdin) as an EN 16931 e-invoice (UBL, Peppol BIS, CII), "
                + "or validate / import an e-invoice file.",
        subcommands = {EInvoiceCommand.Validate.class, EInvoiceCommand.Import.class})
public final class EInvoiceCommand implements Callable<Integer> {

    /** The syntaxes {@code --syntax} takes. */
    enum SyntaxOption {
        ubl(Format.UBL), cii(Format.CII), peppol(Format.PEPPOL), xrechnung_ubl(Format.XRECHNUNG_UBL),
        xrechnung_cii(Format.XRECHNUNG_CII);

        final Format format;

        SyntaxOption(Format format) {
            this.format = format;
        }

        String wire() {
            return name().replace('_', '-');
        }
    }

    /** Reads {@code xrechnung-ubl} as {@link SyntaxOption#xrechnung_ubl} (a constant cannot hold a hyphen). */
    static final class SyntaxConverter implements CommandLine.ITypeConverter<SyntaxOption> {
        @Override
        public SyntaxOption convert(String value) {
            for (SyntaxOption o : SyntaxOption.values()) {
                if (o.wire().equalsIgnoreCase(value)) {
                    return o;
                }
            }
            throw new CommandLine.TypeConversionException("must be ubl, peppol, cii, xrechnung-ubl or xrechnung-cii, was '"
                    + value + "'");
        }
    }

    @Option(names = "--syntax", paramLabel = "SYNTAX", converter = SyntaxConverter.class,
            description = "ubl (UBL 2.1, EN 16931), peppol (UBL 2.1, Peppol BIS Billing 3.0), cii (CII D16B, EN 16931), "
                    + "xrechnung-ubl or xrechnung-cii (XRechnung 3.0).")
    SyntaxOption syntax;

    @Option(names = "--seller-contact", description = "BT-41, the seller's contact person or department "
            + "(required by XRechnung, BR-DE-5).")
    String sellerContact;

    @CommandLine.Mixin
    EntityOption entityOption = new EntityOption();

    @Option(names = "--type", description = "Document kind when the JSON has no id: invoice, estimate, "
            + "credit_note or advance_invoice (default: invoice).")
    String type;

    @Option(names = "--buyer-reference", description = "BT-10, overrides the document's buyer_reference (default: buyer_reference, else the reference; for a credit note buyer_reference only).")
    String buyerReference;

    @Option(names = "--order-reference", description = "BT-13, the buyer's purchase order.")
    String orderReference;

    @Option(names = "--seller-endpoint", paramLabel = "SCHEME:ID", description = "BT-34, e.g. 9949:SI12345678 "
            + "(default for peppol: from the seller's VAT number where its EAS scheme is known).")
    String sellerEndpoint;

    @Option(names = "--buyer-endpoint", paramLabel = "SCHEME:ID", description = "BT-49, e.g. 0088:4912345000002.")
    String buyerEndpoint;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Creates the command (picocli fills the options). */
    public EInvoiceCommand() {
        // options are injected by picocli
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (syntax == null) {
                // Not a picocli "required" option: that would also be demanded before the validate and import
                // subcommands.
                throw ValidationException.of("syntax", "required", "give --syntax ubl, peppol, cii, xrechnung-ubl or xrechnung-cii");
            }
            Entity entity = entityOption.load();
            DocumentType fallback = type == null ? DocumentType.INVOICE
                    : WireValues.parse(DocumentType.class, type).orElseThrow(() -> ValidationException.of("type",
                            "invalid_value", "must be one of " + WireValues.allowed(DocumentType.class) + ", was \"" + type + "\""));
            List<Violation> bad = new ArrayList<>();
            Endpoint seller = endpoint(sellerEndpoint, "seller-endpoint", bad);
            Endpoint buyer = endpoint(buyerEndpoint, "buyer-endpoint", bad);
            if (!bad.isEmpty()) {
                return InvoicingCli.badInput(err, bad);
            }
            String json = new String(InvoicingCli.stdin(spec).readAllBytes(), StandardCharsets.UTF_8);
            Document document = InvoicingJson.readDocument(InvoicingJson.parse(json), fallback);
            if (document.total() == null) {
                document = CalculationEngine.withDefaults().calculate(document, entity);
            }
            EInvoiceOptions options = EInvoiceOptions.none().withBuyerReference(buyerReference)
                    .withOrderReference(orderReference).withEndpoints(seller, buyer).withSellerContact(sellerContact);
            out.print(new EInvoiceWriter().toXml(document, entity, syntax.format, options));
            out.flush();
            return InvoicingCli.EXIT_OK;
        } catch (ValidationException e) {
            return InvoicingCli.badInput(err, e.violations());
        }
    }

    private static Endpoint endpoint(String value, String path, List<Violation> bad) {
        if (value == null) {
            return null;
        }
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            bad.add(Violation.of(path, "invalid_format", "must be SCHEME:ID (e.g. 9949:SI12345678), was "
                    + Violation.quote(value)));
            return null;
        }
        return new Endpoint(value.substring(0, colon), value.substring(colon + 1));
    }

    /** The profiles {@code --profile} takes. */
    enum ProfileOption {
        en16931(Profile.EN16931), peppol(Profile.PEPPOL_BIS_3), xrechnung(Profile.XRECHNUNG_3);

        final Profile profile;

        ProfileOption(Profile profile) {
            this.profile = profile;
        }
    }

    /** {@code invoicing einvoice validate FILE}: the result as JSON on stdout. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Validate a UBL 2.1 or CII D16B e-invoice (or a Factur-X PDF): XSD, EN 16931 rules and the "
                    + "Peppol BIS (peppol) or XRechnung (xrechnung) rules.")
    static final class Validate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The e-invoice XML (the syntax is detected).")
        Path file;

        @Option(names = "--profile", description = "en16931 (default), peppol or xrechnung.")
        ProfileOption profile = ProfileOption.en16931;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ValidationResult result;
            try {
                byte[] xml = CliFiles.read(file, "FILE");
                result = EInvoiceValidator.bundled().validate(xml, profile.profile);
            } catch (ValidationException e) {
                return InvoicingCli.badInput(err, e.violations());
            }
            out.println(InvoicingJson.writer().writeValueAsString(toJson(result)));
            out.flush();
            return result.isValid() ? InvoicingCli.EXIT_OK : InvoicingCli.EXIT_BAD_INPUT;
        }
    }

    static ObjectNode toJson(ValidationResult result) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("valid", result.isValid());
        node.put("syntax", result.syntax() == null ? null : result.syntax().name().toLowerCase(Locale.ROOT));
        node.put("profile", result.profile().name().toLowerCase(Locale.ROOT));
        ArrayNode ran = node.putArray("rules_run");
        result.rulesRun().forEach(ran::add);
        ArrayNode failures = node.putArray("failures");
        for (RuleFailure f : result.failures()) {
            failures.addObject().put("source", f.source().name().toLowerCase(Locale.ROOT)).put("id", f.id())
                    .put("flag", f.flag().name().toLowerCase(Locale.ROOT)).put("location", f.location())
                    .put("message", f.message());
        }
        return node;
    }

    /** {@code invoicing einvoice import FILE}: document, recalculation and report as JSON on stdout. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Read a UBL 2.1 or CII D16B e-invoice into a document, with what it could not carry and "
                    + "where the recalculated totals differ from the file's.")
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The e-invoice XML.")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ImportResult r;
            try {
                r = new EInvoiceReader().read(CliFiles.read(file, "FILE"));
            } catch (ValidationException e) {
                return InvoicingCli.badInput(err, e.violations());
            }
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("syntax", r.syntax().name().toLowerCase(Locale.ROOT));
            node.set("document", InvoicingJson.toTree(r.document()));
            node.set("recalculated", r.recalculated() == null ? null : InvoicingJson.calculationTree(r.recalculated()));
            ArrayNode problems = node.putArray("recalculation_problems");
            for (Violation v : r.recalculationProblems()) {
                problems.addObject().put("path", v.path()).put("code", v.code()).put("message", v.message());
            }
            ArrayNode notCarried = node.putArray("not_carried");
            for (ImportNote n : r.notCarried()) {
                notCarried.addObject().put("term", n.term()).put("location", n.location()).put("value", n.value())
                        .put("message", n.message());
            }
            ArrayNode differences = node.putArray("differences");
            for (TotalDifference d : r.differences()) {
                differences.addObject().put("term", d.term()).put("label", d.label())
                        .put("stated", d.stated().toPlainString()).put("recomputed", d.recomputed().toPlainString());
            }
            node.put("totals_agree", r.totalsAgree());
            out.println(InvoicingJson.writer().writeValueAsString(node));
            out.flush();
            return InvoicingCli.EXIT_OK;
        }
    }
}
