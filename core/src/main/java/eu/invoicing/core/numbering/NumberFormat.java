package eu.invoicing.core.numbering;

import eu.invoicing.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document number template (docs/lifecycle.md "Numbering"): literal text with the tokens {@code {yyyy}} or
 * {@code {yy}} (at most one year token), exactly one {@code {n…}} (1–9 n's: the sequence, zero-padded to that
 * width; longer numbers are printed whole) and optionally {@code {u…}} (the business unit code, left-padded
 * with zeros to the number of u's). A format with a year token restarts its sequence every year (by document
 * date). Example: {@code {yyyy}-{nnnnn}} → {@code 2026-00001}.
 *
 * <p>Immutable and thread-safe.
 */
public final class NumberFormat {
    private static final Pattern TOKEN = Pattern.compile("\\{([^{}]*)}");

    private final String template;
    private final List<Part> parts;
    private final boolean hasYear;
    private final boolean hasUnit;

    private sealed interface Part permits Literal, Year, Sequence, Unit {
    }

    private record Literal(String text) implements Part {
    }

    private record Year(boolean full) implements Part {
    }

    private record Sequence(int width) implements Part {
    }

    private record Unit(int width) implements Part {
    }

    private NumberFormat(String template, List<Part> parts) {
        this.template = template;
        this.parts = List.copyOf(parts);
        this.hasYear = parts.stream().anyMatch(p -> p instanceof Year);
        this.hasUnit = parts.stream().anyMatch(p -> p instanceof Unit);
    }

    /**
     * @param template the format, e.g. {@code INV-{yy}/{nnnn}}, nullable
     * @return the parsed format
     * @throws ValidationException (path {@code number_format}) for an unknown token, two year tokens, a
     *     missing or repeated {@code {n…}}, more than 9 n's, or a second {@code {u…}}
     */
    public static NumberFormat parse(String template) {
        if (template == null || template.isBlank()) {
            throw ValidationException.of("number_format", "required", "a number format is required");
        }
        List<Part> parts = new ArrayList<>();
        Matcher m = TOKEN.matcher(template);
        int at = 0;
        int years = 0;
        int sequences = 0;
        int units = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Literal(template.substring(at, m.start())));
            }
            String token = m.group(1);
            if (token.equals("yyyy") || token.equals("yy")) {
                years++;
                parts.add(new Year(token.length() == 4));
            } else if (token.matches("n{1,9}")) {
                sequences++;
                parts.add(new Sequence(token.length()));
            } else if (token.matches("u{1,9}")) {
                units++;
                parts.add(new Unit(token.length()));
            } else {
                throw invalid(template, "unknown token {" + token + "}; use {yyyy}, {yy}, {n…} (1-9 n's) or {u…}");
            }
            at = m.end();
        }
        if (at < template.length()) {
            parts.add(new Literal(template.substring(at)));
        }
        for (Part p : parts) {
            if (p instanceof Literal l && (l.text().contains("{") || l.text().contains("}"))) {
                throw invalid(template, "unbalanced braces");
            }
        }
        if (years > 1) {
            throw invalid(template, "at most one year token ({yyyy} or {yy})");
        }
        if (sequences != 1) {
            throw invalid(template, "exactly one {n…} token is required, found " + sequences);
        }
        if (units > 1) {
            throw invalid(template, "at most one {u…} token");
        }
        return new NumberFormat(template, parts);
    }

    private static ValidationException invalid(String template, String why) {
        return ValidationException.of("number_format", "invalid_format", why + ", was \"" + template + "\"");
    }

    /** @return true when the sequence restarts every year */
    public boolean hasYear() {
        return hasYear;
    }

    /** @return true when the format prints a business unit */
    public boolean hasBusinessUnit() {
        return hasUnit;
    }

    /**
     * @param year the document's year
     * @param sequence the sequence number, ≥ 1
     * @param businessUnit the business unit code, nullable (required when the format has {@code {u…}})
     * @return the document number
     * @throws ValidationException (path {@code business_unit}) when the format needs a unit and none is given
     */
    public String format(int year, long sequence, String businessUnit) {
        if (hasUnit && (businessUnit == null || businessUnit.isBlank())) {
            throw ValidationException.of("business_unit", "required", "the number format \"" + template
                    + "\" needs a business unit");
        }
        StringBuilder out = new StringBuilder(template.length() + 8);
        for (Part p : parts) {
            if (p instanceof Literal l) {
                out.append(l.text());
            } else if (p instanceof Year y) {
                // What "%04d" gives, without a Formatter (and its default locale) per number taken.
                StringBuilder full = new StringBuilder(4);
                if (year < 0) {
                    full.append('-');
                    pad(full, Long.toString(-(long) year), 3);
                } else {
                    pad(full, Integer.toString(year), 4);
                }
                out.append(y.full() ? full : full.substring(full.length() - 2));
            } else if (p instanceof Sequence s) {
                pad(out, Long.toString(sequence), s.width());
            } else if (p instanceof Unit u) {
                pad(out, businessUnit, u.width());
            }
        }
        return out.toString();
    }

    private static void pad(StringBuilder out, String value, int width) {
        for (int i = value.length(); i < width; i++) {
            out.append('0');
        }
        out.append(value);
    }

    /** @return the template text */
    public String template() {
        return template;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumberFormat other && template.equals(other.template);
    }

    @Override
    public int hashCode() {
        return Objects.hash(template);
    }

    @Override
    public String toString() {
        return template;
    }
}
