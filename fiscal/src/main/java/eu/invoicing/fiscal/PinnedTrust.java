package eu.invoicing.fiscal;

import eu.invoicing.core.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificate authorities a connector trusts, and nothing else: the JDK's default trust store is not used.
 * FURS recommends pinning the CA, not the server's leaf certificate, because the leaf is replaced every two
 * years (docs/fiscal.md): a server certificate is accepted when its chain validates (PKIX) up to one of these
 * CAs and its name matches the host; a signing certificate (the FURS response signer, the CIS response signer)
 * when its chain validates up to one of them.
 *
 * <p>Immutable and thread-safe.
 */
public final class PinnedTrust {
    private final List<X509Certificate> anchors;

    private PinnedTrust(List<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    /**
     * @param authorities the pinned CA certificates (root or intermediate), at least one, not null
     * @return the trust
     * @throws ValidationException ({@code trust}) when none is given
     */
    public static PinnedTrust of(List<X509Certificate> authorities) {
        Objects.requireNonNull(authorities, "authorities");
        if (authorities.isEmpty()) {
            throw ValidationException.of("trust", "required", "at least one CA certificate must be pinned");
        }
        return new PinnedTrust(authorities);
    }

    /**
     * @param authorities the pinned CA certificates, at least one
     * @return the trust
     */
    public static PinnedTrust of(X509Certificate... authorities) {
        return of(List.of(authorities));
    }

    /**
     * Reads the CAs from a PEM or DER file (one or more certificates, e.g. FURS's {@code sigov-ca} bundle or
     * FINA's root and intermediate).
     *
     * @param file the certificate file, not null
     * @return the trust
     * @throws ValidationException ({@code trust}) when the file holds no readable certificate
     */
    public static PinnedTrust fromFile(Path file) {
        return of(readCertificates(file, "trust"));
    }

    /**
     * @param file PEM or DER certificates, not null
     * @param path the field path named in a violation, not null
     * @return the certificates in the file, at least one
     * @throws ValidationException when the file holds no readable certificate
     */
    static List<X509Certificate> readCertificates(Path file, String path) {
        try (InputStream in = Files.newInputStream(Objects.requireNonNull(file, "file"))) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw ValidationException.of(path, "invalid", "no certificate in " + file.getFileName());
            }
            return out;
        } catch (IOException | GeneralSecurityException e) {
            throw ValidationException.of(path, "invalid", "the certificates in " + file.getFileName()
                    + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /** @return the pinned CA certificates, unmodifiable */
    public List<X509Certificate> authorities() {
        return anchors;
    }

    /**
     * A TLS context without client certificate that trusts only servers whose chain ends at a pinned CA (for a
     * server that does not ask for one, like VIES).
     *
     * @return the context
     * @throws IllegalStateException when the JDK has no TLS
     */
    public javax.net.ssl.SSLContext sslContext() {
        try {
            javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
            ctx.init(null, trustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }

    /** @return trust managers that accept only chains ending at a pinned CA */
    TrustManager[] trustManagers() {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance("PKIX");
            f.init(keyStore());
            return f.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKIX trust is not available", e);
        }
    }

    /**
     * Whether a signing certificate chains (PKIX, at the given time, without revocation checking) up to a
     * pinned CA.
     *
     * @param chain the certificate, leaf first, with any intermediates, not null
     * @param at the time to validate at, not null
     * @return true when it does
     */
    public boolean trusts(List<X509Certificate> chain, java.util.Date at) {
        try {
            for (X509Certificate anchor : anchors) {
                if (chain.size() == 1 && chain.get(0).equals(anchor)) {
                    return true;
                }
            }
            Set<TrustAnchor> trustAnchors = new HashSet<>();
            for (X509Certificate a : anchors) {
                trustAnchors.add(new TrustAnchor(a, null));
            }
            PKIXParameters params = new PKIXParameters(trustAnchors);
            params.setRevocationEnabled(false);
            params.setDate(at);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(chain), params);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private KeyStore keyStore() throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("an empty key store cannot be created", e);
        }
        int i = 0;
        for (X509Certificate c : anchors) {
            ks.setCertificateEntry("ca" + i++, c);
        }
        return ks;
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (X509Certificate c : anchors) {
            names.add(c.getSubjectX500Principal().getName());
        }
        return "PinnedTrust" + names;
    }
}
