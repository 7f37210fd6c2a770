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
import eu.invoicing.core.model.EslogValidation;
import eu.invoicing.core.model.EslogValidationStatus;
import eu.invoicing.eslog.EslogContext;
import eu.invoicing.eslog.EslogDocument;
import eu.invoicing.eslog.EslogReadException;
import eu.invoicing.eslog.EslogReader;
import eu.invoicing.eslog.EslogSchema;
import eu.invoicing.eslog.EslogSchemaException;
import eu.invoicing.eslog.EslogSerializer;
import eu.invoicing.eslog.EslogValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code invoicing eslog [--xsd DIR | --skip-xsd] [--entity entity.json] [--type T]}: reads a document as JSON
 * on stdin (a stored document, or a draft that is then calculated for the entity) and writes its e-SLOG
 * 2.0 XML on stdout; when the document is not valid (business rules and the official XSD) it writes
 * {@code {"errors":[{path,code,message}]}} on stderr and exits 2.
 *
 * <p>{@code invoicing eslog validate FILE [--xsd DIR | --skip-xsd]} validates an e-SLOG XML and prints the
 * {@code eslog} result object ({@code validation_status}, {@code validation_errors},
 * {@code validated_at}) on stdout; exit 0 when valid, 2 when not (the errors also on stderr).
 *
 * <p>The XSD is never bundled: give its directory with {@code --xsd} or {@code INVOICING_ESLOG_XSD}.
 * Without it the command says so and exits 2, unless {@code --skip-xsd} asks for the XSD-free checks
 * only (the business rules and whether e-SLOG can carry the document).
 */
@Command(name = "eslog", mixinStandardHelpOptions = true,
        description = "Write a document (JSON on stdin) as e-SLOG 2.0 XML, or validate an e-SLOG XML file.",
        subcommands = {EslogCommand.Validate.class})
public final class EslogCommand implements Callable<Integer> {

    /** Environment variable naming the directory of the official e-SLOG XSD. */
    public static final String XSD_ENV = "INVOICING_ESLOG_XSD";

