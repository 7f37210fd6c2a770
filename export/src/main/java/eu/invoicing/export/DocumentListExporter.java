package eu.invoicing.export;

import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.TaxSummary;
import eu.invoicing.export.i18n.ExportLabel;
import eu.invoicing.export.i18n.ExportLabels;
import eu.invoicing.export.internal.Column;
import eu.invoicing.export.internal.CsvTableWriter;
import eu.invoicing.export.internal.DocumentColumns;
import eu.invoicing.export.internal.TableWriter;
import eu.invoicing.export.internal.XlsxTableWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Exports a list of documents of one kind to XLSX or CSV ({@code GET /documents/export}).
 *
 * <p>The documents are streamed twice: once to find the tax rates present (one base/amount
 * column pair per rate, ascending), once to write the rows; nothing but the set of rates is
 * kept in memory, so the export runs in constant memory however many documents there are. The
 * source must yield the same documents both times (checked: count and tax rates).
 * Rows are written in the order the source yields them. Documents must be calculated (the
 * exporter writes their stored totals, it does not recalculate).
 *
 * <p>Stateless and thread-safe.
 */
public final class DocumentListExporter {

    /** Name written into the XLSX document properties. */
    static final String APPLICATION = "Invoicing";

    private final Clock clock;

    private DocumentListExporter(Clock clock) {
        this.clock = clock;
    }

    /** @return an exporter whose XLSX files carry their creation time from {@link Clock#systemUTC()} */
    public static DocumentListExporter create() {
        return create(Clock.systemUTC());
    }

    /**
     * An exporter whose XLSX files carry their creation time ({@code docProps/core.xml}) from the
     * given clock: with a fixed clock, the same documents give byte-identical files.
     *
     * @param clock the clock, not null
     * @return an exporter
     * @throws NullPointerException if {@code clock} is null
     */
    public static DocumentListExporter create(Clock clock) {
        return new DocumentListExporter(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Writes the export.
     *
     * @param request what to export, not null
     * @param documents opens the candidate documents; called twice, and must yield the same
     *     documents both times; each stream is closed after use; documents not selected by the
     *     request are skipped; not null
     * @param out the output, not null; flushed, not closed; to be discarded if this throws
     * @return the number of documents written
     * @throws IOException if the output fails
     * @throws ValidationException ({@code format}, {@code too_many_rows}) if an XLSX export selects
     *     more documents than a sheet holds, before anything is written
     * @throws InvoicingException if the second opening of the source selects a different number of
     *     documents than the first, or a document with a tax rate the first did not have (the
     *     column set and the sheet's declared size come from the first)
     * @throws NullPointerException if an argument is null, or the source yields a null document
     */
    public long export(DocumentListExport request, Supplier<? extends Stream<? extends Document>> documents,
                       OutputStream out) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(out, "out");
        SortedSet<BigDecimal> rates = new TreeSet<>();
        long selected = 0;
        try (Stream<? extends Document> stream = documents.get()) {
            Iterator<? extends Document> iterator = stream.iterator();
            while (iterator.hasNext()) {
                Document document = Objects.requireNonNull(iterator.next(), "documents yielded null");
                if (request.selects(document)) {
                    selected++;
                    List<TaxSummary> taxes = document.taxes();
                    for (int i = 0; i < taxes.size(); i++) {
                        BigDecimal rate = taxes.get(i).rate();
                        // The set compares by value: strip (a new BigDecimal) only for a rate not seen yet.
                        if (rate != null && !rates.contains(rate)) {
                            rates.add(rate.stripTrailingZeros());
                        }
                    }
                }
            }
        }
        if (request.format() == ExportFormat.XLSX && selected > XlsxTableWriter.MAX_DATA_ROWS) {
            throw tooManyRows(selected);
        }
        ExportLabels labels = ExportLabels.of(request.language());
        List<Column<Document>> columns = DocumentColumns.forType(request.type(), labels, rates);
        TableWriter<Document> writer = request.format() == ExportFormat.XLSX
                ? new XlsxTableWriter<>(out, labels.text(sheetLabel(request.type())), columns, APPLICATION,
                        clock, selected)
                : new CsvTableWriter<>(out, columns, request.byteOrderMark());
        try (Stream<? extends Document> stream = documents.get()) {
            Iterator<? extends Document> iterator = stream.iterator();
            while (iterator.hasNext()) {
                Document document = Objects.requireNonNull(iterator.next(), "documents yielded null");
                if (request.selects(document)) {
                    if (writer.rowCount() == selected) {
                        throw changedSource("more than the " + selected + " documents of the first");
                    }
                    for (TaxSummary tax : document.taxes()) {
                        if (tax.rate() != null && !rates.contains(tax.rate())) {
                            throw changedSource("document " + (document.id() == null ? "without id" : document.id().value())
                                    + " has the tax rate "
                                    + tax.rate().toPlainString() + " %, which the first did not have");
                        }
                    }
                    writer.row(document);
                }
            }
        }
        if (writer.rowCount() != selected) {
            throw changedSource(writer.rowCount() + " documents instead of the " + selected + " of the first");
        }
        writer.finish();
        return writer.rowCount();
    }

    /** A sheet holds 1,048,576 rows: checked before anything is written. */
    static ValidationException tooManyRows(long rows) {
        return ValidationException.of("format", "too_many_rows", "an XLSX sheet holds at most "
                + XlsxTableWriter.MAX_DATA_ROWS + " rows below its header, the selection has " + rows
                + "; narrow the period or the filters, or export CSV");
    }

    private static InvoicingException changedSource(String what) {
        return new InvoicingException("documents: the source yielded different documents when opened the second time: "
                + what + "; it must yield the same documents each time it is opened (the export is incomplete)");
    }

    static ExportLabel sheetLabel(DocumentType type) {
        return switch (type) {
            case INVOICE -> ExportLabel.SHEET_INVOICE;
            case ESTIMATE -> ExportLabel.SHEET_ESTIMATE;
            case CREDIT_NOTE -> ExportLabel.SHEET_CREDIT_NOTE;
            case ADVANCE_INVOICE -> ExportLabel.SHEET_ADVANCE_INVOICE;
            case DELIVERY_NOTE -> ExportLabel.SHEET_DELIVERY_NOTE;
        };
    }
}
