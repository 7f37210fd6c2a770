package eu.invoicing.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.PartyIdentifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seller and buyer identifiers (EN 16931 BT-29, BT-46) on the wire and in the checks before calculation. */
class PartyIdentifiersJsonTest {

    private static final String DOC = "{\"id\":\"inv_6595a27b5d35015c3ef0c3fe\","
            + "\"issuer\":{\"name\":\"S\",\"identifiers\":[{\"id\":\"5790000436101\",\"scheme\":\"0088\"},{\"id\":\"S-1\"}]},"
            + "\"customer\":{\"name\":\"B\",\"identifiers\":[{\"id\":\"5790000436057\",\"scheme\":\"0088\"}]},"
            + "\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":10,\"taxes\":[{\"rate\":22}]}]}";

    @Test
    void readDocument_identifiers_readIntoIssuerAndCustomerAndWrittenBack() {
        Document d = InvoicingJson.readDocument(DOC);
        assertThat(d.issuer().identifiers()).containsExactly(new PartyIdentifier("5790000436101", "0088"),
                new PartyIdentifier("S-1", null));
        assertThat(d.customer().identifiers()).containsExactly(new PartyIdentifier("5790000436057", "0088"));
        String json = InvoicingJson.writeDocument(d);
        assertThat(json).contains("\"identifiers\":[{\"id\":\"5790000436101\",\"scheme\":\"0088\"},{\"id\":\"S-1\"}]");
        Document back = InvoicingJson.readDocument(json);
        assertThat(back.issuer()).isEqualTo(d.issuer());
        assertThat(back.customer()).isEqualTo(d.customer());
    }

    @Test
    void writeDocument_partyWithoutIdentifiers_writesNoKey() {
        Document d = InvoicingJson.readDocument("{\"id\":\"inv_6595a27b5d35015c3ef0c3fe\",\"customer\":{\"name\":\"B\"},"
                + "\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":1}]}");
        assertThat(d.customer().identifiers()).isEmpty();
        assertThat(InvoicingJson.writeDocument(d)).doesNotContain("identifiers");
    }

    @Test
    void readDocument_identifiersOfTheWrongShape_reportedAtTheirPaths() {
        String bad = "{\"id\":\"inv_6595a27b5d35015c3ef0c3fe\",\"issuer\":{\"identifiers\":{\"id\":\"x\"}},"
                + "\"customer\":{\"identifiers\":[\"x\",{\"id\":1,\"schema\":\"0088\"}]},"
                + "\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":1}]}";
        assertThatThrownBy(() -> InvoicingJson.readDocument(bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code)
                        .containsExactlyInAnyOrder(tuple("issuer.identifiers", "invalid_type"),
                                tuple("customer.identifiers[0]", "invalid_type"),
                                tuple("customer.identifiers[1].id", "invalid_type"),
                                tuple("customer.identifiers[1].schema", "unknown_field")));
    }

    @Test
    void calculate_badIdentifiers_everyOneReportedAtItsPath() {
        Document d = InvoicingJson.readDocument(DOC);
        Document bad = d.toBuilder()
                .issuer(d.issuer().toBuilder().identifiers(Arrays.asList(new PartyIdentifier(" ", "0088"), null,
                        new PartyIdentifier("DE12", "SEPA"))).build())
                .customer(d.customer().toBuilder().identifiers(List.of(new PartyIdentifier("5790000436057", "GLN")))
                        .build()).build();
        assertThatThrownBy(() -> CalculationEngine.withDefaults().calculate(bad, Entity.sampleSlovenian()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code)
                        .containsExactlyInAnyOrder(tuple("issuer.identifiers[0].id", "required"),
                                tuple("issuer.identifiers[1]", "required"),
                                tuple("issuer.identifiers[2].scheme", "invalid_value"),
                                tuple("customer.identifiers[0].scheme", "invalid_value")));
    }

    @Test
    void calculate_goodIdentifiers_keptOnTheCalculatedDocument() {
        Document d = InvoicingJson.readDocument(DOC);
        Document calc = CalculationEngine.withDefaults().calculate(d, Entity.sampleSlovenian());
        assertThat(calc.issuer().identifiers()).isEqualTo(d.issuer().identifiers());
        assertThat(calc.customer().identifiers()).isEqualTo(d.customer().identifiers());
    }

    @Test
    void readEntity_identifiers_readWrittenAndSnapshottedIntoTheIssuer() {
        Entity e = InvoicingJson.readEntity("{\"id\":\"ent_1\",\"name\":\"A\",\"identifiers\":"
                + "[{\"id\":\"5790000436101\",\"scheme\":\"0088\"}]}");
        assertThat(e.identifiers()).containsExactly(new PartyIdentifier("5790000436101", "0088"));
        assertThat(e.asIssuer().identifiers()).isEqualTo(e.identifiers());
        assertThat(InvoicingJson.writeEntity(e)).contains("\"identifiers\":[{\"id\":\"5790000436101\",\"scheme\":\"0088\"}]");
        assertThat(InvoicingJson.readEntity(InvoicingJson.writeEntity(e))).isEqualTo(e);
        assertThat(e.toBuilder().build()).isEqualTo(e);
    }

    @Test
    void readEntity_badIdentifierAfterOneThatIsNoObject_reportedAtItsOwnIndex() {
        assertThatThrownBy(() -> InvoicingJson.readEntity("{\"name\":\"A\",\"identifiers\":"
                + "[5,{\"id\":\"\",\"scheme\":\"0088\"},{\"id\":\"x\",\"scheme\":\"88\"}]}"))
                .isInstanceOfSatisfying(ValidationException.class, ex -> assertThat(ex.violations())
                        .extracting(Violation::path, Violation::code)
                        .containsExactlyInAnyOrder(tuple("identifiers[0]", "invalid_type"),
                                tuple("identifiers[1].id", "required"), tuple("identifiers[2].scheme", "invalid_value")));
    }

    @Test
    void entityBuilder_nullIdentifier_isAValidationErrorNotAnNpe() {
        assertThatThrownBy(() -> Entity.builder().id("ent_1").name("A")
                .identifiers(Arrays.asList((PartyIdentifier) null)).build())
                .isInstanceOfSatisfying(ValidationException.class, ex -> assertThat(ex.violations())
                        .extracting(Violation::path).containsExactly("identifiers[0]"));
    }
}
