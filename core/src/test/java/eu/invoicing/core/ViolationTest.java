package eu.invoicing.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Violations quote values without echoing unbounded input and survive serialization with their exception. */
class ViolationTest {
    @Test
    void quote_longOrNullOrNonText_isBoundedAndReadable() {
        assertThat(Violation.quote("abc")).isEqualTo("\"abc\"");
        assertThat(Violation.quote(42)).isEqualTo("42");
        assertThat(Violation.quote(null)).isEqualTo("null");
        String quoted = Violation.quote("x".repeat(100_000));
        assertThat(quoted).hasSizeLessThan(Violation.QUOTE_LIMIT + 40).contains("100000 characters");
        String emoji = "a".repeat(Violation.QUOTE_LIMIT - 1) + "\uD83D\uDE00" + "tail";
        assertThat(Violation.quote(emoji)).doesNotContain("\uD83D\u2026");
    }

    @Test
    void validationException_serialized_keepsItsViolations() throws Exception {
        ValidationException e = new ValidationException(List.of(Violation.of("items[0].quantity", "out_of_range",
                "must be > 0, was -1")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        ValidationException back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (ValidationException) in.readObject();
        }
        assertThat(back.violations()).isEqualTo(e.violations());
    }
}
