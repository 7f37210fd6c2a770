package eu.invoicing.export;

import eu.invoicing.core.ValidationException;
import java.util.Locale;

/**
 * The file format of a table export.
 *
 * <p>Immutable and thread-safe.
 */
public enum ExportFormat {
    /** Office Open XML workbook, one sheet. */
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    /** RFC 4180 comma-separated values, UTF-8. */
    CSV("csv", "text/csv; charset=UTF-8");

    private final String wireValue;
    private final String contentType;

    ExportFormat(String wireValue, String contentType) {
        this.wireValue = wireValue;
        this.contentType = contentType;
    }

    /** @return the value of the {@code format} parameter and the file extension, e.g. {@code "xlsx"} */
    public String wireValue() {
        return wireValue;
    }

    /** @return the MIME content type of the file */
    public String contentType() {
        return contentType;
    }

    /**
     * Parses the {@code format} parameter.
     *
     * @param value {@code xlsx} or {@code csv}, case-insensitive, nullable
     * @return the format
     * @throws ValidationException (path {@code format}) if the value is null or unknown
     */
    public static ExportFormat parse(String value) {
        if (value == null) {
            throw ValidationException.of("format", "required", "is required (xlsx or csv)");
        }
        for (ExportFormat format : values()) {
            if (format.wireValue.equals(value.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw ValidationException.of("format", "invalid_value", "must be xlsx or csv, was \"" + value + "\"");
    }
}
