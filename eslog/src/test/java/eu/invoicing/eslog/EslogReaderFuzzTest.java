package eu.invoicing.eslog;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.testing.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Supplier files are untrusted and need not be schema-valid: remove any one or two elements of the
 * official sample, or garble one value, and the reader either reads it or refuses it with an
 * {@link EslogReadException}; nothing else (no NullPointerException) escapes.
 */
@AddLifecycleHook(SharedFiles.SkipWhenAbsent.class)
class EslogReaderFuzzTest {

    private static final String SAMPLE = load();
    private static final List<int[]> ELEMENTS = elements(SAMPLE);
    private static final Pattern LEAF = Pattern.compile("<(D_[0-9_]+)>([^<]*)</\\1>");
    private static final List<int[]> LEAVES = leaves(SAMPLE);
    private final EslogReader reader = new EslogReader();

    private static String load() {
        try {
            return Files.readString(SharedStandards.officialSample());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** [start, end) of every element (same-name nesting does not occur in e-SLOG). */
    private static List<int[]> elements(String xml) {
        List<int[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("<([A-Z]_[A-Za-z0-9_]+)[ >]").matcher(xml);
        while (m.find()) {
            int end = xml.indexOf("</" + m.group(1) + ">", m.start());
            if (end > 0) {
                out.add(new int[] {m.start(), end + m.group(1).length() + 3});
            }
        }
        return out;
    }

    private static List<int[]> leaves(String xml) {
        List<int[]> out = new ArrayList<>();
        Matcher m = LEAF.matcher(xml);
        while (m.find()) {
            out.add(new int[] {m.start(2), m.end(2)});
        }
        return out;
    }

    private void readOrRefuse(String xml) {
        try {
            assertThat(reader.read(xml.getBytes(StandardCharsets.UTF_8)).document()).isNotNull();
        } catch (EslogReadException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 150)
    void read_sampleWithOneOrTwoElementsRemoved_readsOrRefusesCleanly(@ForAll @IntRange(min = 0, max = 10_000) int a,
            @ForAll @IntRange(min = 0, max = 10_000) int b) {
        int[] first = ELEMENTS.get(a % ELEMENTS.size());
        String xml = SAMPLE.substring(0, first[0]) + SAMPLE.substring(first[1]);
        List<int[]> rest = elements(xml);
        if (rest.isEmpty() || b % 2 == 0) {
            readOrRefuse(xml);
            return;
        }
        int[] second = rest.get(b % rest.size());
        readOrRefuse(xml.substring(0, second[0]) + xml.substring(second[1]));
    }

    @Property(tries = 100)
    void read_sampleWithOneValueGarbled_readsOrRefusesCleanly(@ForAll @IntRange(min = 0, max = 10_000) int a,
            @ForAll("garbage") String value) {
        int[] leaf = LEAVES.get(a % LEAVES.size());
        readOrRefuse(SAMPLE.substring(0, leaf[0]) + value + SAMPLE.substring(leaf[1]));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> garbage() {
        return net.jqwik.api.Arbitraries.of("", " ", "x", "-1", "1e400", "2013-02-30", "NaN", "9999999999999999999999",
                "0,5", "ČŠŽ", "T", "2013-04-10T25:00:00", "1E999999999", "+.5");
    }
}
