package eu.invoicing.benchmarks.eslog;

import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.EslogValidation;
import eu.invoicing.core.model.EslogValidationStatus;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.eslog.EslogContext;
import eu.invoicing.eslog.EslogDocument;
import eu.invoicing.eslog.EslogReader;
import eu.invoicing.eslog.EslogSchema;
import eu.invoicing.eslog.EslogSerializer;
import eu.invoicing.eslog.EslogValidator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * e-SLOG 2.0 throughput for a calculated 10-line invoice (mixed 22 / 9.5 / 5 % VAT, two discounts):
 * serialize to XML, validate (business rules + serialize + official XSD), and read back.
 *
 * <p>The XSD directory comes from {@code INVOICING_ESLOG_XSD}, else {@code ../shared/standards/eslog}
 * relative to the working directory (the repository root).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EslogBenchmark {

    private Document invoice;
    private EslogContext context;
    private EslogSerializer serializer;
    private EslogValidator validator;
    private EslogReader reader;
    private byte[] xml;

    /** Builds the invoice, compiles the schema once and checks that the invoice is valid. */
    @Setup
    public void setUp() {
        Entity entity = Entity.sampleSlovenian();
        String[] rates = {"22", "9.5", "22", "5", "22", "9.5", "22", "22", "5", "22"};
        Document.Builder b = Document.builder(DocumentType.INVOICE).number("2026-00042").date(LocalDate.of(2026, 3, 2))
                .dateDue(LocalDate.of(2026, 3, 17)).note("Hvala za zaupanje.")
                .customer(Party.builder().name("Kupec d.o.o.").address("Stara cesta 1").postCode("4000").city("Kranj")
                        .countryCode("SI").taxNumber("SI87654321").build());
        for (int i = 0; i < 10; i++) {
            LineItem.Builder line = LineItem.builder().name("Izdelek št. " + (i + 1) + " — tisk, čopič, žig")
                    .quantity(String.valueOf(1 + i)).price(new BigDecimal("12.35").add(BigDecimal.valueOf(i))).unit("H87")
                    .tax(rates[i]);
            if (i % 5 == 0) {
                line.discount(Discount.percent(new BigDecimal("10")));
            }
            b.item(line.build());
        }
        invoice = CalculationEngine.withDefaults().calculate(b.build(), entity);
        context = EslogContext.forEntity(entity);
        serializer = new EslogSerializer();
        validator = new EslogValidator(EslogSchema.load(xsdDirectory()), Clock.systemUTC());
        reader = new EslogReader();
        xml = serializer.toBytes(invoice, context);
        EslogValidation check = validator.validate(invoice, context);
        if (check.validationStatus() != EslogValidationStatus.VALID) {
            throw new IllegalStateException("benchmark invoice is not valid: " + check.validationErrors());
        }
    }

    /**
     * @return the e-SLOG XSD directory of the benchmarks: {@code INVOICING_ESLOG_XSD}, else
     *     {@code ../shared/standards/eslog} (relative to the checkout the benchmarks are started from)
     */
    public static Path xsdDirectory() {
        String dir = System.getenv("INVOICING_ESLOG_XSD");
        return dir != null && !dir.isBlank() ? Path.of(dir) : Path.of("../shared/standards/eslog");
    }

    /** @return the XML of the 10-line invoice */
    @Benchmark
    public byte[] serialize() {
        return serializer.toBytes(invoice, context);
    }

    /** @return the validation result: business rules, serialization and the official XSD */
    @Benchmark
    public EslogValidation validate() {
        return validator.validate(invoice, context);
    }

    /** @return the invoice read back from its XML (hardened parser, JAXB, mapping) */
    @Benchmark
    public EslogDocument read() {
        return reader.read(xml);
    }
}
