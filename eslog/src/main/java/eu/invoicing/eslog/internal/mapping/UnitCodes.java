package eu.invoicing.eslog.internal.mapping;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps the free-text units people type ({@code kos}, {@code pcs}, {@code h}, {@code ura}, {@code kg})
 * to UN/ECE Recommendation 20 codes, which e-SLOG requires ({@code H87}, {@code HUR}, {@code KGM}).
 * A unit that already looks like a Rec 20 code (2-3 upper-case letters or digits, as typed) is kept.
 *
 * <p>Stateless and thread-safe.
 */
public final class UnitCodes {

    /** The code used when a line has no unit: {@code C62}, "one" (a unit-less count). */
    public static final String DEFAULT = "C62";

    private static final Pattern REC20 = Pattern.compile("[A-Z0-9]{2,3}");
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        map("H87", "kos", "kom", "pcs", "pc", "piece", "pieces", "stk", "stück", "stk.", "kos.", "ea", "each", "unit",
                "units");
        map("HUR", "h", "hr", "hrs", "hour", "hours", "ura", "ur", "ure", "stunde", "stunden", "std");
        map("MIN", "min", "minute", "minutes", "minuta", "minut");
        map("DAY", "d", "day", "days", "dan", "dni", "tag", "tage");
        map("WEE", "week", "weeks", "teden", "tednov");
        map("MON", "month", "months", "mesec", "mesecev", "mes", "monat");
        map("ANN", "year", "years", "leto", "let", "jahr");
        map("KGM", "kg", "kilogram", "kilograms");
        map("GRM", "g", "gram", "grams");
        map("TNE", "t", "tonne", "tonnes", "tona");
        map("MTR", "m", "meter", "metre", "meters", "metres");
        map("KMT", "km", "kilometer", "kilometre");
        map("CMT", "cm");
        map("MMT", "mm");
        map("MTK", "m2", "m²", "sqm");
        map("MTQ", "m3", "m³");
        map("LTR", "l", "liter", "litre", "liters", "litres");
        map("KWH", "kwh");
        map("SET", "set", "sets", "komplet");
        map("PK", "pack", "pak", "paket", "package");
    }

    private UnitCodes() {
    }

    private static void map(String code, String... names) {
        for (String name : names) {
            NAMES.put(name, code);
        }
    }

    /**
     * @param unit the unit as written on the line, nullable
     * @return the Rec 20 code; {@link #DEFAULT} for a missing unit; null when the unit is neither a
     *         code nor a known name
     */
    public static String toRec20(String unit) {
        if (unit == null || unit.isBlank()) {
            return DEFAULT;
        }
        String trimmed = unit.trim();
        String known = NAMES.get(trimmed.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        return REC20.matcher(trimmed).matches() ? trimmed : null;
    }
}
