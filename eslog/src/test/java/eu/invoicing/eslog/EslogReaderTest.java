package eu.invoicing.eslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EslogReaderTest {

    private final EslogReader reader = new EslogReader();
    private final EslogSerializer serializer = new EslogSerializer();

    private EslogDocument sample() throws IOException {
        return reader.read(Files.readAllBytes(SharedStandards.officialSample()));
    }

    @Test
    void read_handPickedDocuments_roundTripToSameDocument() {
        for (Document d : List.of(TestCorpus.domesticInvoice(), TestCorpus.reverseChargeInvoice(), TestCorpus.creditNote(),
                TestCorpus.foreignInvoiceWithAdvance(), TestCorpus.fiscalizedInvoice(), TestCorpus.estimate(),
                TestCorpus.advanceInvoice())) {
            RoundTrip.assertSame(d, TestCorpus.context(), reader.read(serializer.toBytes(d, TestCorpus.context())));
        }
    }

    @Test
    void read_generatedCorpusOf240_roundTripToSameDocument() {
        LongStream.range(0, 240).forEach(seed -> {
            Document d = TestCorpus.generated(seed);
            RoundTrip.assertSame(d, TestCorpus.context(), reader.read(serializer.toBytes(d, TestCorpus.context())));
        });
    }

    @Test
    void read_creditNote_precedingInvoiceInContextAndReference() {
        EslogDocument read = reader.read(serializer.toBytes(TestCorpus.creditNote(), TestCorpus.context()));
        assertThat(read.document().type()).isEqualTo(DocumentType.CREDIT_NOTE);
        assertThat(read.context().precedingInvoice().number()).isEqualTo("2026-00042");
        assertThat(read.document().reference()).isEqualTo("2026-00042");
    }

    @Test
    void read_creditNoteWithPurchaseOrderAndPrecedingInvoice_referenceIsCreditedInvoice() {
        String xml = serializer.toXml(TestCorpus.creditNote(), TestCorpus.context()).replace("<G_SG1>",
                "<G_SG1><S_RFF><C_C506><D_1153>ON</D_1153><D_1154>PO-77</D_1154></C_C506></S_RFF></G_SG1><G_SG1>");

        EslogDocument read = reader.read(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(read.document().reference()).isEqualTo("2026-00042");
    }

    @Test
    void read_creditNoteCreditingTwoInvoices_contextNamesFirstReferenceNamesSecond() {
        EslogContext context = TestCorpus.context().withPrecedingInvoice(
                new EslogContext.PrecedingInvoice("2026-00041", TestCorpus.DAY));

        EslogDocument read = reader.read(serializer.toBytes(TestCorpus.creditNote(), context));

        assertThat(read.context().precedingInvoice()).isEqualTo(context.precedingInvoice());
        assertThat(read.document().reference()).isEqualTo("2026-00042");
    }

    /** The credited invoice stays the last RFF OI when the credit note also lists preceding invoices (BG-3). */
    @Test
    void read_creditNoteWithPrecedingInvoices_referenceIsStillTheCreditedInvoice() {
        Document note = TestCorpus.creditNote();
        Document d = note.toBuilder().tradeDetails(note.tradeDetails().withPrecedingInvoices(List.of(
                new eu.invoicing.core.model.PrecedingInvoice("2025-00007", TestCorpus.DAY.minusDays(90)),
                new eu.invoicing.core.model.PrecedingInvoice("2026-00042", TestCorpus.DAY.minusDays(9))))).build();

        Document read = reader.read(serializer.toBytes(d, TestCorpus.context())).document();

        assertThat(read.reference()).isEqualTo("2026-00042");
        assertThat(read.tradeDetails().precedingInvoices()).containsExactly(
                new eu.invoicing.core.model.PrecedingInvoice("2025-00007", TestCorpus.DAY.minusDays(90)),
                new eu.invoicing.core.model.PrecedingInvoice("2026-00042", TestCorpus.DAY.minusDays(9)));
    }

    @Test
    void read_officialSample_partiesLinesAndContext() throws IOException {
        EslogDocument read = sample();
        Document d = read.document();
        assertThat(d.type()).isEqualTo(DocumentType.INVOICE);
        assertThat(d.number()).isEqualTo("TOSL110");
        assertThat(d.currencyCode()).isEqualTo("DKK");
        assertThat(d.issuer().name()).isEqualTo("SellerCompany");
        assertThat(d.issuer().taxNumber()).isEqualTo("NL16356706");
        assertThat(d.customer().name()).isEqualTo("BuyerCompany ltd");
        assertThat(d.customer().address()).isEqualTo("Anystreet, Building 1");
        assertThat(d.customer().address2()).isEqualTo("5th floor, 5th door");
        assertThat(d.dateService()).isEqualTo(java.time.LocalDate.of(2013, 3, 10));
        assertThat(d.dateServiceTo()).isEqualTo(java.time.LocalDate.of(2013, 4, 10));
        assertThat(d.dateDue()).isEqualTo(java.time.LocalDate.of(2013, 5, 10));
        assertThat(d.reference()).isEqualTo("PO4711");
        assertThat(d.furs().eor()).isEqualTo("56dcaf93-933a-497d-b864-0ba1e8f4fa23");
        assertThat(d.furs().zoi()).isEqualTo("8402f0a963e37b2258e034fc8ae7ffc1");
        assertThat(d.taxClause()).isEqualTo("Exempt New Means of Transport");
        assertThat(read.context().bankAccount().iban()).isEqualTo("DK1212341234123412");
        assertThat(read.context().bankAccount().bic()).isEqualTo("DNBANOKK");
        assertThat(read.context().paymentReference()).isEqualTo("Payref1");
        assertThat(read.context().precedingInvoice().number()).isEqualTo("TOSL109");
        assertThat(read.context().purposeCode()).isEqualTo("OTHR");
        // three lines; the line charge on line 1 and the document allowance and charge are read as such
        assertThat(d.items()).extracting(LineItem::name).containsExactly("Printing paper", "Parker Pen",
                "American Cookies");
        assertThat(d.allowances()).extracting(AllowanceCharge::reason).containsExactly("Loyal customer");
        assertThat(d.charges()).extracting(AllowanceCharge::reason).containsExactly("Packaging");
        assertThat(d.total()).isEqualByComparingTo("4000.00");
        assertThat(d.totalWithTax()).isEqualByComparingTo("4675.00");
        assertThat(d.totalPaid()).isEqualByComparingTo("2337.50");
        assertThat(d.totalDue()).isEqualByComparingTo("2337.50");
        assertThat(d.taxes()).hasSize(2);
    }

    @Test
    void read_officialSample_statedTotalsMatchRecalculation() throws IOException {
        Document read = sample().document();
        List<LineItem> items = new ArrayList<>();
        for (LineItem item : read.items()) {
            items.add(LineItem.builder().name(item.name()).quantity(item.quantity()).price(item.price()).unit(item.unit())
                    .taxes(item.taxes().stream().map(t -> eu.invoicing.core.model.LineTax.ofRate(t.rate())).toList())
                    .discounts(item.discounts()).charges(item.charges()).build());
        }
        Document draft = Document.builder(read.type()).number(read.number()).date(read.date())
                .currencyCode(read.currencyCode()).exchangeRate(read.exchangeRate()).issuer(read.issuer())
                .customer(read.customer()).items(items).allowances(read.allowances()).charges(read.charges())
                .payments(read.payments()).build();
        Entity entity = TestCorpus.entity();
        Document recalculated = CalculationEngine.withDefaults().calculate(draft, entity);
        assertThat(recalculated.total()).isEqualByComparingTo(read.total()).isEqualByComparingTo("4000.00");
        assertThat(recalculated.totalWithTax()).isEqualByComparingTo(read.totalWithTax()).isEqualByComparingTo("4675.00");
        assertThat(recalculated.totalDue()).isEqualByComparingTo(read.totalDue()).isEqualByComparingTo("2337.50");
        BigDecimal vat = recalculated.taxes().stream().map(t -> t.taxAmount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(vat).isEqualByComparingTo("675.00");
        for (int i = 0; i < read.items().size(); i++) {
            assertThat(recalculated.items().get(i).total()).as("line %d", i).isEqualByComparingTo(read.items().get(i).total());
        }
    }

    @Test
    void read_unknownElements_tolerated() throws IOException {
        String xml = Files.readString(SharedStandards.officialSample())
                .replace("<S_UNS>", "<X_FUTURE><D_9999>new</D_9999></X_FUTURE><S_UNS>");
        assertThat(reader.read(xml.getBytes(StandardCharsets.UTF_8)).document().number()).isEqualTo("TOSL110");
    }

    @Test
    void read_notAnEslogRoot_clearError() {
        assertThatThrownBy(() -> reader.read("<Invoice><M_INVOIC/></Invoice>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EslogReadException.class).hasMessageContaining("urn:eslog:2.00");
    }

    @Test
    void read_malformedAmount_errorNamesElement() throws IOException {
        String xml = Files.readString(SharedStandards.eslogDir().resolve("derived/minimal-invoice-380.xml"))
                .replace("<D_5004>143.90</D_5004>", "<D_5004>1x3</D_5004>");
        assertThatThrownBy(() -> reader.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EslogReadException.class).hasMessageContaining("G_SG50").hasMessageContaining("1x3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "eur", "XYZ", "XAU", "2013-04-10T25:00:00"})
    void read_badAccountingCurrency_readErrorNotAModelValidationError(String code) throws IOException {
        // Found by EslogReaderFuzzTest once the model began checking currency codes: the model's
        // ValidationException escaped the reader, as if the caller (not the file) were at fault.
        String xml = Files.readString(SharedStandards.officialSample())
                .replace("<D_6345>EUR</D_6345>", "<D_6345>" + code + "</D_6345>");
        assertThatThrownBy(() -> reader.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EslogReadException.class);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void read_amountWithHugeExponent_refusedNotComputed() throws IOException {
        String xml = Files.readString(SharedStandards.eslogDir().resolve("derived/minimal-invoice-380.xml"))
                .replace("<D_5004>143.90</D_5004>", "<D_5004>1E999999999</D_5004>");
        assertThatThrownBy(() -> reader.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EslogReadException.class).hasMessageContaining("not a number");
    }

    @Test
    void read_externalEntity_refused() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Invoice xmlns=\"urn:eslog:2.00\"><M_INVOIC><S_UNH><D_0062>&x;</D_0062></S_UNH></M_INVOIC></Invoice>";
        assertThatThrownBy(() -> reader.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EslogReadException.class).hasMessageContaining("DOCTYPE declaration is not allowed");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void read_billionLaughs_refused() {
        StringBuilder dtd = new StringBuilder("<!ENTITY a0 \"ha\">");
        for (int i = 1; i <= 12; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE Invoice [" + dtd + "]><Invoice xmlns=\"urn:eslog:2.00\">&a12;</Invoice>";
        assertThatThrownBy(() -> reader.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EslogReadException.class).hasMessageContaining("DOCTYPE declaration is not allowed");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void read_fiftyMegabyteTextNode_refusedWithLimitInMessage() {
        InputStream hostile = eu.invoicing.eslog.internal.parse.SecureXmlParserTestAccess.hugeTextNode(50L * 1024 * 1024);
        assertThatThrownBy(() -> reader.read(hostile)).isInstanceOf(EslogReadException.class)
                .hasMessageContaining("exceeds the limit of 1048576 characters");
    }

    @Test
    void read_twoHundredMegabyteComment_refusedWithShortMessage() {
        InputStream hostile = eu.invoicing.eslog.internal.parse.SecureXmlParserTestAccess.repeating(
                "<Invoice xmlns=\"urn:eslog:2.00\"><M_INVOIC><!--", 'a', 200L * 1024 * 1024, "--></M_INVOIC></Invoice>");

        assertThatThrownBy(() -> reader.read(hostile)).isInstanceOf(EslogReadException.class)
                .hasMessageContaining("a comment").hasMessageContaining("exceeds the limit of 1048576 characters")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200))
                .extracting(e -> ((EslogReadException) e).reason())
                .isEqualTo(EslogReadException.Reason.COMMENT_TOO_LONG);
    }

    @Test
    void read_sixtyMegabyteAttribute_refusedWithoutQuotingIt() {
        InputStream hostile = eu.invoicing.eslog.internal.parse.SecureXmlParserTestAccess.repeating(
                "<Invoice xmlns=\"urn:eslog:2.00\"><M_INVOIC Id=\"", 'a', 60L * 1024 * 1024, "\"/></Invoice>");

        assertThatThrownBy(() -> reader.read(hostile)).isInstanceOf(EslogReadException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).contains("an attribute value"));
    }

    @Test
    void read_halfMegabyteMalformedAmount_messageQuotesShortPrefix() throws IOException {
        String xml = Files.readString(SharedStandards.eslogDir().resolve("derived/minimal-invoice-380.xml"))
                .replace("<D_5004>143.90</D_5004>", "<D_5004>" + "9x".repeat(250_000) + "</D_5004>");

        assertThatThrownBy(() -> reader.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EslogReadException.class).hasMessageContaining("not a number, was \"9x9x")
                .hasMessageContaining("(500000 characters)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300))
                .extracting(e -> ((EslogReadException) e).reason()).isEqualTo(EslogReadException.Reason.INVALID_VALUE);
    }

    @Test
    void read_documentOverTheReadersLimits_refusedNamingTheLimit() throws IOException {
        byte[] sample = Files.readAllBytes(SharedStandards.officialSample());

        assertThatThrownBy(() -> new EslogReader(1 << 20, 4096, 100_000).read(sample))
                .isInstanceOf(EslogReadException.class).hasMessageContaining("larger than the limit of 4096 bytes");
        assertThatThrownBy(() -> new EslogReader(1 << 20, 1 << 20, 50).read(sample))
                .isInstanceOf(EslogReadException.class).hasMessageContaining("more than the limit of 50 elements");
    }

    @Test
    void constructor_nonPositiveDocumentLimits_refused() {
        assertThatThrownBy(() -> new EslogReader(1000, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EslogReader(1000, 10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_nonPositiveLimit_refused() {
        assertThatThrownBy(() -> new EslogReader(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
