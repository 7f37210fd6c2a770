package eu.invoicing.export;

import eu.invoicing.core.model.Entity;
import eu.invoicing.export.i18n.ExportLanguage;
import java.util.Objects;

/**
 * What to export in a sales-per-item report ({@code GET /documents/export/sales-per-item}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the required date range (at most one year), not null
 * @param format the file format, not null
 * @param language the header language, not null
 * @param byteOrderMark whether a CSV starts with a UTF-8 byte order mark
 */
public record SalesPerItemExport(ExportPeriod period, ExportFormat format, ExportLanguage language,
                                 boolean byteOrderMark) {

    /**
     * @throws NullPointerException if a component is null
     *
     * @param period the required date range (at most one year), not null
     * @param format the file format, not null
     * @param language the header language, not null
     * @param byteOrderMark whether a CSV starts with a UTF-8 byte order mark
     */
    public SalesPerItemExport {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(language, "language");
    }

    /**
     * A request with English headers and no byte order mark.
     *
     * @param period the date range, not null
     * @param format the format, not null
     * @return the request
     */
    public static SalesPerItemExport of(ExportPeriod period, ExportFormat format) {
        return new SalesPerItemExport(period, format, ExportLanguage.EN, false);
    }

    /**
     * A request with headers in the entity's language (the reference: "defaults to the entity
     * locale") and no byte order mark.
     *
     * @param period the date range, not null
     * @param format the format, not null
     * @param entity the exporting entity, not null
     * @return the request
     */
    public static SalesPerItemExport of(ExportPeriod period, ExportFormat format, Entity entity) {
        return new SalesPerItemExport(period, format, ExportLanguage.forEntity(entity), false);
    }

    /**
     * @param value the header language, not null
     * @return a copy with that language; this instance is unaffected
     */
    public SalesPerItemExport withLanguage(ExportLanguage value) {
        return new SalesPerItemExport(period, format, value, byteOrderMark);
    }

    /**
     * @param value whether a CSV starts with a byte order mark
     * @return a copy with that setting; this instance is unaffected
     */
    public SalesPerItemExport withByteOrderMark(boolean value) {
        return new SalesPerItemExport(period, format, language, value);
    }
}
