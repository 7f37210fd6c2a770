package eu.invoicing.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@code invoicing fiscal ...} and {@code invoicing vies check} with a P12 made by the JDK's keytool (its
 * password in the environment variable the build sets, INVOICING_TEST_P12_PASSWORD). Nothing leaves the machine.
 */
class FiscalCommandTest {
    private static final String ENV = "INVOICING_TEST_P12_PASSWORD";
    private static final String REQUEST = "{\"items\":[{\"name\":\"Kava\",\"quantity\":2,\"price\":1.5,"
            + "\"taxes\":[{\"rate\":22}]}]}";
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path p12;
    static PrivateKey key;
    static X509Certificate cert;

    @BeforeAll
    static void keytool() throws Exception {
        p12 = dir.resolve("furs.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "key", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=TEST D.O.O., OU=12345678, OU=DavPotRacTEST, O=state-institutions, C=SI",
                "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "test-password",
                "-keypass", "test-password").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "test-password".toCharArray());
        }
        key = (PrivateKey) ks.getKey("key", "test-password".toCharArray());
        cert = (X509Certificate) ks.getCertificate("key");
    }

    @Test
    void fursRequest_createRequest_printsTheSignedBodyWithAZoiOfThisCertificate() throws Exception {
        CliRun.Result r = CliRun.run(REQUEST, "fiscal", "furs-request", "--p12", p12.toString(), "--password-env",
                ENV, "--premise", "PP1", "--device", "BLAG1");
        assertThat(r.exit()).as(r.err()).isZero();
        String[] parts = JSON.readTree(r.out()).get("token").asText().split("\\.");
        Signature jws = Signature.getInstance("SHA256withRSA");
        jws.initVerify(cert.getPublicKey());
        jws.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(jws.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        JsonNode invoice = JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).at("/InvoiceRequest/Invoice");
        assertThat(invoice.at("/InvoiceIdentifier/BusinessPremiseID").asText()).isEqualTo("PP1");
        assertThat(invoice.at("/InvoiceIdentifier/ElectronicDeviceID").asText()).isEqualTo("BLAG1");
        assertThat(invoice.at("/InvoiceIdentifier/InvoiceNumber").asText()).isEqualTo("1");
        LocalDateTime issued = LocalDateTime.parse(invoice.path("IssueDateTime").asText());
        String input = "12345678" + DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").format(issued) + "1PP1BLAG1"
                + invoice.path("InvoiceAmount").decimalValue().toPlainString();
        Signature zoi = Signature.getInstance("SHA256withRSA");
        zoi.initSign(key);
        zoi.update(input.getBytes(StandardCharsets.UTF_8));
        assertThat(invoice.path("ProtectedID").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(zoi.sign())));
        assertThat(r.out()).doesNotContain("test-password");
    }

    @Test
    void fursRequest_passwordVariableUnset_isBadInputNamingTheOption() {
        CliRun.Result r = CliRun.run(REQUEST, "fiscal", "furs-request", "--p12", p12.toString(), "--password-env",
                "INVOICING_NO_SUCH_VARIABLE", "--premise", "PP1", "--device", "BLAG1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errors().get(0).get("path").asText()).isEqualTo("password-env");
    }

    @Test
    void cisRequest_createRequest_printsAnEnvelopeWhoseSignatureValidates() throws Exception {
        String hr = "{\"name\":\"Primjer d.o.o.\",\"country\":\"Croatia\",\"country_code\":\"HR\","
                + "\"tax_number\":\"HR12345678901\",\"currency_code\":\"EUR\"}";
        Path entity = dir.resolve("hr.json");
        Files.writeString(entity, hr);
        CliRun.Result r = CliRun.run(REQUEST, "fiscal", "cis-request", "--p12", p12.toString(), "--password-env",
                ENV, "--premise", "POSL1", "--device", "1", "--entity", entity.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.stdout()));
        Element request = (Element) doc.getElementsByTagNameNS("http://www.apis-it.hr/fin/2012/types/f73",
                "RacunZahtjev").item(0);
        request.setIdAttributeNS(null, "Id", true);
        DOMValidateContext ctx = new DOMValidateContext(new KeySelector() {
            @Override
            public KeySelectorResult select(KeyInfo k, Purpose p, AlgorithmMethod m, XMLCryptoContext c) {
                Key publicKey = cert.getPublicKey();
                return () -> publicKey;
            }
        }, request.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").item(0));
        ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        assertThat(XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx).validate(ctx)).isTrue();
        assertThat(r.out()).contains("<tns:OznPosPr>POSL1</tns:OznPosPr>").contains("<tns:NacinPlac>G</tns:NacinPlac>");
    }

    @Test
    void send_endpointUnreachable_exitsOneWithAMessage() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path ca = dir.resolve("ca.pem");
        Files.write(ca, ("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII));
        CliRun.Result built = CliRun.run(REQUEST, "fiscal", "furs-request", "--p12", p12.toString(),
                "--password-env", ENV, "--premise", "PP1", "--device", "BLAG1");
        CliRun.Result r = CliRun.run(built.out(), "fiscal", "send", "--endpoint", "https://127.0.0.1:" + port,
                "--p12", p12.toString(), "--password-env", ENV, "--ca", ca.toString(), "--furs-signer", ca.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("cannot connect");
    }

    @Test
    void viesCheck_viesUnreachable_printsUnverifiedNotInvalid() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun.Result r = CliRun.run("", "vies", "check", "DE", "136695976", "--requester", "SI12345678",
                "--endpoint", "https://127.0.0.1:" + port);
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode out = JSON.readTree(r.out());
        assertThat(out.path("status").asText()).isEqualTo("unverified");
        assertThat(out.path("valid").asBoolean()).isFalse();
        assertThat(out.path("vat_number").asText()).isEqualTo("DE136695976");
    }

    @Test
    void viesCheck_malformedNumber_printsInvalid() throws Exception {
        CliRun.Result r = CliRun.run("", "vies", "check", "DE", "12");
        assertThat(r.exit()).isZero();
        assertThat(JSON.readTree(r.out()).path("status").asText()).isEqualTo("invalid");
    }
}
