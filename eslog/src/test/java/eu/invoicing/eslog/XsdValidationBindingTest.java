package eu.invoicing.eslog;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.eslog.internal.parse.SecureXmlParser;
import eu.invoicing.eslog.internal.xml.EslogInvoice;
import eu.invoicing.eslog.internal.xml.EslogJaxb;
import eu.invoicing.eslog.internal.xml.GSg26;
import eu.invoicing.eslog.internal.xml.MInvoic;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshallerHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The hand-written bindings read the official sample and write back XML the XSD accepts. */
class XsdValidationBindingTest {

    private static EslogInvoice readSample() throws IOException, JAXBException {
        UnmarshallerHandler handler = EslogJaxb.newUnmarshallerHandler();
        var errors = XsdValidation.validate(SharedStandards.schema(),
                new ByteArrayInputStream(Files.readAllBytes(SharedStandards.officialSample())), handler,
                SecureXmlParser.DEFAULT_MAX_TEXT_CHARS);
        assertThat(errors).isEmpty();
        return (EslogInvoice) handler.getResult();
    }

    @Test
    void unmarshal_officialSample_readsEverySegmentWeBind() throws Exception {
        MInvoic m = readSample().message;
        assertThat(m.id).isEqualTo("data");
        assertThat(m.beginning.documentName.documentNameCode).isEqualTo("380");
        assertThat(m.beginning.documentIdentification.documentIdentifier).isEqualTo("TOSL110");
        assertThat(m.dates).hasSize(6);
        assertThat(m.texts).extracting(t -> t.subject)
                .containsExactly("AAB", "REG", "GEN", "DOC", "AAT", "AGM", "PMD", "TXD", "PAI", "ALQ");
        assertThat(m.texts.get(7).literal.text5).isEqualTo("279042272585972554922067893753871413584876543211601021503002");
        assertThat(m.references).hasSize(10);
        assertThat(m.references.get(8).reference.reference.qualifier).isEqualTo("OI");
        assertThat(m.references.get(8).dates.get(0).dateTimePeriod.date).isEqualTo("2013-03-10");
        assertThat(m.parties).extracting(p -> p.nameAndAddress.partyFunction).containsExactly("BY", "SE", "PE", "DP", "LC");
        assertThat(m.parties.get(1).financialInstitutions.get(0).account.accountId).isEqualTo("DK1212341234123412");
        assertThat(m.parties.get(1).financialInstitutions.get(0).institution.bic).isEqualTo("DNBANOKK");
        assertThat(m.currencies).extracting(c -> c.currency.details.usage).containsExactly("2", "6");
        assertThat(m.paymentTerms.get(0).dates.get(0).dateTimePeriod.date).isEqualTo("2013-05-10");
        assertThat(m.allowancesCharges).hasSize(2);
        assertThat(m.lines).hasSize(3);
        GSg26 first = m.lines.get(0);
        assertThat(first.descriptions.get(0).description.text).isEqualTo("Printing paper");
        assertThat(first.quantities.get(0).details.quantity).isEqualTo("1000");
        assertThat(first.allowancesCharges).hasSize(3);
        assertThat(first.taxes.get(0).tax.detail.rate).isEqualTo("25");
        assertThat(m.totals).hasSize(10);
        assertThat(m.taxBreakdown).hasSize(3);
    }

    @Test
    void marshal_readSample_validatesAgainstXsd() throws Exception {
        byte[] xml = EslogJaxb.marshal(readSample());
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("<Invoice xmlns=\"urn:eslog:2.00\">").contains("<M_INVOIC Id=\"data\">");
        assertThat(XsdValidation.validate(SharedStandards.schema(), new ByteArrayInputStream(xml), null,
                SecureXmlParser.DEFAULT_MAX_TEXT_CHARS)).isEmpty();
    }
}
