package eu.invoicing.fiscal;

import eu.invoicing.core.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The taxpayer's fiscal certificate: a private key and its certificate chain taken from a {@link KeyStore} the
 * host passes (a PKCS#12 file, a PKCS#11 token, or any provider). It signs the protected codes and the messages
 * and is the client certificate of mutual TLS. The password is used once to read the key and is never kept; the
 * key never leaves this object (no getter, no {@code toString} content), and nothing here logs.
 *
 * <p>Immutable and thread-safe (a PKCS#11 provider's own thread-safety applies to its keys).
 */
public final class FiscalCredentials {
    private static final String ALIAS = "fiscal";
    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private FiscalCredentials(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    /**
     * Takes the key entry under {@code alias}, or the only key entry when {@code alias} is null.
     *
     * @param keyStore a loaded key store, not null
     * @param alias the entry, nullable for the only key entry
     * @param password the key's password, not null (not kept; the caller may clear it afterwards)
     * @return the credentials
     * @throws ValidationException ({@code credentials}) when there is no such RSA key entry with a certificate,
     *     or the password is wrong
     */
    public static FiscalCredentials of(KeyStore keyStore, String alias, char[] password) {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
        try {
            String chosen = alias;
            if (chosen == null) {
                List<String> keys = new ArrayList<>();
                for (Enumeration<String> e = keyStore.aliases(); e.hasMoreElements();) {
                    String a = e.nextElement();
                    if (keyStore.isKeyEntry(a)) {
                        keys.add(a);
                    }
                }
                if (keys.size() != 1) {
                    throw ValidationException.of("credentials", "invalid", "the key store must hold exactly one key "
                            + "entry when no alias is given; it holds " + keys.size());
                }
                chosen = keys.get(0);
            }
            if (!keyStore.isKeyEntry(chosen)) {
                throw ValidationException.of("credentials", "not_found", "the key store has no key entry \""
                        + chosen + "\"");
            }
            java.security.Key k = keyStore.getKey(chosen, password);
            Certificate[] certs = keyStore.getCertificateChain(chosen);
            if (!(k instanceof PrivateKey) || certs == null || certs.length == 0
                    || !(certs[0] instanceof X509Certificate)) {
                throw ValidationException.of("credentials", "invalid", "the entry \"" + chosen
                        + "\" is not a private key with an X.509 certificate");
            }
            if (!"RSA".equals(k.getAlgorithm())) {
                throw ValidationException.of("credentials", "invalid", "FURS and CIS need an RSA key, the entry \""
                        + chosen + "\" holds " + k.getAlgorithm());
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certs) {
                chain.add((X509Certificate) c);
            }
            return new FiscalCredentials((PrivateKey) k, chain);
        } catch (java.security.UnrecoverableKeyException e) {
            throw ValidationException.of("credentials", "invalid", "the key cannot be read: wrong password");
        } catch (GeneralSecurityException e) {
            throw ValidationException.of("credentials", "invalid", "the key cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }

    /**
     * Reads a PKCS#12 file (the form FURS and FINA issue).
     *
     * @param file the .p12 / .pfx file, not null
     * @param password its password, not null (not kept)
     * @return the credentials of its only key entry
     * @throws ValidationException ({@code p12}) when the file cannot be read or the password is wrong
     */
    public static FiscalCredentials fromPkcs12(Path file, char[] password) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(password, "password");
        KeyStore ks;
        try (InputStream in = Files.newInputStream(file)) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password");
            throw ValidationException.of("p12", "invalid", wrongPassword ? "the PKCS#12 file cannot be opened: "
                    + "wrong password" : "the PKCS#12 file cannot be read: " + e.getClass().getSimpleName());
        } catch (GeneralSecurityException e) {
            throw ValidationException.of("p12", "invalid", "the PKCS#12 file cannot be read: "
                    + e.getClass().getSimpleName());
        }
        return of(ks, null, password);
    }

    /** @return the taxpayer's certificate (the chain's first) */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** @return the certificate chain, leaf first, unmodifiable */
    public List<X509Certificate> chain() {
        return chain;
    }

    /**
     * Signs with the private key (RSA PKCS#1 v1.5).
     *
     * @param algorithm the JCA algorithm, {@code SHA256withRSA} or {@code SHA1withRSA}, not null
     * @param data what to sign, not null
     * @return the signature
     * @throws IllegalStateException when the key's provider cannot sign (a token removed, a JDK without RSA)
     */
    public byte[] sign(String algorithm, byte[] data) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the fiscal key cannot sign with " + algorithm + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** @return the private key, for the XML-DSig signer of this module only */
    PrivateKey key() {
        return key;
    }

    /**
     * A TLS context that presents this certificate as client certificate (mutual TLS) and trusts only servers
     * whose chain ends at one of the pinned CAs.
     *
     * @param trust the pinned CAs, not null
     * @return the context
     * @throws IllegalStateException when the JDK has no TLS
     */
    public SSLContext sslContext(PinnedTrust trust) {
        Objects.requireNonNull(trust, "trust");
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new KeyManager[] {new OneKey()}, trust.trustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }

    /** Says whose certificate this is; never anything about the key. */
    @Override
    public String toString() {
        return "FiscalCredentials[" + certificate().getSubjectX500Principal().getName() + ", serial "
                + certificate().getSerialNumber() + "]";
    }

    /** The one key entry, offered for every client-certificate request. */
    private final class OneKey extends X509ExtendedKeyManager {
        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return ALIAS;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return ALIAS;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[0];
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return ALIAS.equals(alias) ? chain.toArray(new X509Certificate[0]) : null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return ALIAS.equals(alias) ? key : null;
        }
    }

}
