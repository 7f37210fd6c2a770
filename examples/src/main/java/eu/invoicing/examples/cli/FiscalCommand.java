package eu.invoicing.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.json.WireValues;
import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.lifecycle.FinalizeOptions;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.memory.InMemoryDocumentStore;
import eu.invoicing.core.memory.InMemoryTransactor;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.FinaData;
import eu.invoicing.core.model.FiscalStatus;
import eu.invoicing.core.model.FursData;
import eu.invoicing.core.spi.FiscalAuthority;
import eu.invoicing.core.spi.FiscalGateway;
import eu.invoicing.core.spi.FiscalResponse;
import eu.invoicing.core.spi.FiscalSubmission;
import eu.invoicing.fiscal.BusinessPremise;
import eu.invoicing.fiscal.CisClient;
import eu.invoicing.fiscal.FiscalCredentials;
import eu.invoicing.fiscal.FiscalTransportException;
import eu.invoicing.fiscal.FursClient;
import eu.invoicing.fiscal.FursEndpoints;
import eu.invoicing.fiscal.PinnedTrust;
import eu.invoicing.fiscal.RegisterReply;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code invoicing fiscal ...}: the messages FURS and CIS receive, built and signed with the taxpayer's P12
 * certificate ({@code furs-request}, {@code cis-request}: nothing is sent), a FURS business premise
 * registration ({@code furs-premise}), and the sending of a built message ({@code send}). docs/fiscal.md.
 *
 * <p>Exit codes: 0 done (for {@code send} and {@code furs-premise}: accepted); 2 bad input, or the authority
 * refused the message ({@code {"errors":[...]}} on stderr); 1 the authority could not be reached or its answer
 * could not be trusted (a message on stderr). The password is read from the environment variable
 * {@code --password-env} names, never from the command line, and never printed.
 */
@Command(name = "fiscal", mixinStandardHelpOptions = true,
        description = "Build, sign and send FURS / CIS fiscalization messages.",
        subcommands = {FiscalCommand.FursRequest.class, FiscalCommand.CisRequest.class,
                FiscalCommand.FursPremise.class, FiscalCommand.Send.class})
