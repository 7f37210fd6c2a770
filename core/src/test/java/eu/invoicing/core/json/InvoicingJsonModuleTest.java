package eu.invoicing.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
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
}
