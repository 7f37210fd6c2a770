package eu.invoicing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The compiled schemas and stylesheets are shared by every thread: validating different files from several
 * threads at once, starting with a validator that has compiled nothing yet (so that the threads race for the
 * first compilation), must give for every file exactly the result a single thread gives.
 */
class EInvoiceValidatorConcurrencyTest {

    private static final int THREADS = 6;
    private static final int ROUNDS = 3;

    record Case(String name, byte[] xml, Profile profile) {
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Path p : Standards.ublExamples()) {
            cases.add(new Case(p.getFileName().toString(), Standards.read(p), Profile.EN16931));
        }
        for (Path p : Standards.ciiExamples()) {
            cases.add(new Case(p.getFileName().toString(), Standards.read(p), Profile.EN16931));
        }
        EInvoiceWriter writer = new EInvoiceWriter();
        Samples.all().forEach((name, doc) -> {
            cases.add(new Case(name + ".peppol", writer.write(doc.get(), Samples.entity(), Format.PEPPOL, Samples.options(name)),
                    Profile.PEPPOL_BIS_3));
            // A broken copy: the payable amount no longer agrees with the totals (fatal BR-CO-16 and others).
            String cii = writer.toXml(doc.get(), Samples.entity(), Format.CII, Samples.options(name));
            cases.add(new Case(name + ".broken.cii", cii.replaceFirst("<ram:DuePayableAmount>", "<ram:DuePayableAmount>9")
                    .getBytes(StandardCharsets.UTF_8), Profile.EN16931));
        });
        cases.add(new Case("not-xml", "<Invoice".getBytes(StandardCharsets.UTF_8), Profile.EN16931));
        return cases;
    }

    @Test
    void validate_manyThreadsFromColdStart_sameResultsAsOneThread() throws Exception {
        List<Case> cases = cases();
        List<ValidationResult> expected = new ArrayList<>();
        for (Case c : cases) {
            expected.add(SharedValidator.get().validate(c.xml(), c.profile()));
        }
        assertThat(expected).anySatisfy(r -> assertThat(r.isValid()).isFalse());
        assertThat(expected).filteredOn(ValidationResult::isValid).hasSizeGreaterThan(cases.size() / 2);

        EInvoiceValidator cold = EInvoiceValidator.bundled();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                Callable<List<String>> worker = () -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < cases.size(); i++) {
                        order.add(i);
                    }
                    List<String> mismatches = new ArrayList<>();
                    start.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        Collections.shuffle(order, new Random(seed * 31 + round));
                        for (int i : order) {
                            Case c = cases.get(i);
                            ValidationResult r = cold.validate(c.xml(), c.profile());
                            if (!r.equals(expected.get(i))) {
                                mismatches.add(c.name() + " differs: " + r + " vs " + expected.get(i));
                            }
                        }
                    }
                    return mismatches;
                };
                futures.add(pool.submit(worker));
            }
            start.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                all.addAll(f.get(10, TimeUnit.MINUTES));
            }
            assertThat(all).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }
}
