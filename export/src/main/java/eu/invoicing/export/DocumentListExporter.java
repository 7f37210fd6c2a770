package eu.invoicing.export;

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
 * kept in memory, so the export runs in constant memory however many documents there are.
 * Rows are written in the order the source yields them. Documents must be calculated (the
 * exporter writes their stored totals, it does not recalculate).
 *
 * <p>Stateless and thread-safe.
 */
public final class DocumentListExporter {

    /** Name written into the XLSX document properties. */
    static final String APPLICATION = "Invoicing";

    private DocumentListExporter() {
    }

    /** @return an exporter */
    public static DocumentListExporter create() {
        return new DocumentListExporter();
    }

    /**
     * Writes the export.
     *
     * @param request what to export, not null
     * @param documents opens the candidate documents; called twice; each stream is closed after
     *     use; documents not selected by the request are skipped; not null
     * @param out the output, not null; flushed, not closed
     * @return the number of documents written
     * @throws IOException if the output fails
     * @throws NullPointerException if an argument is null, or the source yields a null document
     */
    public long export(DocumentListExport request, Supplier<? extends Stream<? extends Document>> documents,
                       OutputStream out) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(out, "out");
        SortedSet<BigDecimal> rates = new TreeSet<>();
        try (Stream<? extends Document> stream = documents.get()) {
            stream.filter(request::selects).forEach(d -> {
                List<TaxSummary> taxes = d.taxes();
                for (int i = 0; i < taxes.size(); i++) {
                    BigDecimal rate = taxes.get(i).rate();
                    // The set compares by value: strip (a new BigDecimal) only for a rate not seen yet.
                    if (rate != null && !rates.contains(rate)) {
                        rates.add(rate.stripTrailingZeros());
                    }
                }
            });
        }
        ExportLabels labels = ExportLabels.of(request.language());
        List<Column<Document>> columns = DocumentColumns.forType(request.type(), labels, rates);
        TableWriter<Document> writer = request.format() == ExportFormat.XLSX
                ? new XlsxTableWriter<>(out, labels.text(sheetLabel(request.type())), columns, APPLICATION)
                : new CsvTableWriter<>(out, columns, request.byteOrderMark());
        try (Stream<? extends Document> stream = documents.get()) {
            Iterator<? extends Document> iterator = stream.iterator();
            while (iterator.hasNext()) {
                Document document = Objects.requireNonNull(iterator.next(), "documents yielded null");
                if (request.selects(document)) {
                    writer.row(document);
                }
            }
        }
        writer.finish();
        return writer.rowCount();
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
