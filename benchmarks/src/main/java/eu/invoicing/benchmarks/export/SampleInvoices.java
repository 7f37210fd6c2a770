package eu.invoicing.benchmarks.export;

import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Calculated sample invoices for the export benchmarks: a pool of distinct documents (built
 * with the real calculation engine) that benchmarks cycle through to make any number of rows
 * without holding that many documents in memory.
 *
 * <p>Immutable after construction and thread-safe.
 */
public final class SampleInvoices {

    private static final String[] CUSTOMERS = {
        "Šumi trgovina d.o.o.", "Müller & Söhne GmbH", "Novak s.p.", "Horvat gradnja d.o.o.",
        "Café Ørsted ApS", "Zupan IT d.o.o.", "Krajnc transport d.o.o.", "Lipa d.d."};
    private static final String[] RATES = {"22", "9.5", "5"};

    private final List<Document> pool;

    private SampleInvoices(List<Document> pool) {
        this.pool = List.copyOf(pool);
    }

    /**
     * @param distinct number of distinct documents, positive
     * @param seed random seed; equal seeds give equal documents
     * @return the pool
     */
    public static SampleInvoices generate(int distinct, long seed) {
        Entity entity = Entity.sampleSlovenian();
        CalculationEngine engine = CalculationEngine.withDefaults();
        SplittableRandom random = new SplittableRandom(seed);
        List<Document> docs = new ArrayList<>(distinct);
        for (int i = 0; i < distinct; i++) {
            LocalDate date = LocalDate.of(2024, 1, 1).plusDays(i % 365);
            int c = random.nextInt(CUSTOMERS.length);
            Document.Builder b = Document.builder(DocumentType.INVOICE)
                    .id(new DocumentId(DocumentType.INVOICE, "inv_" + String.format("%024x", i)))
                    .draft(false).date(date).dateDue(date.plusDays(30)).dateService(date)
                    .issuer(entity.asIssuer())
                    .customer(Party.builder().name(CUSTOMERS[c]).address("Cesta " + random.nextInt(200))
                            .postCode(Integer.toString(1000 + random.nextInt(8000))).city("Ljubljana")
                            .country("Slovenia").countryCode("SI").taxNumber("SI" + (10_000_000 + random.nextInt(89_999_999)))
                            .email("info" + c + "@example.si").build())
                    .note(random.nextInt(4) == 0 ? "Thank you for your business." : null)
                    .createdAt(Instant.parse("2024-01-01T08:00:00Z").plusSeconds(i * 3600L))
                    .updatedAt(Instant.parse("2024-01-01T09:00:00Z").plusSeconds(i * 3600L));
            if (random.nextInt(10) == 0) {
                b.currencyCode("USD").exchangeRate(new ExchangeRate(new BigDecimal("0.921500"), "ecb", date, "EUR"));
            }
            int lines = 1 + random.nextInt(3);
            for (int k = 0; k < lines; k++) {
                b.item(LineItem.builder().name("Item " + random.nextInt(50)).quantity(Integer.toString(1 + random.nextInt(5)))
                        .price(BigDecimal.valueOf(random.nextLong(100, 500_000), 2)).unit("pcs")
                        .tax(RATES[random.nextInt(RATES.length)]).build());
            }
            Document calculated = engine.calculate(b.build(), entity);
            docs.add(calculated.toBuilder().number("2024-" + (10_000 + i)).build());
        }
        return new SampleInvoices(docs);
    }

    /** @return the distinct documents */
    public List<Document> pool() {
        return pool;
    }

    /**
     * @param rows number of documents to yield
     * @return a lazy list of {@code rows} documents cycling through the pool
     */
    public java.util.stream.Stream<Document> cycle(int rows) {
        return java.util.stream.IntStream.range(0, rows).mapToObj(i -> pool.get(i % pool.size()));
    }
}
