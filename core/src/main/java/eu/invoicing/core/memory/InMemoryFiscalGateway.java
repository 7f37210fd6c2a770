package eu.invoicing.core.memory;

import eu.invoicing.core.spi.FiscalAuthority;
import eu.invoicing.core.spi.FiscalGateway;
import eu.invoicing.core.spi.FiscalResponse;
import eu.invoicing.core.spi.FiscalSubmission;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The default {@link FiscalGateway}: a simulator that never talks to a tax authority. It signs with an RSA
 * key pair of its own (generated on first use, or given), records every submission and cancellation, and
 * answers with {@link #respondWith the configured function} (by default success with a random UUID as EOR /
 * JIR). Meant for tests, examples and development; a host that fiscalizes for real supplies its own gateway.
 *
 * <p>Thread-safe.
 */
public final class InMemoryFiscalGateway implements FiscalGateway {
    private volatile KeyPair keys;
    private volatile Function<FiscalSubmission, FiscalResponse> responder =
            s -> FiscalResponse.success(UUID.randomUUID().toString());
    private final List<FiscalSubmission> submissions = new CopyOnWriteArrayList<>();
    private final List<FiscalSubmission> cancellations = new CopyOnWriteArrayList<>();

    /** A simulator that generates its own 2048-bit RSA key on first use. */
    public InMemoryFiscalGateway() {
    }

    /** @param keys the signing key pair, not null */
    public InMemoryFiscalGateway(KeyPair keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * @param function computes the answer to each submission and cancellation, not null
     * @return this
     */
    public InMemoryFiscalGateway respondWith(Function<FiscalSubmission, FiscalResponse> function) {
        this.responder = Objects.requireNonNull(function, "function");
        return this;
    }

    /** @return the public key that verifies this gateway's signatures */
    public PublicKey publicKey() {
        return keyPair().getPublic();
    }

    /** @return every submission so far, oldest first */
    public List<FiscalSubmission> submissions() {
        return List.copyOf(submissions);
    }

    /** @return every cancellation so far, oldest first */
    public List<FiscalSubmission> cancellations() {
        return List.copyOf(cancellations);
    }

    /** @throws IllegalStateException when the JDK cannot sign with the algorithm */
    @Override
    public byte[] sign(FiscalAuthority authority, String entityId, String algorithm, byte[] data) {
        try {
            PrivateKey key = keyPair().getPrivate();
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + algorithm, e);
        }
    }

    @Override
    public FiscalResponse submit(FiscalSubmission submission) {
        submissions.add(submission);
        return responder.apply(submission);
    }

    @Override
    public FiscalResponse cancel(FiscalSubmission submission) {
        cancellations.add(submission);
        return responder.apply(submission);
    }

    private KeyPair keyPair() {
        KeyPair k = keys;
        if (k == null) {
            synchronized (this) {
                k = keys;
                if (k == null) {
                    try {
                        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                        g.initialize(2048);
                        k = g.generateKeyPair();
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("RSA is not available", e);
                    }
                    keys = k;
                }
            }
        }
        return k;
    }
}
