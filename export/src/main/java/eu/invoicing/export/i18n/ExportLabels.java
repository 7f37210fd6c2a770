package eu.invoicing.export.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormatSymbols;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The export texts of one language, loaded from {@code headers_<code>.properties} (UTF-8).
 *
 * <p>There is deliberately no fallback to English: a missing text fails loudly when the labels
 * are loaded, and a test proves that every {@link ExportLabel} exists in every language.
 *
 * <p>Immutable and thread-safe; instances are cached per language.
 */
public final class ExportLabels {

    private static final Map<ExportLanguage, ExportLabels> CACHE = new ConcurrentHashMap<>();
    private static final String RATE_PLACEHOLDER = "{rate}";

    private final ExportLanguage language;
    private final Map<ExportLabel, String> texts;

    private ExportLabels(ExportLanguage language, Map<ExportLabel, String> texts) {
        this.language = language;
        this.texts = texts;
    }

    /**
     * The labels of a language.
     *
     * @param language the language, not null
     * @return the labels
     * @throws NullPointerException if {@code language} is null
     * @throws IllegalStateException if the language's resource lacks a label (a packaging bug)
     */
    public static ExportLabels of(ExportLanguage language) {
        Objects.requireNonNull(language, "language");
        return CACHE.computeIfAbsent(language, ExportLabels::load);
    }

    /** @return the language of these labels */
    public ExportLanguage language() {
        return language;
    }

    /**
     * The text of a label.
     *
     * @param label the label, not null
     * @return the text, never blank
     * @throws NullPointerException if {@code label} is null
     */
    public String text(ExportLabel label) {
        Objects.requireNonNull(label, "label");
        return texts.get(label);
    }

    /**
     * The header of a flattened party column, e.g. {@code Customer: Tax number}.
     *
     * @param party {@link ExportLabel#PARTY_ISSUER} or {@link ExportLabel#PARTY_CUSTOMER}, not null
     * @param field the party field label, not null
     * @return the header
     * @throws NullPointerException if an argument is null
     */
    public String partyHeader(ExportLabel party, ExportLabel field) {
        return text(party) + ": " + text(field);
    }

    /**
     * The header of a tax column for a rate, e.g. {@code Tax base 9.5 %} or {@code Osnova 9,5 %}.
     *
     * @param pattern {@link ExportLabel#TAX_BASE} or {@link ExportLabel#TAX_AMOUNT}, not null
     * @param rate the rate in percent, not null
     * @return the header, the rate written with the language's decimal separator and without
     *     trailing zeros
     * @throws NullPointerException if an argument is null
     */
    public String taxHeader(ExportLabel pattern, BigDecimal rate) {
        Objects.requireNonNull(rate, "rate");
        String plain = rate.stripTrailingZeros().toPlainString();
        char separator = DecimalFormatSymbols.getInstance(language.locale()).getDecimalSeparator();
        return text(pattern).replace(RATE_PLACEHOLDER, plain.replace('.', separator));
    }

    private static ExportLabels load(ExportLanguage language) {
        String resource = "headers_" + language.code() + ".properties";
        Properties properties = new Properties();
        try (InputStream in = ExportLabels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing export labels resource " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read export labels resource " + resource, e);
        }
        Map<ExportLabel, String> texts = new EnumMap<>(ExportLabel.class);
        for (ExportLabel label : ExportLabel.values()) {
            String text = properties.getProperty(label.key());
            if (text == null || text.isBlank()) {
                throw new IllegalStateException(resource + ": missing label " + label.key());
            }
            texts.put(label, text.strip());
        }
        return new ExportLabels(language, texts);
    }
}
