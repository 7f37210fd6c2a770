package eu.invoicing.export;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.calc.RoundingPolicy;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.export.i18n.ExportLabel;
import eu.invoicing.export.i18n.ExportLabels;
import eu.invoicing.export.internal.Amounts;
import eu.invoicing.export.internal.CellKind;
import eu.invoicing.export.internal.Column;
import eu.invoicing.export.internal.CsvTableWriter;
import eu.invoicing.export.internal.TableWriter;
import eu.invoicing.export.internal.XlsxTableWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Aggregates and exports sales per item for a period ({@code GET /documents/export/sales-per-item}).
 *
 * <p>Counted documents: finalized (not draft), not voided, not in the trash invoices and advance
 * invoices (sales) and credit notes (returns) dated within the period. Separator lines are
 * ignored. Items are grouped by catalog item id when present, else by exact name, and by
 * currency (amounts in different currencies are never added). Returned quantities and amounts
 * are taken as positive whatever the sign convention of the credit note; the net is sold minus
 * returned. Rows are ordered by name (case-insensitive), then item id, then currency.
 *
 * <p>Memory grows with the number of distinct items, not with the number of documents.
 *
 * <p>Stateless and thread-safe.
 */
public final class SalesPerItemExporter {

    private final Clock clock;

    private SalesPerItemExporter(Clock clock) {
        this.clock = clock;
    }

