package eu.invoicing.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link InvoicingJson#module()} registered in a host's own mappers, whatever their configuration. */
class InvoicingJsonModuleTest {
    private static final String DOCUMENT = "{\"id\":\"inv_6595a27b5d35015c3ef0c3fe\",\"currency_code\":\"EUR\","
            + "\"items\":[{\"name\":\"x\",\"quantity\":0.12345678901234567890,\"price\":12.30,"
            + "\"taxes\":[{\"rate\":9.50}]}],\"total\":12.30}";

    static Stream<ObjectMapper> hostMappers() {
        return Stream.of(new ObjectMapper().registerModule(InvoicingJson.module()),
                new ObjectMapper().disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                        .registerModule(InvoicingJson.module()),
                new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                        .registerModule(InvoicingJson.module()));
    }

    @ParameterizedTest
    @MethodSource("hostMappers")
    void readValue_hostMapper_keepsExactDecimalsAndTheirScale(ObjectMapper host) throws Exception {
        Document d = host.readValue(DOCUMENT, Document.class);
        var item = d.items().get(0);
        assertThat(item.price()).isEqualTo(new BigDecimal("12.30"));
        assertThat(item.quantity()).isEqualTo(new BigDecimal("0.12345678901234567890"));
        assertThat(item.taxes().get(0).rate()).isEqualTo(new BigDecimal("9.50"));
        assertThat(d.total()).isEqualTo(new BigDecimal("12.30"));
    }

    @ParameterizedTest
    @MethodSource("hostMappers")
    void readValue_hostMapperEntity_roundTripsEqual(ObjectMapper host) throws Exception {
        Entity e = Entity.sampleSlovenian();
        assertThat(host.readValue(host.writeValueAsString(e), Entity.class)).isEqualTo(e);
    }

    @ParameterizedTest
    @MethodSource("hostMappers")
    void readValue_hostMapperDuplicateKey_isAValidationError(ObjectMapper host) {
        String json = "{\"id\":\"inv_6595a27b5d35015c3ef0c3fe\",\"note\":\"a\",\"note\":\"b\",\"items\":[]}";
        assertThatThrownBy(() -> host.readValue(json, Document.class))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("note", "duplicate_key")));
    }

    @ParameterizedTest
    @MethodSource("hostMappers")
    void readValue_hostMapperListOfDocuments_eachExact(ObjectMapper host) throws Exception {
        List<Document> docs = host.readValue("[" + DOCUMENT + "," + DOCUMENT + "]",
                host.getTypeFactory().constructCollectionType(List.class, Document.class));
        assertThat(docs).extracting(d -> d.items().get(0).price()).containsExactly(new BigDecimal("12.30"),
                new BigDecimal("12.30"));
    }

    @ParameterizedTest
    @MethodSource("hostMappers")
    void writeValueAsString_hostMapperTinyQuantity_writesPlainDecimalsWithTheirScale(ObjectMapper host)
            throws Exception {
        Document d = InvoicingJson.readDocument(DOCUMENT.replace("0.12345678901234567890", "0.0000001000"));
        String json = host.writeValueAsString(d);
        assertThat(json).contains("\"quantity\":0.0000001000").doesNotContain("E-");
        assertThat(host.writer().writeValueAsString(List.of(d))).contains("\"quantity\":0.0000001000");
    }

    @Test
    void findAndRegisterModules_plainMapper_findsTheModuleThroughServiceLoader() throws Exception {
        ObjectMapper host = new ObjectMapper().findAndRegisterModules();
        assertThat(host.getRegisteredModuleIds()).contains(InvoicingModule.class.getName());
        Document d = host.readValue(DOCUMENT, Document.class);
        assertThat(d.items().get(0).price()).isEqualTo(new BigDecimal("12.30"));
    }

    @Test
    void registerModule_twice_registersOnce() {
        ObjectMapper host = new ObjectMapper().registerModule(InvoicingJson.module()).registerModule(new InvoicingModule());
        assertThat(host.getRegisteredModuleIds()).containsExactly(InvoicingModule.class.getName());
    }

    @Test
    void version_builtModule_isTheProjectVersionOfThePom() {
        String pomVersion = System.getProperty("invoicing.project.version");
        assertThat(pomVersion).as("system property invoicing.project.version, set by the parent pom").isNotBlank();
        Version v = new InvoicingModule().version();
        assertThat(v.toString()).isEqualTo(pomVersion);
        assertThat(v.getGroupId()).isEqualTo("eu.invoicing");
        assertThat(v.getArtifactId()).isEqualTo("invoicing-core");
        assertThat(new InvoicingModule().getModuleName()).isEqualTo("InvoicingModule");
    }

    @Test
    void reader_document_keepsExactDecimalsAndRefusesDuplicateKeys() throws Exception {
        Document d = InvoicingJson.reader().forType(Document.class).readValue(DOCUMENT);
        assertThat(d.items().get(0).quantity()).isEqualTo(new BigDecimal("0.12345678901234567890"));
        assertThat(InvoicingJson.writer().writeValueAsString(d)).isEqualTo(InvoicingJson.writeDocument(d));
        assertThatThrownBy(() -> InvoicingJson.reader().readTree("{\"a\":1,\"a\":2}"))
                .hasMessageContaining("Duplicate field 'a'");
        assertThat(InvoicingJson.reader().readTree("{\"a\":1.50}").get("a").decimalValue())
                .isEqualTo(new BigDecimal("1.50"));
    }
}
