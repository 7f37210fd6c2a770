package eu.invoicing.core.json;

import eu.invoicing.core.model.TransactionType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one place where enums are mapped to their wire values: the lowercase constant name
 * ({@code B2B_STANDARD} → {@code b2b_standard}), except the third-country transaction types
 * ({@code 3w_b2b}, {@code 3w_b2c}) and the single-letter fiscal codes, which keep their case.
 *
 * <p>Stateless and thread-safe.
 */
public final class WireValues {
    private WireValues() {
    }

    /**
     * @param value nullable
     * @return the wire value, or null
     */
    public static String of(Enum<?> value) {
        if (value == null) {
            return null;
        }
        if (value == TransactionType.THIRD_COUNTRY_B2B) {
            return "3w_b2b";
        }
        if (value == TransactionType.THIRD_COUNTRY_B2C) {
            return "3w_b2c";
        }
        String name = value.name();
        if (value instanceof eu.invoicing.core.model.TaxCategory) {
            // UNTDID 5305 codes are written as the norm spells them ("AE", not "ae").
            return name;
        }
        return name.length() == 1 ? name : name.toLowerCase(Locale.ROOT);
    }

    /**
     * @param type the enum class, not null
     * @param wire the wire value, nullable
     * @param <E> the enum
     * @return the constant whose wire value equals {@code wire} (case-insensitive), or empty
     */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        for (E e : type.getEnumConstants()) {
            if (of(e).equalsIgnoreCase(wire)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * @param type the enum class, not null
     * @return the allowed wire values, comma-separated, for error messages
     */
    public static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireValues::of).collect(Collectors.joining(", "));
    }
}
