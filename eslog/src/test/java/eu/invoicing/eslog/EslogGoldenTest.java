package eu.invoicing.eslog;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.Document;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the serializer's output byte for byte. The golden files were reviewed by hand against the
 * business-term comments of the official sample (see the review notes in docs/eslog.md). To
 * regenerate after an intended change: {@code -Deslog.golden.update=true}, then review the diff.
 */
class EslogGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("invoice-domestic", (Supplier<Document>) TestCorpus::domesticInvoice),
                Arguments.of("invoice-reverse-charge", (Supplier<Document>) TestCorpus::reverseChargeInvoice),
                Arguments.of("credit-note", (Supplier<Document>) TestCorpus::creditNote),
                Arguments.of("invoice-usd-with-advance", (Supplier<Document>) TestCorpus::foreignInvoiceWithAdvance),
                Arguments.of("invoice-furs", (Supplier<Document>) TestCorpus::fiscalizedInvoice),
                Arguments.of("estimate-325", (Supplier<Document>) TestCorpus::estimate));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void toXml_document_matchesReviewedGoldenFile(String name, Supplier<Document> document) throws IOException {
        String xml = new EslogSerializer().toXml(document.get(), TestCorpus.context());
        Path file = GOLDEN.resolve(name + ".xml");
        if (Boolean.getBoolean("eslog.golden.update")) {
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        }
        assertThat(xml).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(EslogSerializerTest.xsd(xml.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
