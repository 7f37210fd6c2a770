package eu.invoicing.rendering.i18n;

import eu.invoicing.core.ValidationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Number, amount, percentage and date formatting for one of the 18 supported locales, from
 * {@link BigDecimal} (never {@code double}) and {@link LocalDate}.
 *
 * <p>Separators come from the JDK's CLDR data; the narrow no-break space some locales use as a group
 * separator (fr-FR) is printed as a plain no-break space (U+00A0), which every embedded font has.
 * Dates use one fixed, four-digit-year pattern per locale (sl-SI {@code 15. 1. 2025}, en-US
 * {@code 1/15/2025}, de-DE {@code 15.01.2025} ...), because the JDK's short styles print two-digit
 * years, which invoices should not.
 *
 * <p>Formatting never rounds: an amount prints with its currency's minor units, or with more
 * decimals when the value has them (a unit price of 0.1234 EUR stays {@code 0,1234}).
 *
 * <p>Immutable and thread-safe: amounts, numbers and percentages are formatted by a {@link NumberStyle}
 * (the same text as the locale's {@link DecimalFormat}, mostly without it), amounts with a currency
 * symbol by a copy of the currency format cloned per call.
 */
public final class LocaleFormat {
    private static final char NARROW_NBSP = '\u202F';
    private static final char NBSP = '\u00A0';
    private static final Map<Language, LocaleFormat> BY_LANGUAGE = new EnumMap<>(Language.class);

    static {
        Map<Language, String> datePatterns = new EnumMap<>(Language.class);
        datePatterns.put(Language.EN, "M/d/yyyy");
        datePatterns.put(Language.DE, "dd.MM.yyyy");
        datePatterns.put(Language.IT, "dd/MM/yyyy");
        datePatterns.put(Language.FR, "dd/MM/yyyy");
        datePatterns.put(Language.ES, "dd/MM/yyyy");
        datePatterns.put(Language.SL, "d. M. yyyy");
        datePatterns.put(Language.PT, "dd/MM/yyyy");
        datePatterns.put(Language.NL, "dd-MM-yyyy");
        datePatterns.put(Language.PL, "dd.MM.yyyy");
        datePatterns.put(Language.HR, "dd. MM. yyyy.");
        datePatterns.put(Language.SV, "yyyy-MM-dd");
        datePatterns.put(Language.FI, "d.M.yyyy");
        datePatterns.put(Language.ET, "dd.MM.yyyy");
        datePatterns.put(Language.BG, "dd.MM.yyyy 'г.'");
        datePatterns.put(Language.CS, "d. M. yyyy");
        datePatterns.put(Language.SK, "d. M. yyyy");
        datePatterns.put(Language.NB, "dd.MM.yyyy");
        datePatterns.put(Language.IS, "d.M.yyyy");
        for (Language language : Language.values()) {
            BY_LANGUAGE.put(language, new LocaleFormat(language.defaultLocale(), datePatterns.get(language)));
        }
    }

    private final Locale locale;
    private final DateTimeFormatter dateFormatter;
    private final DateTimeFormatter timeFormatter;
    private final DecimalFormat decimalPrototype;
    private final DecimalFormat percentPrototype;
    private final DecimalFormat currencyPrototype;
    /** {@link #decimalPrototype} without a clone per call: a render formats every item cell. */
    private final NumberStyle decimal;
    /** {@link #percentPrototype}, likewise. */
    private final NumberStyle percent;

    private LocaleFormat(Locale locale, String datePattern) {
        this.locale = locale;
        this.dateFormatter = DateTimeFormatter.ofPattern(datePattern, locale);
        this.timeFormatter = DateTimeFormatter.ofPattern("HH:mm:ss", locale);
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        if (symbols.getGroupingSeparator() == NARROW_NBSP) {
            symbols.setGroupingSeparator(NBSP);
        }
        this.decimalPrototype = new DecimalFormat("#,##0.###", symbols);
        this.decimalPrototype.setParseBigDecimal(true);
        this.decimalPrototype.setRoundingMode(RoundingMode.UNNECESSARY);
        DecimalFormat percent = (DecimalFormat) NumberFormat.getPercentInstance(locale);
        percent.setDecimalFormatSymbols(symbols);
        percent.setRoundingMode(RoundingMode.UNNECESSARY);
        this.percentPrototype = percent;
        DecimalFormat currency = (DecimalFormat) NumberFormat.getCurrencyInstance(locale);
        currency.setRoundingMode(RoundingMode.UNNECESSARY);
        // Some CLDR currency patterns (bg) drop grouping; amounts on one page must group alike.
        currency.setGroupingUsed(true);
        currency.setGroupingSize(3);
        this.currencyPrototype = currency;
        this.decimal = new NumberStyle(decimalPrototype);
        this.percent = new NumberStyle(percentPrototype);
    }

    /**
     * The format of a locale. One of the 18 supported locales gets its own format; any other locale
     * of one of the 18 languages ({@code sl}, {@code de-AT}, {@code en-GB}) falls back to that
     * language's format (sl-SI, de-DE, en-US), as the reference's locale values include regional
     * tags the library has no exact format for (docs/compatibility.md).
     *
     * @param locale the locale, not null
     * @return the format, never null
     * @throws ValidationException if the locale's language is not one of the 18
     */
    public static LocaleFormat of(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        Language language;
        try {
            language = Language.of(locale);
        } catch (ValidationException e) {
            throw unsupported(locale);
        }
        return BY_LANGUAGE.get(language);
    }

    /**
     * Parses a BCP 47 tag ({@code sl-SI}, {@code de-AT}, {@code en_US}) and returns its format,
     * falling back to the language's format as {@link #of(Locale)} does.
     *
     * @param tag the tag, not null
     * @return the format
     * @throws ValidationException (path {@code locale}) if the tag is ill-formed
     *     ({@code invalid_value}) or its language is not one of the 18 ({@code unsupported_locale})
     */
    public static LocaleFormat of(String tag) {
        Objects.requireNonNull(tag, "tag");
        return of(Language.parseTag(tag, "locale"));
    }

    private static ValidationException unsupported(Locale locale) {
        return ValidationException.of("locale", "unsupported_locale",
                "must be one of the 18 supported locales (en-US, de-DE, sl-SI, ...), was '"
                        + locale.toLanguageTag() + "'");
    }

    /** @return the locale, e.g. sl-SI; never null */
    public Locale locale() {
        return locale;
    }

    /** @return the language of this locale; never null */
    public Language language() {
        return Language.of(locale);
    }

    /**
     * An amount in a currency without the symbol: sl-SI {@code 1.234,56}, en-US {@code 1,234.56}.
     *
     * @param amount the amount, not null
     * @param currency the currency whose minor units set the minimum decimals, not null
     * @return the formatted amount
     */
    public String amount(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int digits = decimals(amount, currency);
        return normalize(decimal.format(amount, digits, digits));
    }

    /**
     * An amount with its currency symbol placed as the locale does: sl-SI {@code 1.234,56 €}, en-US
     * {@code €1,234.56}.
     *
     * @param amount the amount, not null
     * @param currency the currency, not null
     * @return the formatted amount
     */
    public String money(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        DecimalFormat format = (DecimalFormat) currencyPrototype.clone();
        format.setCurrency(currency);
        int digits = decimals(amount, currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return normalize(format.format(amount));
    }

    /**
     * A plain number with as many decimals as it has (trailing zeros dropped): {@code 1,5}, {@code 1.000}.
     *
     * @param number the number, not null
     * @return the formatted number
     */
    public String number(BigDecimal number) {
        Objects.requireNonNull(number, "number");
        int digits = Math.max(0, number.stripTrailingZeros().scale());
        return normalize(decimal.format(number, 0, digits));
    }

    /**
     * A percentage given in percent units (22 means 22 %): sl-SI {@code 5,5 %}, en-US {@code 5.5%}.
     *
     * @param percent the rate in percent, not null
     * @return the formatted percentage
     */
    public String percent(BigDecimal percent) {
        Objects.requireNonNull(percent, "percent");
        BigDecimal ratio = percent.movePointLeft(2);
        int digits = Math.max(0, percent.stripTrailingZeros().scale());
        return normalize(this.percent.format(ratio, 0, digits));
    }

    /**
     * @param date the date, not null
     * @return the date in this locale's pattern: sl-SI {@code 15. 1. 2025}, en-US {@code 1/15/2025}
     */
    public String date(LocalDate date) {
        return dateFormatter.format(Objects.requireNonNull(date, "date"));
    }

    /**
     * @param dateTime the date and time, not null
     * @return the date as {@link #date} followed by {@code HH:mm:ss}
     */
    public String dateTime(LocalDateTime dateTime) {
        Objects.requireNonNull(dateTime, "dateTime");
        return dateFormatter.format(dateTime) + " " + timeFormatter.format(dateTime);
    }

    private static int decimals(BigDecimal amount, Currency currency) {
        int minor = Math.max(0, currency.getDefaultFractionDigits());
        return Math.max(minor, amount.stripTrailingZeros().scale());
    }

    /** @return the plain decimal format ({@link #amount}, {@link #number}) */
    NumberStyle decimalStyle() {
        return decimal;
    }

    /** @return the percent format ({@link #percent}) */
    NumberStyle percentStyle() {
        return percent;
    }

    private static String normalize(String text) {
        return text.indexOf(NARROW_NBSP) < 0 ? text : text.replace(NARROW_NBSP, NBSP);
    }
}
