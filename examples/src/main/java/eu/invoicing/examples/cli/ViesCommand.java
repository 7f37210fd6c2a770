package eu.invoicing.examples.cli;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.VatCheckStatus;
import eu.invoicing.core.model.ViesCheck;
import eu.invoicing.fiscal.PinnedTrust;
import eu.invoicing.fiscal.ViesValidator;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code invoicing vies check CC NUMBER [--requester CCNUMBER]}: asks VIES (REST) and prints the {@code vies}
 * object a document would record: {@code status} valid, invalid or unverified (VIES or the member state down),
 * and with {@code --requester} the consultation number. Exit 0 with an answer, whatever its status; 2 for bad
 * arguments.
 */
@Command(name = "vies", mixinStandardHelpOptions = true, description = "Check VAT numbers with VIES.",
        subcommands = {ViesCommand.Check.class})
final class ViesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        int exit = InvoicingCli.badInput(cli.getErr(), List.of(Violation.of("command", "required",
                "a command is required: check")));
        cli.usage(cli.getErr());
        return exit;
    }

    /** {@code vies check}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check one VAT number: prints {vat_number, country_code, status, valid, name, address, "
                    + "checked_at, consultation_number}.")
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CC", description = "ISO country code of the number, e.g. DE.")
        String country;

        @Parameters(index = "1", paramLabel = "NUMBER", description = "The VAT number, with or without prefix.")
        String number;

        @Option(names = "--requester", paramLabel = "CCNUMBER",
                description = "Your own VAT number (e.g. SI12345678): VIES then answers a consultation number.")
        String requester;

        @Option(names = "--endpoint", paramLabel = "URL",
                description = "The VIES REST base (default: " + "https://ec.europa.eu/taxation_customs/vies/rest-api).")
        URI endpoint;

        @Option(names = "--ca", paramLabel = "FILE", description = "Trust only servers under this CA (default: "
                + "the JDK's trust store).")
        Path ca;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try {
                if (country == null || !country.matches("[A-Za-z]{2}")) {
                    throw ValidationException.of("CC", "invalid_format", "the country code must be 2 letters");
                }
                ViesValidator.Builder b = ViesValidator.builder();
                if (requester != null) {
                    if (requester.length() < 3) {
                        throw ValidationException.of("requester", "invalid_format", "give the country prefix and "
                                + "the number, e.g. SI12345678");
                    }
                    b.requester(requester.substring(0, 2), requester);
                }
                if (endpoint != null) {
                    b.endpoint(endpoint);
                }
                if (ca != null) {
                    CliFiles.read(ca, "--ca");
                    b.trust(PinnedTrust.fromFile(ca));
                }
                ViesCheck c = b.build().check(country, number);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("vat_number", c.vatNumber());
                m.put("country_code", c.countryCode());
                m.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
                m.put("valid", c.status() == VatCheckStatus.VALID);
                m.put("name", c.name());
                m.put("address", c.address());
                m.put("checked_at", c.checkedAt() == null ? null : c.checkedAt().toString());
                m.put("consultation_number", c.consultationNumber());
                spec.commandLine().getOut().println(InvoicingJson.writer().writeValueAsString(m));
                spec.commandLine().getOut().flush();
                return InvoicingCli.EXIT_OK;
            } catch (ValidationException e) {
                return InvoicingCli.badInput(spec.commandLine().getErr(), e.violations());
            }
        }
    }
}
