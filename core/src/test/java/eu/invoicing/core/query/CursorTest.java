package eu.invoicing.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cursors decode only into keys of the ordering they were made for; anything else is {@code invalid_cursor}. */
class CursorTest {
    private static final SortOrder BY_DATE = SortOrder.parse("date");

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalid(String text, SortOrder order) {
        assertThatThrownBy(() -> Cursor.decode(text, "next_cursor", order))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.path()).isEqualTo("next_cursor");
                            assertThat(v.code()).isEqualTo("invalid_cursor");
                            assertThat(v.message().length()).isLessThan(200);
                        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[1,2]",
        "\"text\"",
        "{\"o\":\"date,id\",\"d\":\"n\"}",
        "{\"o\":\"date,id\",\"d\":\"n\",\"k\":\"x\"}",
        "{\"o\":\"date,id\",\"d\":\"n\",\"k\":[1,2]}",
        "{\"o\":\"date,id\",\"d\":\"n\",\"k\":[[\"q\",\"x\"],[\"s\",\"inv_1\"]]}",
        "{\"o\":\"date,id\",\"d\":\"n\",\"k\":[[\"s\",\"2026-01-01\"],[\"s\",\"inv_1\"]]}",
        "{\"o\":\"date,id\",\"d\":\"n\",\"k\":[[\"t\",\"2026-13-01\"],[\"s\",\"inv_1\"]]}",
        "{\"o\":\"date,id\",\"d\":\"n\",\"k\":[[\"t\"],[\"s\",\"inv_1\"]]}",
        "{\"o\":\"date,id\",\"d\":\"n\",\"k\":[[\"t\",{\"a\":1}],[\"s\",\"inv_1\"]]}",
        "{\"o\":\"date,id\",\"d\":\"n\",\"k\":[[\"t\",\"2026-01-01\"],[\"d\",\"1\"]]}",
        "{\"o\":\"date,id\",\"d\":\"n\",\"k\":[[\"t\",\"2026-01-01\"]]}",
        "{\"o\":\"date,id\",\"d\":\"n\",\"k\":[[\"t\",\"2026-01-01\"],[\"s\",\"inv_1\"],[\"z\"]]}",
        "{\"o\":\"date,id\",\"d\":\"sideways\",\"k\":[[\"t\",\"2026-01-01\"],[\"s\",\"inv_1\"]]}",
        "{\"o\":7,\"d\":\"n\",\"k\":[[\"t\",\"2026-01-01\"],[\"s\",\"inv_1\"]]}",
        "{\"o\":\"date,id\",\"d\":\"n\",\"k\":[[\"t\",\"2026-01-01\",\"extra\"],[\"s\",\"inv_1\"]]}",
        "{\"o\":\"date,id\",\"d\":\"n\",\"k\":[[\"t\",\"2026-01-01\"],[\"s\",7]]}",
    })
    void decode_tamperedJson_isInvalidCursor(String json) {
        assertInvalid(encode(json), BY_DATE);
    }

    @Test
    void decode_notBase64OrNotJsonOrHuge_isInvalidCursor() {
        assertInvalid("garbage!", BY_DATE);
        assertInvalid(encode("not json"), BY_DATE);
        assertInvalid("", BY_DATE);
        char[] huge = new char[1_000_000];
        Arrays.fill(huge, 'A');
        assertInvalid(new String(huge), BY_DATE);
    }

    @Test
    void decode_wrongValueTypesForEverySortableType_isInvalidCursor() {
        assertInvalid(encode("{\"o\":\"total,id\",\"d\":\"n\",\"k\":[[\"d\",\"abc\"],[\"s\",\"inv_1\"]]}"),
                SortOrder.parse("total"));
        assertInvalid(encode("{\"o\":\"total,id\",\"d\":\"n\",\"k\":[[\"s\",\"1\"],[\"s\",\"inv_1\"]]}"),
                SortOrder.parse("total"));
        assertInvalid(encode("{\"o\":\"paid_in_full,id\",\"d\":\"n\",\"k\":[[\"b\",\"maybe\"],[\"s\",\"inv_1\"]]}"),
                SortOrder.parse("paid_in_full"));
        assertInvalid(encode("{\"o\":\"created_at,id\",\"d\":\"n\",\"k\":[[\"i\",\"yesterday\"],[\"s\",\"inv_1\"]]}"),
                SortOrder.parse("created_at"));
        assertInvalid(encode("{\"o\":\"created_at,id\",\"d\":\"n\",\"k\":[[\"t\",\"2026-01-01\"],[\"s\",\"i\"]]}"),
                SortOrder.parse("created_at"));
    }

    @Test
    void decode_ofAnotherOrdering_isOrderingMismatch() {
        String other = encode("{\"o\":\"-date,id\",\"d\":\"n\",\"k\":[[\"t\",\"2026-01-01\"],[\"s\",\"inv_1\"]]}");
        assertThatThrownBy(() -> Cursor.decode(other, "next_cursor", BY_DATE))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo("cursor_ordering_mismatch"));
    }

    @Test
    void encodeThenDecode_roundTripsEveryValueTypeAndNull() {
        SortOrder order = SortOrder.parse("date,total,paid_in_full,created_at,number");
        Document d = Document.builder(DocumentType.INVOICE)
                .id(new DocumentId(DocumentType.INVOICE, "inv_000000000000000000000001")).date(LocalDate.parse(
                        "2026-01-01")).total(new BigDecimal("12.50")).paidInFull(true)
                .createdAt(Instant.parse("2026-01-01T10:00:00Z")).build();
        Cursor c = Cursor.at(order, d, true);
        Cursor back = Cursor.decode(c.encode(), "next_cursor", order);
        assertThat(back.key()).containsExactly(LocalDate.parse("2026-01-01"), new BigDecimal("12.50"), true,
                Instant.parse("2026-01-01T10:00:00Z"), null, "inv_000000000000000000000001");
    }

    @Test
    void documentQuery_withACursorKeyOfTheWrongTypes_isInvalidCursor() {
        DocumentQuery q = DocumentQuery.builder().orderBy("date").build();
        assertThatThrownBy(() -> q.withCursor(new Cursor("date,id", true, List.of("yesterday", "inv_1"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.path()).isEqualTo("cursor");
                            assertThat(v.code()).isEqualTo("invalid_cursor");
                        }));
        assertThatThrownBy(() -> q.withCursor(new Cursor("date,id", true, List.of(LocalDate.EPOCH))))
                .isInstanceOf(ValidationException.class);
    }
}