    /** @return an exporter whose XLSX files carry their creation time from {@link Clock#systemUTC()} */
    public static SalesPerItemExporter create() {
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
    public static SalesPerItemExporter create(Clock clock) {
        return new SalesPerItemExporter(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Aggregates the documents.
     *
     * @param period the period, not null
     * @param documents the candidate documents (any kind; those not counted are skipped), not null;
     *     the stream is closed
     * @return the rows, ordered
     * @throws ValidationException (code {@code not_calculated}) if a counted line has no total
     * @throws NullPointerException if an argument is null
     */
    public List<SalesPerItemRow> aggregate(ExportPeriod period, Stream<? extends Document> documents) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(documents, "documents");
        Map<GroupKey, Accumulator> groups = new HashMap<>();
        try (documents) {
            Iterator<? extends Document> iterator = documents.iterator();
            while (iterator.hasNext()) {
                Document document = Objects.requireNonNull(iterator.next(), "documents yielded null");
                if (counts(document, period)) {
                    add(groups, document);
                }
            }
        }
        List<SalesPerItemRow> rows = new ArrayList<>(groups.size());
        for (Map.Entry<GroupKey, Accumulator> entry : groups.entrySet()) {
            rows.add(entry.getValue().toRow(entry.getKey()));
        }
        rows.sort(Comparator.comparing((SalesPerItemRow r) -> r.name().toLowerCase(Locale.ROOT))
                .thenComparing(SalesPerItemRow::name)
                .thenComparing(r -> r.itemId() == null ? "" : r.itemId())
                .thenComparing(SalesPerItemRow::currencyCode));
        return rows;
    }

    /**
     * Aggregates and writes the report.
     *
     * @param request the request, not null
     * @param documents the candidate documents, not null; the stream is closed
     * @param out the output, not null; flushed, not closed
     * @return the number of rows written
     * @throws IOException if the output fails
     * @throws ValidationException if a counted line has no total
     * @throws NullPointerException if an argument is null
     */
    public long export(SalesPerItemExport request, Stream<? extends Document> documents, OutputStream out)
            throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(out, "out");
        List<SalesPerItemRow> rows = aggregate(request.period(), documents);
        ExportLabels labels = ExportLabels.of(request.language());
        List<Column<SalesPerItemRow>> columns = columns(labels);
        if (request.format() == ExportFormat.XLSX && rows.size() > XlsxTableWriter.MAX_DATA_ROWS) {
            throw DocumentListExporter.tooManyRows(rows.size());
        }
        TableWriter<SalesPerItemRow> writer = request.format() == ExportFormat.XLSX
                ? new XlsxTableWriter<>(out, labels.text(ExportLabel.SHEET_SALES_PER_ITEM), columns,
                        DocumentListExporter.APPLICATION, clock, rows.size())
                : new CsvTableWriter<>(out, columns, request.byteOrderMark());
        for (SalesPerItemRow row : rows) {
            writer.row(row);
        }
        writer.finish();
        return writer.rowCount();
    }

    static List<Column<SalesPerItemRow>> columns(ExportLabels labels) {
        return List.of(
                Column.sized(labels.text(ExportLabel.ITEM_ID), CellKind.TEXT, 20, SalesPerItemRow::itemId),
                Column.sized(labels.text(ExportLabel.ITEM_NAME), CellKind.TEXT, 36, SalesPerItemRow::name),
                Column.sized(labels.text(ExportLabel.UNIT), CellKind.TEXT, 8, SalesPerItemRow::unit),
                Column.sized(labels.text(ExportLabel.CURRENCY_CODE), CellKind.TEXT, 8, SalesPerItemRow::currencyCode),
                Column.of(labels.text(ExportLabel.QUANTITY_SOLD), CellKind.NUMBER, SalesPerItemRow::quantitySold),
                Column.of(labels.text(ExportLabel.QUANTITY_RETURNED), CellKind.NUMBER, SalesPerItemRow::quantityReturned),
                Column.of(labels.text(ExportLabel.NET_QUANTITY), CellKind.NUMBER, SalesPerItemRow::netQuantity),
                Column.of(labels.text(ExportLabel.AVERAGE_PRICE), CellKind.NUMBER, SalesPerItemRow::averagePrice),
                Column.of(labels.text(ExportLabel.TOTAL), CellKind.NUMBER, SalesPerItemRow::total),
                Column.of(labels.text(ExportLabel.TOTAL_WITH_TAX), CellKind.NUMBER, SalesPerItemRow::totalWithTax));
    }

    private static boolean counts(Document document, ExportPeriod period) {
        DocumentType type = document.type();
        boolean kind = type == DocumentType.INVOICE || type == DocumentType.ADVANCE_INVOICE
                || type == DocumentType.CREDIT_NOTE;
        return kind && !document.isDraft() && !document.isVoided() && !document.isDeleted()
                && period.contains(document.date());
    }

    private static void add(Map<GroupKey, Accumulator> groups, Document document) {
        boolean isReturn = document.type() == DocumentType.CREDIT_NOTE;
        CurrencyCode currency = document.currency();
        List<LineItem> items = document.items();
        for (int i = 0; i < items.size(); i++) {
            LineItem item = items.get(i);
            if (item.isSeparator() || item.quantity() == null) {
                continue;
            }
            if (item.total() == null || item.totalWithTax() == null || currency == null) {
                throw ValidationException.of("documents[" + (document.id() == null ? "?" : document.id().value())
                        + "].items[" + i + "].total", "not_calculated",
                        "sales per item needs calculated documents; the line has no total");
            }
            boolean byId = item.itemId() != null && !item.itemId().isBlank();
            String name = item.name() == null ? "" : item.name();
            GroupKey key = new GroupKey(byId ? item.itemId() : null, byId ? null : name, currency);
            Accumulator acc = groups.computeIfAbsent(key, k -> new Accumulator(name, item.unit()));
            if (acc.unit == null) {
                acc.unit = item.unit();
            }
            if (isReturn) {
                acc.quantityReturned = acc.quantityReturned.add(item.quantity().abs());
                acc.returnedTotal = acc.returnedTotal.add(item.total().abs());
                acc.returnedTotalWithTax = acc.returnedTotalWithTax.add(item.totalWithTax().abs());
            } else {
                acc.quantitySold = acc.quantitySold.add(item.quantity());
                acc.soldTotal = acc.soldTotal.add(item.total());
                acc.soldTotalWithTax = acc.soldTotalWithTax.add(item.totalWithTax());
            }
        }
    }

    private record GroupKey(String itemId, String exactName, CurrencyCode currency) {
    }

    private static final class Accumulator {
        private final String name;
        private String unit;
        private BigDecimal quantitySold = BigDecimal.ZERO;
        private BigDecimal quantityReturned = BigDecimal.ZERO;
        private BigDecimal soldTotal = BigDecimal.ZERO;
        private BigDecimal soldTotalWithTax = BigDecimal.ZERO;
        private BigDecimal returnedTotal = BigDecimal.ZERO;
        private BigDecimal returnedTotalWithTax = BigDecimal.ZERO;

        Accumulator(String name, String unit) {
            this.name = name;
            this.unit = unit;
        }

        SalesPerItemRow toRow(GroupKey key) {
            CurrencyCode currency = key.currency();
            RoundingPolicy money = RoundingPolicy.of(currency);
            BigDecimal average = quantitySold.signum() == 0 ? null : money.round(money.divide(soldTotal, quantitySold));
            return new SalesPerItemRow(key.itemId(), name, unit, currency.code(), quantitySold, quantityReturned,
                    quantitySold.subtract(quantityReturned), average,
                    Amounts.atCurrencyScale(soldTotal.subtract(returnedTotal), currency),
                    Amounts.atCurrencyScale(soldTotalWithTax.subtract(returnedTotalWithTax), currency));
        }
    }
}
