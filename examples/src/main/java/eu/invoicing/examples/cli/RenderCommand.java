package eu.invoicing.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.calc.CalculationOptions;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.json.WireValues;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.einvoice.EInvoiceOptions;
import eu.invoicing.einvoice.FacturXWriter;
import eu.invoicing.rendering.HtmlRenderer;
import eu.invoicing.rendering.PdfRenderer;
import eu.invoicing.rendering.RenderMode;
import eu.invoicing.rendering.RenderOptions;
import eu.invoicing.rendering.Template;
import eu.invoicing.rendering.i18n.Language;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code invoicing render --format html|pdf|facturx [--template T] [--locale L] [--language G] [--complete]
 * [--buyer-reference R] [--order-reference R]}: reads a stored document (JSON with an {@code id}) or a create
 * request (calculated first) on stdin and writes the HTML, the PDF or the Factur-X 1.07 / ZUGFeRD 2.3 hybrid
 * (PDF/A-3b with the CII D16B invoice attached as {@code factur-x.xml}) to stdout. Validation errors go to stderr as {@code {"errors":[...]}}, exit 2; a
 * stdout that cannot be written is exit 1.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a document or a create request (JSON on stdin) as HTML, PDF or Factur-X PDF/A-3 on stdout.")
final class RenderCommand implements Callable<Integer> {
    @Option(names = "--format", required = true, description = "html, pdf or facturx (PDF/A-3b with the CII embedded)")
    String format;

    @Option(names = "--buyer-reference", description = "facturx: BT-10 (default: the document's reference).")
    String buyerReference;

    @Option(names = "--order-reference", description = "facturx: BT-13, the buyer's purchase order.")
    String orderReference;

    @Option(names = "--template", description = "modern (default), classic, condensed, minimal or fashion")
    String template;

    @Option(names = "--locale", description = "number and date formats, e.g. sl-SI, en-US (default: the entity's)")
    String locale;

    @Option(names = "--language", description = "label language, e.g. sl, en, or a locale such as de-AT (default: the locale's)")
    String language;

    @Option(names = "--complete", description = "validate required fields first and report every missing one")
    boolean complete;

    @Option(names = "--type", defaultValue = "invoice",
            description = "kind of a create request without id: invoice, estimate, credit_note, advance_invoice, delivery_note")
    String type;

    @CommandLine.Mixin
    EntityOption entityOption = new EntityOption();

    @CommandLine.Mixin
    RatesOption rates = new RatesOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        byte[] output;
        try {
            String kind = parseFormat();
            Entity entity = entityOption.load();
            rates.load();
            RenderOptions.Builder options = RenderOptions.builder()
                    .mode(complete ? RenderMode.COMPLETE : RenderMode.PARTIAL)
                    .template(template == null ? null : Template.of(template));
            // Both a bad --locale and a bad --language are reported at once.
            List<Violation> problems = new ArrayList<>();
            try {
                options.locale(locale);
            } catch (ValidationException e) {
                problems.addAll(e.violations());
            }
            try {
                options.language(language == null ? null : Language.of(language));
            } catch (ValidationException e) {
                problems.addAll(e.violations());
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            Document document = readDocument(new String(InvoicingCli.stdin(spec).readAllBytes(), StandardCharsets.UTF_8),
                    entity);
            output = switch (kind) {
                case "pdf" -> PdfRenderer.create().render(document, entity, options.build());
                case "facturx" -> FacturXWriter.create().write(document, entity, options.build(),
                        EInvoiceOptions.none().withBuyerReference(buyerReference).withOrderReference(orderReference));
                default -> HtmlRenderer.create().render(document, entity, options.build()).getBytes(StandardCharsets.UTF_8);
            };
        } catch (ValidationException e) {
            return InvoicingCli.badInput(err, e.violations());
        }
        // Rendered in full first: a bad document never leaves half a page on stdout.
        OutputStream out = InvoicingCli.stdout(spec);
        out.write(output);
        out.flush();
        return InvoicingCli.EXIT_OK;
    }

    private String parseFormat() {
        for (String known : new String[] {"html", "pdf", "facturx"}) {
            if (known.equalsIgnoreCase(format)) {
                return known;
            }
        }
        throw ValidationException.of("format", "invalid_value", "must be html, pdf or facturx, was \"" + format + "\"");
    }

    private Document readDocument(String json, Entity entity) {
        DocumentType kind = WireValues.parse(DocumentType.class, type).orElseThrow(() -> ValidationException.of("type",
                "invalid_value", "must be one of " + WireValues.allowed(DocumentType.class) + ", was \"" + type + "\""));
        JsonNode node = InvoicingJson.parse(json);
        if (node.hasNonNull("id")) {
            return InvoicingJson.readDocument(node, kind);
        }
        DocumentRequest request = InvoicingJson.readRequest(node, kind);
        return CalculationEngine.withDefaults().calculate(rates.apply(request.draft().values(), entity,
                Clock.systemUTC()), entity,
                CalculationOptions.expecting(request.expectedTotalWithTax()));
    }
}