final class FiscalCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        int exit = InvoicingCli.badInput(cli.getErr(), List.of(Violation.of("command", "required",
                "a command is required: " + String.join(", ", cli.getSubcommands().keySet()))));
        cli.usage(cli.getErr());
        return exit;
    }

    /** The certificate options every subcommand shares. */
    static final class Certificate {
        @Option(names = "--p12", required = true, paramLabel = "FILE", description = "The taxpayer's PKCS#12 "
                + "certificate (FURS: from eDavki / Tax CA Test; CIS: the FINA application certificate).")
        Path p12;

        @Option(names = "--password-env", required = true, paramLabel = "VAR",
                description = "The environment variable that holds the P12 password.")
        String passwordEnv;

        FiscalCredentials load() {
            String password = System.getenv(passwordEnv);
            if (password == null) {
                throw ValidationException.of("password-env", "required", "the environment variable " + passwordEnv
                        + " is not set");
            }
            CliFiles.read(p12, "--p12");
            char[] chars = password.toCharArray();
            try {
                return FiscalCredentials.fromPkcs12(p12, chars);
            } finally {
                java.util.Arrays.fill(chars, '\0');
            }
        }
    }

    /** The document options of the two request builders. */
    static final class Issue {
        @Option(names = "--premise", required = true, description = "Business premise id (OznPosPr for CIS).")
        String premise;

        @Option(names = "--device", required = true, description = "Electronic device id (OznNapUr for CIS).")
        String device;

        @Option(names = "--type", description = "Kind of a create request on stdin: invoice, advance_invoice or "
                + "credit_note (default: invoice).")
        String type;

        DocumentType kind() {
            DocumentType t = type == null ? DocumentType.INVOICE : WireValues.parse(DocumentType.class, type)
                    .orElseThrow(() -> ValidationException.of("type", "invalid_value", "must be one of "
                            + WireValues.allowed(DocumentType.class) + ", was \"" + type + "\""));
            if (!t.isFiscal()) {
                throw ValidationException.of("type", "invalid_value", "only invoice, advance_invoice and "
                        + "credit_note are fiscalized, was \"" + type + "\"");
            }
            return t;
        }
    }

    /** Signs the protected code with the P12 and keeps the message instead of sending it. */
    private static final class Capture implements FiscalGateway {
        private final FiscalCredentials credentials;
        private FiscalSubmission captured;

        Capture(FiscalCredentials credentials) {
            this.credentials = credentials;
        }

        @Override
        public byte[] sign(FiscalAuthority authority, String entityId, String algorithm, byte[] data) {
            return credentials.sign(algorithm, data);
        }

        @Override
        public FiscalResponse submit(FiscalSubmission submission) {
            captured = submission;
            return FiscalResponse.failure("not sent: the request was only built");
        }

        @Override
        public FiscalResponse cancel(FiscalSubmission submission) {
            return FiscalResponse.failure("not sent");
        }
    }

    /**
     * Issues the document on stdin in memory (a create request or a draft: calculated, numbered in the premise and
     * device, the protected code signed with the P12; a stored final document: its stored fiscal data) and
     * returns the message the library would send.
     */
    static FiscalSubmission build(CommandLine.Model.CommandSpec spec, FiscalCredentials credentials, Entity entity,
            Issue issue, boolean furs, String payment) throws IOException {
        String json = new String(InvoicingCli.stdin(spec).readAllBytes(), StandardCharsets.UTF_8);
        JsonNode tree = InvoicingJson.parse(json);
        Capture capture = new Capture(credentials);
        InMemoryTransactor tx = new InMemoryTransactor();
        InMemoryDocumentStore store = new InMemoryDocumentStore(tx);
        EntityDocuments docs = Invoicing.builder().store(store).transactor(tx).fiscalGateway(capture).build()
                .entity(entity);
        boolean stored = tree != null && tree.hasNonNull("id") && !tree.path("draft").asBoolean(true);
        if (stored) {
            Document d = InvoicingJson.readDocument(tree, issue.kind());
            FursData f = d.furs();
            FinaData n = d.fina();
            if (furs ? f == null || f.zoi() == null : n == null || n.zki() == null) {
                throw ValidationException.of(furs ? "furs.zoi" : "fina.zki", "required", "the stored document has "
                        + "no protected code; give a draft or a create request to issue it");
            }
            // Sent as a late submission of its stored data; the status is only what lets the retry build it.
            Document.Builder b = d.toBuilder().entityId(entity.id());
            if (furs) {
                b.furs(new FursData(f.businessPremiseName(), f.electronicDeviceName(), f.numberingStrategy(),
                        f.sequenceNumber(), f.operatorTaxNumber(), f.issuedAt(), f.zoi(), null, f.barcode(),
                        FiscalStatus.FAILED, null));
            } else {
                b.fina(new FinaData(n.businessPremiseName(), n.electronicDeviceName(), n.numberingSequence(),
                        n.sequenceNumber(), n.operatorOib(), n.paymentMethod(), n.issuedAt(), n.zki(), null,
                        FiscalStatus.FAILED, null));
            }
            Document copy = b.build();
            tx.inTransaction(entity.id(), () -> {
                store.save(copy);
                return null;
            });
            docs.retryFiscalization(copy.id());
        } else {
            DocumentDraft draft = tree != null && tree.hasNonNull("id")
                    ? DocumentDraft.from(InvoicingJson.readDocument(tree, issue.kind()))
                    : InvoicingJson.readRequest(tree, issue.kind()).draft();
            Document created = docs.create(draft.toBuilder().draft(true).build());
            docs.finalizeDocument(created.id(), furs ? FinalizeOptions.furs(issue.premise, issue.device)
                    : FinalizeOptions.fina(issue.premise, issue.device, payment));
        }
        if (capture.captured == null) {
            throw ValidationException.of("entity.settings", "invalid", "the document was not fiscalized");
        }
        return capture.captured;
    }

    static Entity enable(Entity entity, boolean furs, String sequence) {
        EntitySettings.Builder s = entity.settings().toBuilder();
        if (furs) {
            s.furs(new EntitySettings.Furs(true, "B".equalsIgnoreCase(sequence) ? EntitySettings.FursNumberingStrategy.B
                    : EntitySettings.FursNumberingStrategy.C)).fina(EntitySettings.Fina.DISABLED);
        } else {
            s.fina(new EntitySettings.Fina(true, "N".equalsIgnoreCase(sequence) ? EntitySettings.FinaNumberingSequence.N
                    : EntitySettings.FinaNumberingSequence.P)).furs(EntitySettings.Furs.DISABLED);
        }
        return entity.withSettings(s.build());
    }

    /** {@code fiscal furs-request}: the exact body FURS would receive. */
    @Command(name = "furs-request", mixinStandardHelpOptions = true,
            description = "Issue the document on stdin in memory and print the exact FURS body {\"token\":\"<JWS>\"}; "
                    + "nothing is sent.")
    static final class FursRequest implements Callable<Integer> {
        @CommandLine.Mixin
        Certificate certificate = new Certificate();
        @CommandLine.Mixin
        Issue issue = new Issue();
        @CommandLine.Mixin
        EntityOption entityOption = new EntityOption();
        @Option(names = "--numbering", description = "C: one sequence per premise (default); B: per device.")
        String numbering;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try {
                FiscalCredentials credentials = certificate.load();
                Entity entity = enable(entityOption.load(), true, numbering);
                FiscalSubmission s;
                try {
                    s = build(spec, credentials, entity, issue, true, null);
                } catch (eu.invoicing.core.DocumentStateException e) {
                    throw ValidationException.of("document", "invalid_state", e.getMessage());
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println(FursClient.invoiceBody(credentials, Clock.systemUTC(), s.payload(), s.messageId()));
                out.flush();
                return InvoicingCli.EXIT_OK;
            } catch (ValidationException e) {
                return InvoicingCli.badInput(spec.commandLine().getErr(), e.violations());
            }
        }
    }

    /** {@code fiscal cis-request}: the exact signed SOAP envelope CIS would receive. */
    @Command(name = "cis-request", mixinStandardHelpOptions = true,
            description = "Issue the document on stdin in memory and print the signed CIS RacunZahtjev SOAP envelope; "
                    + "nothing is sent.")
    static final class CisRequest implements Callable<Integer> {
        @CommandLine.Mixin
        Certificate certificate = new Certificate();
        @CommandLine.Mixin
        Issue issue = new Issue();
        @CommandLine.Mixin
        EntityOption entityOption = new EntityOption();
        @Option(names = "--payment", description = "cash (default), card, cheque, bank_transfer or other (NacinPlac).")
        String payment;
        @Option(names = "--sequence", description = "P: one sequence per premise (default); N: per device.")
        String sequence;
        @Option(names = "--sha256", description = "Sign with RSA-SHA256 instead of the default RSA-SHA1.")
        boolean sha256;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try {
                FiscalCredentials credentials = certificate.load();
                Entity entity = enable(entityOption.load(), false, sequence);
                FiscalSubmission s;
                try {
                    s = build(spec, credentials, entity, issue, false, payment);
                } catch (eu.invoicing.core.DocumentStateException e) {
                    throw ValidationException.of("document", "invalid_state", e.getMessage());
                }
                byte[] envelope = CisClient.racunEnvelope(credentials, Clock.systemUTC(), sha256, s.payload(),
                        s.messageId());
                PrintWriter out = spec.commandLine().getOut();
                out.println(new String(envelope, StandardCharsets.UTF_8));
                out.flush();
                return InvoicingCli.EXIT_OK;
            } catch (ValidationException e) {
                return InvoicingCli.badInput(spec.commandLine().getErr(), e.violations());
            }
        }
    }

    /** The connection options of the commands that send. */
    static final class Connection {
        @Option(names = "--endpoint", required = true, paramLabel = "URL", description = "FURS base (e.g. "
                + "https://blagajne-test.fu.gov.si:9002) or the CIS service URL.")
        URI endpoint;

        @Option(names = "--ca", required = true, paramLabel = "FILE",
                description = "PEM/DER CA certificate(s) the server's certificate must chain to (pinned).")
        Path ca;

        @Option(names = "--furs-signer", paramLabel = "FILE",
                description = "FURS: the certificate that signs its answers (DavPotRacTEST / DavPotRac).")
        Path fursSigner;

        @Option(names = "--cis-signer-ca", paramLabel = "FILE",
                description = "CIS: CA certificate(s) the certificate signing its answers must chain to.")
        Path cisSignerCa;

        FursClient furs(FiscalCredentials credentials) {
            if (fursSigner == null) {
                throw ValidationException.of("furs-signer", "required", "FURS answers are verified with its "
                        + "signing certificate: give --furs-signer");
            }
            CliFiles.read(ca, "--ca");
            CliFiles.read(fursSigner, "--furs-signer");
            return FursClient.builder().credentials(credentials).serverTrust(PinnedTrust.fromFile(ca))
                    .fursSigner(certificate(fursSigner)).endpoints(FursEndpoints.at(base(endpoint))).build();
        }

        CisClient cis(FiscalCredentials credentials) {
            if (cisSignerCa == null) {
                throw ValidationException.of("cis-signer-ca", "required", "CIS answers are verified against the CA "
                        + "of its signing certificate: give --cis-signer-ca");
            }
            CliFiles.read(ca, "--ca");
            CliFiles.read(cisSignerCa, "--cis-signer-ca");
            return CisClient.builder().credentials(credentials).serverTrust(PinnedTrust.fromFile(ca))
                    .signerTrust(PinnedTrust.fromFile(cisSignerCa)).endpoint(endpoint).build();
        }

        private static URI base(URI u) {
            return URI.create(u.getScheme() + "://" + u.getRawAuthority());
        }

        private static X509Certificate certificate(Path file) {
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
                return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            } catch (IOException | java.security.GeneralSecurityException e) {
                throw ValidationException.of("furs-signer", "invalid", "not a certificate: " + CliFiles.quote(file));
            }
        }
    }

    /** Prints a verified answer; a refusal is bad input, an unusable answer a failure. */
    static int reply(CommandLine.Model.CommandSpec spec, RegisterReply r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accepted", r.accepted());
        m.put("message_id", r.messageId());
        m.put("unique_invoice_id", r.uniqueInvoiceId());
        m.put("error_code", r.errorCode());
        m.put("error", r.error());
        PrintWriter out = spec.commandLine().getOut();
        try {
            out.println(InvoicingJson.writer().writeValueAsString(m));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
        if (r.accepted()) {
            return InvoicingCli.EXIT_OK;
        }
        return InvoicingCli.badInput(spec.commandLine().getErr(), List.of(Violation.of("body", "rejected",
                r.error() == null ? "refused" : r.error())));
    }

    static int unreachable(CommandLine.Model.CommandSpec spec, InvoicingException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("invoicing: " + e.getMessage());
        err.flush();
        return InvoicingCli.EXIT_FAILURE;
    }

    /** {@code fiscal send}: sends a body built by furs-request / cis-request. */
    @Command(name = "send", mixinStandardHelpOptions = true,
            description = "Send the body on stdin (from furs-request or cis-request) and print the verified answer.")
    static final class Send implements Callable<Integer> {
        @CommandLine.Mixin
        Certificate certificate = new Certificate();
        @CommandLine.Mixin
        Connection connection = new Connection();
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            byte[] body = InvoicingCli.stdin(spec).readAllBytes();
            try {
                FiscalCredentials credentials = certificate.load();
                String text = new String(body, StandardCharsets.UTF_8).trim();
                if (text.isEmpty()) {
                    throw ValidationException.of("body", "required", "stdin is empty: give the output of "
                            + "furs-request or cis-request");
                }
                RegisterReply r;
                if (text.startsWith("{")) {
                    FursClient furs = connection.furs(credentials);
                    boolean premise = text.contains("\"token\"") && isPremise(text);
                    r = furs.sendBody(premise ? furs.endpoints().premises() : furs.endpoints().invoices(), text);
                } else {
                    r = connection.cis(credentials).sendEnvelope(body);
                }
                return reply(spec, r);
            } catch (ValidationException e) {
                return InvoicingCli.badInput(spec.commandLine().getErr(), e.violations());
            } catch (FiscalTransportException e) {
                return unreachable(spec, e);
            }
        }

        private static boolean isPremise(String body) {
            try {
                String token = InvoicingJson.parse(body).path("token").asText("");
                String[] parts = token.split("\\.");
                return parts.length == 3 && new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
                        StandardCharsets.UTF_8).contains("\"BusinessPremiseRequest\"");
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    /** {@code fiscal furs-premise}: registers (or closes) a business premise at FURS. */
    @Command(name = "furs-premise", mixinStandardHelpOptions = true,
            description = "Register, change or close the FURS business premise described on stdin (JSON).")
    static final class FursPremise implements Callable<Integer> {
        @CommandLine.Mixin
        Certificate certificate = new Certificate();
        @CommandLine.Mixin
        Connection connection = new Connection();
        @Option(names = "--dry-run", description = "Print the signed body instead of sending it.")
        boolean dryRun;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String json = new String(InvoicingCli.stdin(spec).readAllBytes(), StandardCharsets.UTF_8);
            try {
                BusinessPremise premise = premise(InvoicingJson.parse(json));
                FiscalCredentials credentials = certificate.load();
                String id = java.util.UUID.nameUUIDFromBytes(new java.security.SecureRandom().generateSeed(16))
                        .toString();
                if (dryRun) {
                    spec.commandLine().getOut().println(FursClient.premiseBody(credentials, Clock.systemUTC(),
                            premise, id));
                    spec.commandLine().getOut().flush();
                    return InvoicingCli.EXIT_OK;
                }
                return reply(spec, connection.furs(credentials).registerPremise(premise, id));
            } catch (ValidationException e) {
                return InvoicingCli.badInput(spec.commandLine().getErr(), e.violations());
            } catch (FiscalTransportException e) {
                return unreachable(spec, e);
            }
        }

        static BusinessPremise premise(JsonNode n) {
            List<Violation> bad = new ArrayList<>();
            JsonNode re = n.path("real_estate");
            BusinessPremise.RealEstate realEstate = re.isObject() ? new BusinessPremise.RealEstate(
                    re.path("cadastral_number").asInt(), re.path("building_number").asInt(),
                    re.path("building_section_number").asInt(), re.path("street").asText(null),
                    re.path("house_number").asText(null), re.path("house_number_additional").asText(null),
                    re.path("community").asText(null), re.path("city").asText(null),
                    re.path("postal_code").asText(null)) : null;
            BusinessPremise.MovableType movable = null;
            if (n.hasNonNull("movable")) {
                try {
                    movable = BusinessPremise.MovableType.valueOf(n.path("movable").asText());
                } catch (IllegalArgumentException e) {
                    bad.add(Violation.of("movable", "invalid_value", "must be A, B or C"));
                }
            }
            LocalDate validity = null;
            if (n.hasNonNull("validity_date")) {
                try {
                    validity = LocalDate.parse(n.path("validity_date").asText());
                } catch (DateTimeParseException e) {
                    bad.add(Violation.of("validity_date", "invalid_format", "must be yyyy-MM-dd"));
                }
            }
            if (!bad.isEmpty()) {
                throw new ValidationException(bad);
            }
            return new BusinessPremise(n.path("tax_number").asText(null), n.path("premise_id").asText(null),
                    realEstate, movable, validity, n.path("closing").asBoolean(false),
                    n.path("software_supplier_tax_number").asText(null), n.path("foreign_software_supplier")
                    .asText(null), n.path("special_notes").asText(null));
        }
    }
}