    @CommandLine.Mixin
    XsdOptions xsdOptions = new XsdOptions();

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
            EslogSchema schema = xsdOptions.schema();
            Entity entity = entityOption.load();
            EslogContext.requireAvailable(entity);
            DocumentType fallback = type == null ? DocumentType.INVOICE
                    : WireValues.parse(DocumentType.class, type).orElseThrow(() -> ValidationException.of("type",
                            "invalid_value", "must be one of " + WireValues.allowed(DocumentType.class) + ", was \"" + type + "\""));
            String json = new String(InvoicingCli.stdin(spec).readAllBytes(), StandardCharsets.UTF_8);
            Document document = InvoicingJson.readDocument(InvoicingJson.parse(json), fallback);
            if (document.total() == null) {
                document = CalculationEngine.withDefaults().calculate(document, entity);
            }
            EslogContext context = EslogContext.forEntity(entity);
            List<Violation> errors = schema == null ? EslogValidator.checkWithoutSchema(document, context)
                    : new EslogValidator(schema, Clock.systemUTC()).validate(document, context).validationErrors();
            if (!errors.isEmpty()) {
                return InvoicingCli.badInput(err, errors);
            }
            out.print(new EslogSerializer().toXml(document, context));
            out.flush();
            return InvoicingCli.EXIT_OK;
        } catch (ValidationException e) {
            return InvoicingCli.badInput(err, e.violations());
        }
    }

    /**
     * The {@code --xsd DIR} and {@code --skip-xsd} options every e-SLOG command shares (a picocli mixin).
     *
     * <p>Mutable (filled by picocli), single-thread.
     */
    static final class XsdOptions {
        @Option(names = "--xsd", paramLabel = "DIR", description = "Directory with eSLOG20_INVOIC_v200.xsd and "
                + "xmldsig-core-schema.xsd (default: $" + XSD_ENV + ").")
        Path xsd;

        @Option(names = "--skip-xsd", description = "Without the XSD: check the business rules and whether e-SLOG "
                + "can carry the document only.")
        boolean skipXsd;

        /**
         * @return the compiled schema, or null with {@code --skip-xsd}
         * @throws ValidationException at {@code xsd} when no location is given ({@code required}), it does not
         *     exist ({@code not_found}) or holds no usable schema ({@code unreadable}); at {@code skip-xsd}
         *     when both options are given
         */
        EslogSchema schema() {
            if (skipXsd) {
                if (xsd != null) {
                    throw ValidationException.of("skip-xsd", "conflicting_options",
                            "--skip-xsd and --xsd exclude each other; give one of them");
                }
                return null;
            }
            Path location = xsd;
            String path = "xsd";
            if (location == null) {
                String env = System.getenv(XSD_ENV);
                if (env == null || env.isBlank()) {
                    throw ValidationException.of("xsd", "required", "the official e-SLOG XSD is not bundled: give its "
                            + "directory with --xsd DIR or the environment variable " + XSD_ENV
                            + " (or --skip-xsd to check the business rules only)");
                }
                location = Path.of(env);
                path = XSD_ENV;
            }
            if (!Files.exists(location)) {
                throw ValidationException.of(path, "not_found", "no such directory or file: " + CliFiles.quote(location));
            }
            try {
                return EslogSchema.load(location);
            } catch (EslogSchemaException e) {
                throw ValidationException.of(path, "unreadable", String.valueOf(e.getMessage()));
            }
        }
    }

    /** {@code invoicing eslog validate FILE}: XSD plus business rules, the result as JSON on stdout. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Validate an e-SLOG 2.0 XML file against the official XSD and the business rules.")
    static final class Validate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The e-SLOG XML to validate.")
        Path file;

        @CommandLine.Mixin
        XsdOptions xsdOptions = new XsdOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            EslogValidation result;
            EslogSchema schema;
            try {
                schema = xsdOptions.schema();
                byte[] xml = CliFiles.read(file, "FILE");
                result = schema == null ? withoutSchema(xml, Clock.systemUTC())
                        : new EslogValidator(schema, Clock.systemUTC()).validateXml(xml, EslogContext.NONE);
            } catch (ValidationException e) {
                return InvoicingCli.badInput(err, e.violations());
            }
            out.println(toJson(result, schema == null));
            out.flush();
            if (result.validationStatus() == EslogValidationStatus.VALID) {
                return InvoicingCli.EXIT_OK;
            }
            return InvoicingCli.badInput(err, result.validationErrors());
        }
    }

    /** Reads the XML (XXE-safe) and runs the checks that need no XSD on what it holds. */
    static EslogValidation withoutSchema(byte[] xml, Clock clock) {
        List<Violation> errors;
        try {
            EslogDocument read = new EslogReader().read(xml);
            errors = EslogValidator.checkWithoutSchema(read.document(), read.context());
        } catch (EslogReadException e) {
            errors = List.of(Violation.of("/", "unreadable", String.valueOf(e.getMessage())));
        }
        return new EslogValidation(errors.isEmpty() ? EslogValidationStatus.VALID : EslogValidationStatus.INVALID,
                errors, clock.instant());
    }

    static String toJson(EslogValidation result, boolean xsdSkipped) throws IOException {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("validation_status", WireValues.of(result.validationStatus()));
        ArrayNode errors = node.putArray("validation_errors");
        for (Violation v : result.validationErrors()) {
            errors.addObject().put("path", v.path()).put("code", v.code()).put("message", v.message());
        }
        node.put("validated_at", result.validatedAt() == null ? null : result.validatedAt().toString());
        if (xsdSkipped) {
            node.put("xsd_skipped", true);
        }
        return InvoicingJson.writer().writeValueAsString(node);
    }
}
