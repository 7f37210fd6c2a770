package eu.invoicing.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.json.WireValues;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EslogValidation;
import eu.invoicing.core.model.EslogValidationStatus;
import eu.invoicing.eslog.EslogContext;
import eu.invoicing.eslog.EslogSchema;
import eu.invoicing.eslog.EslogSerializer;
import eu.invoicing.eslog.EslogValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code invoicing eslog [--xsd DIR] [--entity entity.json] [--type T]}: reads a document as JSON on
 * stdin (a stored document, or a draft that is then calculated for the entity) and writes its e-SLOG
 * 2.0 XML on stdout; when the document is not valid (business rules and the official XSD) it writes
 * {@code {"errors":[{path,code,message}]}} on stderr and exits 2.
 *
 * <p>{@code invoicing eslog validate FILE.xml [--xsd DIR]} validates an e-SLOG XML and prints the
 * {@code eslog} result object ({@code validation_status}, {@code validation_errors},
 * {@code validated_at}) on stdout; exit 0 when valid, 2 when not.
 *
 * <p>The XSD is never bundled: give its directory with {@code --xsd} or {@code INVOICING_ESLOG_XSD}.
 * Without it the command says so and exits 2, unless {@code --skip-xsd} asks for the XSD-free work
 * only (serialize and check the business rules).
 */
@Command(name = "eslog", mixinStandardHelpOptions = true,
        description = "Write a document (JSON on stdin) as e-SLOG 2.0 XML, or validate an e-SLOG XML file.",
        subcommands = {EslogCommand.Validate.class})
public final class EslogCommand implements Callable<Integer> {

    /** Environment variable naming the directory of the official e-SLOG XSD. */
    public static final String XSD_ENV = "INVOICING_ESLOG_XSD";

    @Option(names = "--xsd", description = "Directory with eSLOG20_INVOIC_v200.xsd and xmldsig-core-schema.xsd "
            + "(default: $" + XSD_ENV + ").")
    Path xsd;

    @Option(names = "--skip-xsd", description = "Serialize and check the business rules only, without the XSD.")
    boolean skipXsd;

    @CommandLine.Mixin
    EntityOption entityOption = new EntityOption();

    @Option(names = "--type", description = "Document kind when the JSON has no id: invoice, estimate, "
            + "credit_note or advance_invoice (default: invoice).")
    String type;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Creates the command (picocli fills the options). */
    public EslogCommand() {
        // options are injected by picocli
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Entity entity = entityOption.load();
            DocumentType fallback = type == null ? DocumentType.INVOICE
                    : WireValues.parse(DocumentType.class, type).orElseThrow(() -> ValidationException.of("type",
                            "invalid_value", "must be one of " + WireValues.allowed(DocumentType.class) + ", was \"" + type + "\""));
            Document document = InvoicingJson.readDocument(InvoicingJson.parse(readStdin()), fallback);
            if (document.total() == null) {
                document = CalculationEngine.withDefaults().calculate(document, entity);
            }
            EslogContext context = EslogContext.forEntity(entity);
            List<Violation> errors;
            if (skipXsd) {
                errors = new ArrayList<>(EslogValidator.checkWithoutSchema(document, context));
            } else {
                EslogSchema schema = schema(xsd);
                if (schema == null) {
                    return missingXsd(err);
                }
                errors = new ArrayList<>(new EslogValidator(schema, Clock.systemUTC()).validate(document, context)
                        .validationErrors());
            }
            if (!errors.isEmpty()) {
                return InvoicingCli.badInput(err, errors);
            }
            out.print(new EslogSerializer().toXml(document, context));
            out.flush();
            return 0;
        } catch (ValidationException e) {
            return InvoicingCli.badInput(err, e.violations());
        } catch (InvoicingException e) {
            return InvoicingCli.badInput(err, List.of(Violation.of("", "failed", String.valueOf(e.getMessage()))));
        }
    }

    private static String readStdin() throws IOException {
        InputStream in = System.in;
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** @return the schema from the option or the environment, or null when neither is given */
    static EslogSchema schema(Path option) {
        Path location = option;
        if (location == null) {
            String env = System.getenv(XSD_ENV);
            location = env == null || env.isBlank() ? null : Path.of(env);
        }
        return location == null ? null : EslogSchema.load(location);
    }

    static int missingXsd(PrintWriter err) {
        return InvoicingCli.badInput(err, List.of(Violation.of("xsd", "required",
                "the official e-SLOG XSD is not bundled: give its directory with --xsd DIR or the environment variable "
                        + XSD_ENV + " (or --skip-xsd to serialize and check the business rules only)")));
    }

    /** {@code invoicing eslog validate FILE.xml}: XSD plus business rules, the result as JSON on stdout. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Validate an e-SLOG 2.0 XML file against the official XSD and the business rules.")
    static final class Validate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE.xml", description = "The e-SLOG XML to validate.")
        Path file;

        @Option(names = "--xsd", description = "Directory with the official XSD (default: $" + XSD_ENV + ").")
        Path xsd;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                EslogSchema schema = schema(xsd);
                if (schema == null) {
                    return missingXsd(err);
                }
                byte[] xml = Files.readAllBytes(file);
                EslogValidation result = new EslogValidator(schema, Clock.systemUTC()).validateXml(xml, EslogContext.NONE);
                out.println(toJson(result));
                out.flush();
                return result.validationStatus() == EslogValidationStatus.VALID ? 0 : InvoicingCli.EXIT_BAD_INPUT;
            } catch (InvoicingException e) {
                return InvoicingCli.badInput(err, List.of(Violation.of("", "failed", String.valueOf(e.getMessage()))));
            }
        }
    }

    static String toJson(EslogValidation result) throws IOException {
        ObjectNode node = InvoicingJson.mapper().createObjectNode();
        node.put("validation_status", WireValues.of(result.validationStatus()));
        ArrayNode errors = node.putArray("validation_errors");
        for (Violation v : result.validationErrors()) {
            errors.addObject().put("path", v.path()).put("code", v.code()).put("message", v.message());
        }
        node.put("validated_at", result.validatedAt() == null ? null : result.validatedAt().toString());
        return InvoicingJson.mapper().writeValueAsString(node);
    }
}
