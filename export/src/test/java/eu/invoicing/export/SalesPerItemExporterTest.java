package eu.invoicing.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.ItemType;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.export.i18n.ExportLanguage;
import eu.invoicing.export.testing.ReadBack;
import eu.invoicing.export.testing.SampleDocuments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

class SalesPerItemExporterTest {

    private static final ExportPeriod JUNE = ExportPeriod.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30));
    private static final CalculationEngine ENGINE = CalculationEngine.withDefaults();
    private static final AtomicInteger IDS = new AtomicInteger(1);
    private final SalesPerItemExporter exporter = SalesPerItemExporter.create();

    private static LineItem line(String itemId, String name, String quantity, String price, String rate) {
        return LineItem.builder().itemId(itemId).name(name).quantity(quantity).price(price).unit("pcs").tax(rate).build();
    }

    private static Document doc(DocumentType type, LocalDate date, String currency, LineItem... items) {
        Document.Builder b = Document.builder(type)
                .id(new DocumentId(type, type.idPrefix() + String.format("%024x", IDS.getAndIncrement())))
                .draft(false).date(date).currencyCode(currency).issuer(SampleDocuments.ENTITY.asIssuer());
        if (!currency.equals(SampleDocuments.ENTITY.currencyCode())) {
            b.exchangeRate(new ExchangeRate(new BigDecimal("0.92"), "ecb", date, SampleDocuments.ENTITY.currencyCode()));
        }
        for (LineItem item : items) {
            b.item(item);
        }
        Document calculated = ENGINE.calculate(b.build(), SampleDocuments.ENTITY);
        return calculated.toBuilder().number("N-" + IDS.get()).build();
    }

    private static List<Document> fixture() {
        LocalDate d5 = LocalDate.of(2024, 6, 5);
        List<Document> docs = new ArrayList<>();
        docs.add(doc(DocumentType.INVOICE, d5, "EUR", line("itm_1", "Widget", "2", "10", "22"),
                line(null, "Service", "1.5", "40", "9.5"),
                LineItem.builder().type(ItemType.SEPARATOR).name("--- section ---").build()));
        docs.add(doc(DocumentType.INVOICE, LocalDate.of(2024, 6, 10), "EUR", line("itm_1", "Widget (blue)", "3", "12", "22"),
                line(null, "service", "1", "40", "9.5")));
        docs.add(doc(DocumentType.ADVANCE_INVOICE, LocalDate.of(2024, 6, 12), "EUR", line(null, "Service", "1", "40", "9.5")));
        docs.add(doc(DocumentType.CREDIT_NOTE, LocalDate.of(2024, 6, 15), "EUR", line("itm_1", "Widget", "1", "10", "22")));
        docs.add(doc(DocumentType.INVOICE, LocalDate.of(2024, 6, 20), "USD", line("itm_1", "Widget", "1", "100", "22")));
        // Not counted: out of period, draft, voided, trashed, estimate, delivery note.
        docs.add(doc(DocumentType.INVOICE, LocalDate.of(2024, 7, 1), "EUR", line("itm_1", "Widget", "50", "10", "22")));
        docs.add(doc(DocumentType.INVOICE, d5, "EUR", line("itm_1", "Widget", "60", "10", "22")).toBuilder().draft(true).build());
        docs.add(doc(DocumentType.INVOICE, d5, "EUR", line("itm_1", "Widget", "70", "10", "22")).toBuilder()
                .voidedAt(Instant.parse("2024-06-06T00:00:00Z")).build());
        docs.add(doc(DocumentType.INVOICE, d5, "EUR", line("itm_1", "Widget", "80", "10", "22")).toBuilder()
                .deletedAt(Instant.parse("2024-06-06T00:00:00Z")).build());
        docs.add(doc(DocumentType.ESTIMATE, d5, "EUR", line("itm_1", "Widget", "90", "10", "22")));
        docs.add(doc(DocumentType.DELIVERY_NOTE, d5, "EUR", line("itm_1", "Widget", "95", "10", "22")));
        return docs;
    }

    private static final List<SalesPerItemRow> EXPECTED = List.of(
            new SalesPerItemRow(null, "Service", "pcs", "EUR", new BigDecimal("2.5"), BigDecimal.ZERO, new BigDecimal("2.5"),
                    new BigDecimal("40.00"), new BigDecimal("100.00"), new BigDecimal("109.50")),
            new SalesPerItemRow(null, "service", "pcs", "EUR", BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE,
                    new BigDecimal("40.00"), new BigDecimal("40.00"), new BigDecimal("43.80")),
            new SalesPerItemRow("itm_1", "Widget", "pcs", "EUR", new BigDecimal("5"), BigDecimal.ONE, new BigDecimal("4"),
                    new BigDecimal("11.20"), new BigDecimal("46.00"), new BigDecimal("56.12")),
            new SalesPerItemRow("itm_1", "Widget", "pcs", "USD", BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE,
                    new BigDecimal("100.00"), new BigDecimal("100.00"), new BigDecimal("122.00")));

    @Test
    void aggregate_mixedDocuments_groupsByItemIdElseExactNameAndCurrency() {
        List<SalesPerItemRow> rows = exporter.aggregate(JUNE, fixture().stream());
        assertThat(rows).hasSize(EXPECTED.size());
        for (int i = 0; i < rows.size(); i++) {
            SalesPerItemRow actual = rows.get(i);
            SalesPerItemRow expected = EXPECTED.get(i);
            assertThat(actual.itemId()).isEqualTo(expected.itemId());
            assertThat(actual.name()).isEqualTo(expected.name());
            assertThat(actual.unit()).isEqualTo(expected.unit());
            assertThat(actual.currencyCode()).isEqualTo(expected.currencyCode());
            assertThat(actual.quantitySold()).isEqualByComparingTo(expected.quantitySold());
            assertThat(actual.quantityReturned()).isEqualByComparingTo(expected.quantityReturned());
            assertThat(actual.netQuantity()).isEqualByComparingTo(expected.netQuantity());
            assertThat(actual.averagePrice()).isEqualTo(expected.averagePrice());
            assertThat(actual.total()).isEqualByComparingTo(expected.total());
            assertThat(actual.totalWithTax()).isEqualByComparingTo(expected.totalWithTax());
        }
    }

    @Test
    void aggregate_onlyReturns_averagePriceEmptyAndNegativeNet() {
        List<SalesPerItemRow> rows = exporter.aggregate(JUNE, List.of(doc(DocumentType.CREDIT_NOTE, LocalDate.of(2024, 6, 3),
                "EUR", line(null, "Gadget", "2", "5", "22"))).stream());
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.quantityReturned()).isEqualByComparingTo("2");
            assertThat(r.netQuantity()).isEqualByComparingTo("-2");
            assertThat(r.averagePrice()).isNull();
            assertThat(r.total()).isEqualByComparingTo("-10.00");
        });
    }

    @Test
    void aggregate_uncalculatedLine_validationError() {
        Document raw = Document.builder(DocumentType.INVOICE).id(new DocumentId(DocumentType.INVOICE, "inv_1"))
                .draft(false).date(LocalDate.of(2024, 6, 3)).currencyCode("EUR")
                .item(line(null, "X", "1", "1", "22")).build();
        assertThatThrownBy(() -> exporter.aggregate(JUNE, List.of(raw).stream()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations().get(0).path()).isEqualTo("documents[inv_1].items[0].total");
                    assertThat(e.violations().get(0).code()).isEqualTo("not_calculated");
                });
    }

    @Test
    void export_xlsx_everyCellMatchesAggregateWithTypes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = exporter.export(SalesPerItemExport.of(JUNE, ExportFormat.XLSX), fixture().stream(), out);
        assertThat(rows).isEqualTo(EXPECTED.size());
        ReadBack.Sheet sheet = ReadBack.xlsx(out.toByteArray());
        assertThat(sheet.name()).isEqualTo("Sales per item");
        assertThat(sheet.header()).containsExactly("Item ID", "Item", "Unit", "Currency", "Quantity sold",
                "Quantity returned", "Net quantity", "Average price", "Total without tax", "Total with tax");
        List<SalesPerItemRow> aggregate = exporter.aggregate(JUNE, fixture().stream());
        for (int r = 0; r < aggregate.size(); r++) {
            SalesPerItemRow expected = aggregate.get(r);
            Row row = sheet.rows().get(r + 1);
            Object[] values = values(expected);
            for (int c = 0; c < values.length; c++) {
                ReadBack.assertXlsxCell(row.getCell(c), values[c], "row " + r + " col " + sheet.header().get(c));
            }
        }
    }

    @Test
    void export_xlsxFixedClockTwice_byteIdenticalWithTheClocksCreationTimeAndUsedRange() throws IOException {
        SalesPerItemExporter fixed = SalesPerItemExporter.create(
                Clock.fixed(Instant.parse("2024-07-03T10:15:30Z"), ZoneOffset.UTC));
        List<Document> documents = fixture();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        fixed.export(SalesPerItemExport.of(JUNE, ExportFormat.XLSX), documents.stream(), first);
        fixed.export(SalesPerItemExport.of(JUNE, ExportFormat.XLSX), documents.stream(), second);

        assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
        assertThat(ReadBack.xlsxParts(first.toByteArray()).get("docProps/core.xml"))
                .contains(">2024-07-03T10:15:30Z</dcterms:created>");
        // Ten columns (A..J), a header and a row per aggregated item.
        assertThat(ReadBack.dimension(first.toByteArray())).isEqualTo("A1:J" + (EXPECTED.size() + 1));
    }

    @Test
    void export_csvSlovenian_everyFieldMatchesAggregate() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(SalesPerItemExport.of(JUNE, ExportFormat.CSV).withLanguage(ExportLanguage.SL)
                .withByteOrderMark(true), fixture().stream(), out);
        List<CSVRecord> records = ReadBack.csv(out.toByteArray(), true);
        assertThat(records.get(0).toList()).containsExactly("ID artikla", "Artikel", "Enota", "Valuta",
                "Prodana količina", "Vrnjena količina", "Neto količina", "Povprečna cena", "Skupaj brez DDV",
                "Skupaj z DDV");
        List<SalesPerItemRow> aggregate = exporter.aggregate(JUNE, fixture().stream());
        assertThat(records).hasSize(aggregate.size() + 1);
        for (int r = 0; r < aggregate.size(); r++) {
            Object[] values = values(aggregate.get(r));
            for (int c = 0; c < values.length; c++) {
                ReadBack.assertCsvField(records.get(r + 1).get(c), values[c], "row " + r + " col " + c);
            }
        }
    }

    private static Object[] values(SalesPerItemRow row) {
        return new Object[] {row.itemId(), row.name(), row.unit(), row.currencyCode(), row.quantitySold(),
            row.quantityReturned(), row.netQuantity(), row.averagePrice(), row.total(), row.totalWithTax()};
    }
}
