package eu.invoicing.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentField;
import eu.invoicing.core.model.DocumentType;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code changed_fields} compares exactly the catalogue's compared fields. */
class ChangedFieldsCatalogueTest {
    /** A value of a simple type unlike the builder's default, or null for a type this test does not build. */
    private static Object sample(Class<?> type) {
        if (type == String.class) {
            return "x";
        } else if (type == LocalDate.class) {
            return LocalDate.of(2026, 2, 3);
        } else if (type == Instant.class) {
            return Instant.parse("2026-02-03T04:05:06Z");
        } else if (type == BigDecimal.class) {
            return new BigDecimal("7.5");
        } else if (type == Boolean.class) {
            return Boolean.FALSE;
        } else if (type == Integer.class) {
            return 2031;
        } else if (type == Map.class) {
            return Map.of("k", "v");
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        }
        return null;
    }

    private static String builderMethodOf(DocumentField f) {
        if (f == DocumentField.IS_DRAFT) {
            return "draft";
        }
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : f.wireName().toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Method builderMethod(String name, Class<?> param) {
        try {
            return Document.Builder.class.getMethod(name, param);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @Test
    void between_eachSimpleField_isReportedExactlyWhenCompared() throws ReflectiveOperationException {
        int checked = 0;
        for (DocumentField f : DocumentField.values()) {
            Object value = f == DocumentField.CURRENCY_CODE ? "CHF" : sample(f.valueType());
            if (value == null) {
                continue;
            }
            DocumentType kind = f.carriers().iterator().next();
            Document before = Document.builder(kind).build();
            Document.Builder b = before.toBuilder();
            Class<?> param = f == DocumentField.IS_DRAFT ? boolean.class : f.valueType();
            Method setter = builderMethod(builderMethodOf(f), param);
            if (setter == null) {
                // A field of a value group without a flat setter (the EN 16931 references): the catalogue sets it.
                f.set(b, value);
            } else {
                setter.invoke(b, value);
            }
            Document after = b.build();
            assertThat(f.get(after)).as(f.wireName()).isNotEqualTo(f.get(before));
            assertThat(ChangedFields.between(before, after)).as(f.wireName())
                    .isEqualTo(f.isCompared() ? List.of(f.wireName()) : List.of());
            checked++;
        }
        assertThat(checked).isGreaterThan(35);
    }
}
