package eu.invoicing.fiscal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificate chains the tests generate (BouncyCastle, test scope only): a tax CA with a taxpayer's client
 * certificate, the authority's signing certificate and a server certificate for 127.0.0.1 / localhost; and a
 * rogue CA with its own client and server certificates, for the refusals. One instance per JVM (RSA key
 * generation is slow).
 */
final class TestPki {
    static final char[] PASSWORD = "test-password".toCharArray();
    /** Valid from a year before the tests' fixed clock until long after. */
    static final Instant NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant NOT_AFTER = Instant.parse("2036-01-01T00:00:00Z");
    static final TestPki PKI = new TestPki();

    final Issued ca;
    final Issued client;
    final Issued signer;
    final Issued server;
    final Issued rogueCa;
    final Issued rogueClient;
    final Issued rogueServer;
    private long serial = 1000;

    /** A key pair and the certificate its CA issued. */
    record Issued(KeyPair keys, X509Certificate certificate, X509Certificate issuer) {
        PrivateKey key() {
            return keys.getPrivate();
        }

        KeyStore keyStore() {
            try {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                X509Certificate[] chain = issuer == null ? new X509Certificate[] {certificate}
                        : new X509Certificate[] {certificate, issuer};
                ks.setKeyEntry("key", keys.getPrivate(), PASSWORD, chain);
                return ks;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        FiscalCredentials credentials() {
            return FiscalCredentials.of(keyStore(), "key", PASSWORD);
        }
    }

    private TestPki() {
        ca = selfSigned("CN=Tax CA Test,O=state-institutions,C=SI");
        client = issue(ca, "CN=TEST D.O.O.,2.5.4.5=#130131,OU=12345678,OU=DavPotRacTEST,O=state-institutions,C=SI",
                false, BigInteger.valueOf(2575988469811686647L));
        signer = issue(ca, "CN=DavPotRacTEST,OU=systems,O=state authorities,C=SI", false, next());
        server = issue(ca, "CN=localhost,O=state-institutions,C=SI", true, next());
        rogueCa = selfSigned("CN=Rogue CA,C=XX");
        rogueClient = issue(rogueCa, "CN=TEST D.O.O.,OU=12345678,C=SI", false, next());
        rogueServer = issue(rogueCa, "CN=localhost,C=XX", true, next());
    }

    private BigInteger next() {
        return BigInteger.valueOf(serial++);
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Issued selfSigned(String dn) {
        KeyPair k = rsa();
        try {
            X500Name name = X500Name.getInstance(new X500Principal(dn).getEncoded());
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, next(), Date.from(NOT_BEFORE),
                    Date.from(NOT_AFTER), name, k.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new Issued(k, convert(b, k.getPrivate()), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Issues a certificate whose subject is exactly {@code dn} (RFC 2253) with the given serial. */
    Issued issue(Issued by, String dn, boolean tlsServer, BigInteger serialNumber) {
        KeyPair k = rsa();
        return issue(by, dn, tlsServer, serialNumber, k);
    }

    Issued issue(Issued by, String dn, boolean tlsServer, BigInteger serialNumber, KeyPair k) {
        try {
            X500Name subject = X500Name.getInstance(new X500Principal(dn).getEncoded());
            X500Name issuer = X500Name.getInstance(by.certificate().getSubjectX500Principal().getEncoded());
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serialNumber,
                    Date.from(NOT_BEFORE), Date.from(NOT_AFTER), subject, k.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            if (tlsServer) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            }
            return new Issued(k, convert(b, by.key()), by.certificate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate convert(JcaX509v3CertificateBuilder b, PrivateKey signer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    }

    /** A server TLS context: presents {@code server}, trusts client certificates issued by {@code clientCa}. */
    static SSLContext serverContext(Issued server, X509Certificate clientCa) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(server.keyStore(), PASSWORD);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", clientCa);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant at() {
        return Instant.parse("2026-03-16T09:00:00Z").truncatedTo(ChronoUnit.SECONDS);
    }
}
