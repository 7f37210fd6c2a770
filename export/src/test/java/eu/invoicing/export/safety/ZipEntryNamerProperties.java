package eu.invoicing.export.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Properties of {@link ZipEntryNamer} over hostile names (jqwik; the examples are in
 * {@link ZipEntryNamerTest}: one engine per class, or surefire's report of one overwrites the other's).
 */
class ZipEntryNamerProperties {

    @Property(tries = 500)
    void next_anyNames_cannotEscapeRootOrCollide(@ForAll @Size(max = 30) List<@From("hostileNames") String> bases) {
        ZipEntryNamer namer = new ZipEntryNamer();
        Set<String> seen = new HashSet<>();
        Path root = Path.of("/archive-root");
        for (String base : bases) {
            String name = namer.next(base, "pdf");
            assertThat(name).doesNotContain("/", "\\", "..").endsWith(".pdf");
            assertThat(name).doesNotStartWith(".").doesNotStartWith(" ");
            assertThat(name.codePoints().noneMatch(cp -> cp < 0x20 || cp == 0x7f
                    || Character.getType(cp) == Character.FORMAT)).isTrue();
            assertThat(name.codePointCount(0, name.length()))
                    .isLessThanOrEqualTo(ZipEntryNamer.MAX_BASE_LENGTH + 20);
            Path resolved = root.resolve(name).normalize();
            assertThat(resolved.getParent()).isEqualTo(root);
            assertThat(seen.add(name.toLowerCase(Locale.ROOT))).as("unique: %s", name).isTrue();
        }
    }

    @Property(tries = 200)
    void next_sameInputsSameOrder_sameNames(@ForAll @Size(max = 20) List<@From("hostileNames") String> bases) {
        assertThat(namesOf(bases)).isEqualTo(namesOf(bases));
    }

    @Property(tries = 300)
    void sanitiseBase_anyText_isNeverReservedOrEmpty(@ForAll("hostileNames") String base) {
        String safe = ZipEntryNamer.sanitiseBase(base);
        assertThat(safe).isNotBlank();
        String stem = safe.contains(".") ? safe.substring(0, safe.indexOf('.')) : safe;
        assertThat(stem.toUpperCase(Locale.ROOT)).isNotIn("CON", "PRN", "AUX", "NUL", "COM1", "LPT1");
    }

    @Provide
    Arbitrary<String> hostileNames() {
        Arbitrary<String> pieces = Arbitraries.of("/", "\\", "..", ".", "CON", "nul", "com1", "INV",
                "2024", "-", " ", "\u0000", "\n", "\u202E", "č", "\uD83D\uDE00", ":", "a", "A", "_2");
        Arbitrary<String> composed = pieces.list().ofMaxSize(12).map(list -> String.join("", list));
        return Arbitraries.oneOf(composed, Arbitraries.strings().ofMaxLength(150),
                Arbitraries.strings().all().ofMaxLength(20), Arbitraries.just(null));
    }

    private static List<String> namesOf(List<String> bases) {
        ZipEntryNamer namer = new ZipEntryNamer();
        List<String> names = new ArrayList<>();
        for (String base : bases) {
            names.add(namer.next(base, "xml"));
        }
        return names;
    }
}
