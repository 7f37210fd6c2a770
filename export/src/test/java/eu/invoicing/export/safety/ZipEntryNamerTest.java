package eu.invoicing.export.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Examples of {@link ZipEntryNamer}; the properties are in {@link ZipEntryNamerProperties}. */
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
}
