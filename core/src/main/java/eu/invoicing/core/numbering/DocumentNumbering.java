package eu.invoicing.core.numbering;

import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.spi.NumberSequencer;
import eu.invoicing.core.spi.SequenceKey;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * Assigns and previews document numbers (docs/lifecycle.md "Numbering"). Regular numbers use the entity's
 * format for the kind; the sequence key is the kind (plus the business unit when the format prints one) and
 * the document year when the format has a year token (yearly restart), and the entity's starting number for
 * the kind is a floor ({@code next = max(last + 1, start)}), so a start can only move numbers forward and
 * never renumbers anything. Fiscal numbers come from the same sequencer under their own keys (one per
 * premise or per device, shared by the fiscal kinds, restarting each year).
 *
 * <p>Immutable and thread-safe when the sequencer is. {@link #assign} must run inside the unit of work that
 * stores the numbered document.
 */
public final class DocumentNumbering {
    private static final int FORMAT_CACHE_LIMIT = 256;

    private final NumberSequencer sequencer;
    private final java.util.concurrent.ConcurrentMap<String, NumberFormat> formats =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Creates the numbering over the host's sequencer.
     *
     * @param sequencer the sequencer, not null
     * @throws NullPointerException if {@code sequencer} is null
     */
    public DocumentNumbering(NumberSequencer sequencer) {
        this.sequencer = Objects.requireNonNull(sequencer, "sequencer");
    }

    /**
     * Takes the next number.
     *
     * @param entity the issuing entity, not null
     * @param type the kind, not null
     * @param date the document date, not null
     * @param businessUnit the business unit code, nullable (required when the format prints one)
     * @param fiscal the fiscal series, nullable for a regular number
     * @return the number taken
     * @throws eu.invoicing.core.ValidationException for a bad format or a missing business unit
     */
    public AssignedNumber assign(Entity entity, DocumentType type, LocalDate date, String businessUnit,
            FiscalSeries fiscal) {
        return number(entity, type, date, businessUnit, fiscal, true);
    }

    /**
     * Previews the next number without taking it.
     *
     * @param entity the issuing entity, not null
     * @param type the kind, not null
     * @param date the date the document would have, not null
     * @param businessUnit the business unit code, nullable
     * @param fiscal the fiscal series, nullable
     * @return what {@link #assign} would return now
     */
    public AssignedNumber preview(Entity entity, DocumentType type, LocalDate date, String businessUnit,
            FiscalSeries fiscal) {
        return number(entity, type, date, businessUnit, fiscal, false);
    }

    private NumberFormat parsed(String template) {
        NumberFormat f = formats.get(template);
        if (f == null) {
            f = NumberFormat.parse(template);
            if (formats.size() < FORMAT_CACHE_LIMIT) {
                formats.put(template, f);
            }
        }
        return f;
    }

    private AssignedNumber number(Entity entity, DocumentType type, LocalDate date, String businessUnit,
            FiscalSeries fiscal, boolean take) {
        int year = date.getYear();
        if (fiscal != null) {
            SequenceKey key = new SequenceKey(entity.id(), fiscal.seriesName(), year);
            long n = take ? sequencer.next(key, 1) : sequencer.peek(key, 1);
            return new AssignedNumber(fiscal.format(n), year, n, fiscal);
        }
        NumberFormat format = parsed(entity.settings().numberFormat(type));
        if (format.hasBusinessUnit()) {
            format.format(year, 1, businessUnit);
        }
        String series = type.name().toLowerCase(Locale.ROOT)
                + (format.hasBusinessUnit() ? "/u=" + businessUnit : "");
        SequenceKey key = new SequenceKey(entity.id(), series, format.hasYear() ? year : 0);
        long floor = Math.max(1, entity.settings().numberSequenceStarts().getOrDefault(type, 1L));
        long n = take ? sequencer.next(key, floor) : sequencer.peek(key, floor);
        return new AssignedNumber(format.format(year, n, businessUnit), year, n, null);
    }
}
