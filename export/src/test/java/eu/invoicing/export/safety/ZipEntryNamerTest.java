package eu.invoicing.export.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZipEntryNamerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024/001|2024_001.pdf",
        "2024\\001|2024_001.pdf",
        "../../etc/passwd|____etc_passwd.pdf",
        "..|document.pdf",
        ".hidden|hidden.pdf",
        "CON|_CON.pdf",
        "nul.txt|_nul.txt.pdf",
        "COM1|_COM1.pdf",
        "INV 2024-01 |INV 2024-01.pdf",
        "a:b*c?d|a_b_c_d.pdf",
        "Račun 1|Račun 1.pdf",
    })
    void next_hostileNumber_staysFlatAtRoot(String base, String expected) {
        assertThat(new ZipEntryNamer().next(base, "pdf")).isEqualTo(expected);
    }

    @Test
    void next_controlAndBidiCharacters_replaced() {
        String name = new ZipEntryNamer().next("a\u0000b\nc\u202Ed\u200Be", "xml");
        assertThat(name).isEqualTo("a_b_c_d_e.xml");
    }

    @Test
    void next_nullOrBlank_usesFallback() {
        ZipEntryNamer namer = new ZipEntryNamer();
        assertThat(namer.next(null, "pdf")).isEqualTo("document.pdf");
        assertThat(namer.next("   ", "pdf")).isEqualTo("document_2.pdf");
    }

    @Test
    void next_sameNameDifferentCase_deduplicatedInRequestOrder() {
        ZipEntryNamer namer = new ZipEntryNamer();
        assertThat(namer.next("INV-1", "pdf")).isEqualTo("INV-1.pdf");
        assertThat(namer.next("inv-1", "pdf")).isEqualTo("inv-1_2.pdf");
        assertThat(namer.next("INV/1", "pdf")).isEqualTo("INV_1.pdf");
        assertThat(namer.next("INV\\1", "pdf")).isEqualTo("INV_1_2.pdf");
        assertThat(namer.next("INV-1_2", "pdf")).isEqualTo("INV-1_2_2.pdf");
    }

    @Test
    void next_overlongName_truncatedWithoutSplittingSurrogates() {
        String base = "\uD83D\uDE00".repeat(300);
        String name = new ZipEntryNamer().next(base, "pdf");
        String stem = name.substring(0, name.length() - 4);
        assertThat(stem.codePointCount(0, stem.length())).isEqualTo(ZipEntryNamer.MAX_BASE_LENGTH);
        assertThat(Character.isHighSurrogate(stem.charAt(stem.length() - 1))).isFalse();
    }

    @Test
    void next_badExtension_throws() {
        assertThatThrownBy(() -> new ZipEntryNamer().next("a", "../x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extension");
        assertThatThrownBy(() -> new ZipEntryNamer().next("a", null))
                .isInstanceOf(NullPointerException.class).hasMessage("extension");
    }

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
