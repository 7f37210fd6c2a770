package eu.invoicing.eslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.PartyIdentifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seller and buyer identifiers (EN 16931 BT-29 / BT-46) in e-SLOG: {@code NAD SE} / {@code NAD BY}
 * {@code C_C082} with the id in {@code D_3039} and the scheme in {@code D_1131}, as the official sample has them.
 */
class EslogPartyIdentifierTest {
    private final EslogSerializer serializer = new EslogSerializer();
    private final EslogReader reader = new EslogReader();

    private static Document withIdentifiers(List<PartyIdentifier> seller, List<PartyIdentifier> buyer) {
        Document d = TestCorpus.domesticInvoice();
        return d.toBuilder().issuer(d.issuer().toBuilder().identifiers(seller).build())
                .customer(d.customer().toBuilder().identifiers(buyer).build()).build();
    }

    @Test
    void toXml_identifiers_inTheNadOfTheirParty_xsdValid_andReadBack() {
        Document d = withIdentifiers(List.of(new PartyIdentifier("3830001234567", "0088")),
                List.of(new PartyIdentifier("KUPEC-7", null)));
        byte[] xml = serializer.toBytes(d, TestCorpus.context());
        assertThat(EslogSerializerTest.xsd(xml)).isEmpty();
        String s = new String(xml, StandardCharsets.UTF_8).replaceAll(">\\s+<", "><");
        assertThat(s).contains("<D_3035>SE</D_3035><C_C082><D_3039>3830001234567</D_3039><D_1131>0088</D_1131></C_C082>",
                "<D_3035>BY</D_3035><C_C082><D_3039>KUPEC-7</D_3039></C_C082>");
        Document back = reader.read(xml).document();
        assertThat(back.issuer().identifiers()).isEqualTo(d.issuer().identifiers());
        assertThat(back.customer().identifiers()).isEqualTo(d.customer().identifiers());
    }

    @Test
    void toXml_twoSellerIdentifiers_refusedAsANadHasOne() {
        Document d = withIdentifiers(List.of(new PartyIdentifier("3830001234567", "0088"),
                new PartyIdentifier("SUP-1", null)), List.of());
        assertThatThrownBy(() -> serializer.toBytes(d, TestCorpus.context()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("issuer.identifiers"));
    }

    @Test
    void read_officialSample_sellerAndBuyerGlnsCarried() throws IOException {
        Document d = reader.read(Files.readAllBytes(SharedStandards.officialSample())).document();
        assertThat(d.issuer().identifiers()).containsExactly(new PartyIdentifier("5790000434101", "0088"));
        assertThat(d.customer().identifiers()).containsExactly(new PartyIdentifier("5790000436057", "0088"));
    }
}
