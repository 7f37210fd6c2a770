package eu.invoicing.export.testing;

import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.PaymentType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Deterministic, calculated sample documents for export tests: varied tax rates, hostile and
 * Unicode text, drafts, voided documents, payments, foreign currency with exchange rates.
 */
public final class SampleDocuments {

    public static final Entity ENTITY = Entity.sampleSlovenian();
    private static final CalculationEngine ENGINE = CalculationEngine.withDefaults();
    private static final String[] CUSTOMER_NAMES = {
        "Kupec d.o.o.", "=HYPERLINK(\"http://evil\",\"click\")", "-2+3 Trading", "@Mention GmbH",
        "Čokolada, \"Sladko\" s.p.", "\tTabbed Ltd", "Ølstue AS", "Line\nBreak Inc."};
    private static final String[] RATES = {"22", "9.5", "5", "0"};

    private SampleDocuments() {
    }

    /**
     * The i-th sample document of a kind, calculated.
     *
     * @param type the kind
     * @param i the index, any non-negative int; the same index gives the same document
     * @param date the document date
     * @return the document
     */
    public static Document document(DocumentType type, int i, LocalDate date) {
        Document.Builder b = Document.builder(type)
                .id(new DocumentId(type, type.idPrefix() + String.format("%024x", i)))
                .entityId(ENTITY.id())
                .draft(i % 11 == 3)
                .date(date)
                .dateDue(type.isPayable() ? date.plusDays(30) : null)
                .dateService(i % 2 == 0 ? date : null)
                .issuer(ENTITY.asIssuer())
                .customer(customer(i))
                .customerId(i % 3 == 0 ? null : "cus_" + String.format("%024x", i % 17))
                .note(i % 4 == 0 ? "Thank you, \"friend\"; see you\r\nsoon" : null)
                .paymentTerms(i % 5 == 0 ? "+30 days" : "Plačilo v 8 dneh")
                .metadata(i % 6 == 0 ? Map.of("order", "ORD-" + i) : Map.of())
                .createdAt(Instant.parse("2024-06-01T08:00:00Z").plusSeconds(i * 61L))
                .updatedAt(Instant.parse("2024-06-02T09:30:15Z").plusSeconds(i * 7L));
        if (i % 7 == 5) {
            b.currencyCode("USD").exchangeRate(new ExchangeRate(new BigDecimal("0.9215"), "ecb", date, "EUR"));
        }
        int items = 1 + i % 3;
        for (int k = 0; k < items; k++) {
            b.item(item(i, k));
        }
        Document calculated = ENGINE.calculate(b.build(), ENTITY);
        Document.Builder after = calculated.toBuilder();
        if (!calculated.isDraft()) {
            after.number(numberOf(type, i));
        }
        if (type.isPayable() && !calculated.isDraft() && i % 4 == 1) {
            BigDecimal paid = calculated.totalWithTax();
            after.payments(List.of(new Payment("pay_" + String.format("%024x", i), calculated.id(), paid,
                    PaymentType.BANK_TRANSFER, date.plusDays(3), null, null, null, Instant.parse("2024-06-05T10:00:00Z"), null)))
                    .totalPaid(paid).totalDue(paid.subtract(paid)).paidInFull(true);
        }
        if (type.isFiscal() && !calculated.isDraft() && i % 13 == 7) {
            after.voidedAt(Instant.parse("2024-06-20T12:00:00Z"));
        }
        return after.build();
    }

    /**
     * A stream of n sample documents of a kind, dated across June 2024, generated lazily (so a
     * large n costs no memory).
     */
    public static Stream<Document> stream(DocumentType type, int n) {
        return IntStream.range(0, n).mapToObj(i -> document(type, i, LocalDate.of(2024, 6, 1 + i % 30)));
    }

    /** The sample number of the i-th document, with slashes on purpose (ZIP entry names). */
    public static String numberOf(DocumentType type, int i) {
        return type.idPrefix().toUpperCase().replace("_", "") + "/2024/" + String.format("%05d", i);
    }

    private static Party customer(int i) {
        if (i % 9 == 8) {
            return null;
        }
        String name = CUSTOMER_NAMES[i % CUSTOMER_NAMES.length];
        return Party.builder().name(name).address("Ulica " + i).postCode("1000").city("Ljubljana")
                .country("Slovenia").countryCode("SI").taxNumber(i % 2 == 0 ? "SI" + (10000000 + i) : null)
                .email("kupec" + i + "@example.com").isEndConsumer(i % 2 != 0).build();
    }

    private static LineItem item(int i, int k) {
        LineItem.Builder item = LineItem.builder()
                .name(k == 0 ? "Svetovanje" : "Item " + (i + k) % 5)
                .quantity(new BigDecimal(1 + (i + k) % 4).add(k == 2 ? new BigDecimal("0.5") : BigDecimal.ZERO))
                .price(new BigDecimal(10 + (i * 7 + k * 13) % 90).add(new BigDecimal("0.99")))
                .unit(k == 0 ? "h" : "pcs")
                .tax(RATES[(i + k) % RATES.length]);
        if (k == 1) {
            item.itemId("itm_" + (i + k) % 5);
        }
        if (i % 8 == 2 && k == 0) {
            item.discount(Discount.percent(new BigDecimal("10")));
        }
        return item.build();
    }
}
