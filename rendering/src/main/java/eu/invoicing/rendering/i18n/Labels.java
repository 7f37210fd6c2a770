package eu.invoicing.rendering.i18n;

import eu.invoicing.core.InvoicingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The labels of one language, read once from {@code labels_<code>.properties} (UTF-8) on the class
 * path. Loading fails loudly if a language lacks a label, so a missing translation can never reach a
 * printed invoice.
 *
 * <p>Immutable and thread-safe; instances are shared.
 */
public final class Labels {
    private static final Map<Language, Labels> ALL = loadAll();

    private final Language language;
    private final Map<Label, String> texts;

    private Labels(Language language, Map<Label, String> texts) {
        this.language = language;
        this.texts = texts;
    }

    /**
     * @param language the language, not null
     * @return its labels, never null
     */
    public static Labels of(Language language) {
        return ALL.get(Objects.requireNonNull(language, "language"));
    }

    /** @return the language of these labels; never null */
    public Language language() {
        return language;
    }

    /**
     * @param label the label, not null
     * @return its text in this language, never blank
     */
    public String get(Label label) {
        return texts.get(Objects.requireNonNull(label, "label"));
    }

    /**
     * The page caption, e.g. "Page 2 of 5" / "Stran 2 od 5".
     *
     * @param page the 1-based page number
     * @param pages the page count
     * @return the caption, never null
     */
    public String pageOf(int page, int pages) {
        return new MessageFormat(texts.get(Label.PAGE_OF), Locale.ROOT)
                .format(new Object[] {String.valueOf(page), String.valueOf(pages)});
    }

    private static Map<Language, Labels> loadAll() {
        Map<Language, Labels> all = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            all.put(language, load(language));
        }
        return all;
    }

    /**
     * Reads the raw properties of a language; package-private so the completeness test can see
     * unknown keys too.
     */
    static Properties read(Language language) {
        String resource = "labels_" + language.code() + ".properties";
        Properties properties = new Properties();
        try (InputStream in = Labels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvoicingException("missing label resource " + resource);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new InvoicingException("cannot read label resource " + resource, e);
        }
        return properties;
    }

    private static Labels load(Language language) {
        Properties properties = read(language);
        Map<Label, String> texts = new EnumMap<>(Label.class);
        List<String> missing = new ArrayList<>();
        for (Label label : Label.values()) {
            String text = properties.getProperty(label.key());
            if (text == null || text.isBlank()) {
                missing.add(label.key());
            } else {
                texts.put(label, text.strip());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvoicingException("labels_" + language.code() + " lacks " + missing);
        }
        return new Labels(language, texts);
    }
}
