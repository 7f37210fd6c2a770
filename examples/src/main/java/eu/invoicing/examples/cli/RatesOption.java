package eu.invoicing.examples.cli;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.rates.DocumentExchangeRate;
import eu.invoicing.core.rates.EuroReferenceRates;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * The {@code --rates FILE} option (a picocli mixin): euro reference rates in the European Central Bank's XML
 * format ({@code eurofxref-daily.xml} or a {@code eurofxref-hist*.xml}), read once, from which a document in a
 * foreign currency without {@code exchange_rate} takes its rate, offline. Without the option such a document
 * is refused as before.
 *
 * <p>Mutable (filled by picocli), single-thread; the table it loads is immutable.
 */
final class RatesOption {
    /** What a rate read from the file says of its source. */
    static final String SOURCE = "ECB";

    @Option(names = "--rates", paramLabel = "FILE",
            description = "Euro reference rates in the ECB's XML format, for foreign-currency documents given no exchange_rate.")
    Path file;

    private EuroReferenceRates rates;

    /**
     * Reads the file, so that a bad one is refused before any input is read.
     *
     * @return the table, or null without the option
     * @throws ValidationException at {@code --rates} when the file is missing or not in the ECB's format
     */
    EuroReferenceRates load() {
        if (file != null && rates == null) {
            try {
                rates = EuroReferenceRates.read(file, SOURCE);
            } catch (ValidationException e) {
                throw new ValidationException(e.violations().stream()
                        .map(v -> Violation.of("--rates", v.code(), v.message())).toList());
            }
        }
        return rates;
    }

    /**
     * @param draft the document before calculation, not null
     * @param entity the issuing entity, not null
     * @param clock what "today" is for a document without a date, not null
     * @return the draft with the file's rate where it needs one
     */
    Document apply(Document draft, Entity entity, Clock clock) {
        EuroReferenceRates table = load();
        return table == null ? draft : DocumentExchangeRate.apply(draft, entity, table, LocalDate.now(clock));
    }
}
