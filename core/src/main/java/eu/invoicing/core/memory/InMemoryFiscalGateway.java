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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The default {@link FiscalGateway}: a simulator that never talks to a tax authority. It signs with an RSA
 * key pair of its own (generated on first use, or given), records every submission and cancellation, and
 * answers with {@link #respondWith the configured function} (by default success with a random UUID as EOR /
 * JIR). Meant for tests, examples and development; a host that fiscalizes for real supplies its own gateway.
 *
 * <p>Like a real authority behind an idempotent connector it registers each protected code once: a submission
 * (or cancellation) of a code it has already confirmed is answered with the earlier confirmation, without asking
 * the function again and without a second registration ({@link #registrations()}).
 *
 * <p>Thread-safe.
 */
public final class InMemoryFiscalGateway implements FiscalGateway {
    private volatile KeyPair keys;
    private volatile Function<FiscalSubmission, FiscalResponse> responder =
            s -> FiscalResponse.success(UUID.randomUUID().toString());
    private final List<FiscalSubmission> submissions = new CopyOnWriteArrayList<>();
    private final List<FiscalSubmission> cancellations = new CopyOnWriteArrayList<>();
    private final List<FiscalSubmission> registrations = new CopyOnWriteArrayList<>();
    private final ConcurrentMap<Registration, FiscalResponse> confirmed = new ConcurrentHashMap<>();

    private record Registration(FiscalAuthority authority, String entityId, String protectedCode,
            boolean cancellation) {
    }

    /** A simulator that generates its own 2048-bit RSA key on first use. */
    public InMemoryFiscalGateway() {
    }

    /**
     * Creates a simulator that signs with the given key pair.
     *
     * @param keys the signing key pair, not null
     * @throws NullPointerException if {@code keys} is null
     */
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

    /**
     * @return the submissions and cancellations the simulated authority confirmed and registered, oldest first:
     *     at most one per protected code and kind (a repeated one is answered from the first)
     */
    public List<FiscalSubmission> registrations() {
        return List.copyOf(registrations);
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
        return answer(submission);
    }

    @Override
    public FiscalResponse cancel(FiscalSubmission submission) {
        cancellations.add(submission);
        return answer(submission);
    }

    private FiscalResponse answer(FiscalSubmission submission) {
        Registration key = new Registration(submission.authority(), submission.entityId(),
                submission.protectedCode(), submission.cancellation());
        // One registration per code, also when two retries race: the first confirmation wins.
        synchronized (confirmed) {
            FiscalResponse earlier = confirmed.get(key);
            if (earlier != null) {
                return earlier;
            }
        }
        FiscalResponse response = responder.apply(submission);
        if (response == null || !response.success()) {
            return response;
        }
        synchronized (confirmed) {
            FiscalResponse earlier = confirmed.putIfAbsent(key, response);
            if (earlier != null) {
                return earlier;
            }
            registrations.add(submission);
        }
        return response;
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
