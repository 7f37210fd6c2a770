package eu.invoicing.einvoice.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps the free-text units people type ({@code pcs}, {@code kos}, {@code h}, {@code kg}) to UN/ECE
 * Recommendation 20 codes, which EN 16931 requires (BT-130, rule BR-CL-23). A unit already written as a
 * code (2-3 upper-case letters or digits) is kept. Stateless and thread-safe.
 */
public final class UnitCodes {

    /** The code for a line without unit: {@code C62}, "one". */
    public static final String DEFAULT = "C62";

    private static final Pattern REC20 = Pattern.compile("[A-Z0-9]{2,3}");
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        map("H87", "kos", "kom", "pcs", "pc", "piece", "pieces", "stk", "stück", "ea", "each", "unit", "units");
        map("HUR", "h", "hr", "hrs", "hour", "hours", "ura", "ure", "stunde", "stunden", "std");
        map("MIN", "min", "minute", "minutes");
        map("DAY", "d", "day", "days", "dan", "dni", "tag", "tage");
        map("WEE", "week", "weeks");
        map("MON", "month", "months", "mesec", "monat");
        map("ANN", "year", "years", "leto", "jahr");
        map("KGM", "kg", "kilogram", "kilograms");
        map("GRM", "g", "gram", "grams");
        map("TNE", "t", "tonne", "tonnes");
        map("MTR", "m", "meter", "metre", "meters", "metres");
        map("KMT", "km");
        map("MTK", "m2", "m²", "sqm");
        map("MTQ", "m3", "m³");
        map("LTR", "l", "liter", "litre", "liters", "litres");
        map("KWH", "kwh");
        map("SET", "set", "sets");
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
     * @return the Rec 20 code; {@link #DEFAULT} for no unit; null when the unit is neither a code nor known
     */
    public static String toRec20(String unit) {
        if (unit == null || unit.isBlank()) {
            return DEFAULT;
        }
        String trimmed = unit.trim();
        if (REC20.matcher(trimmed).matches()) {
            // Written as a code (upper case, as every received e-invoice has it): kept, even where it spells a
            // name too (EA is Rec 20 "each", not "pcs").
            return trimmed;
        }
        String known = NAMES.get(trimmed.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        return REC20.matcher(trimmed).matches() ? trimmed : null;
    }
}
