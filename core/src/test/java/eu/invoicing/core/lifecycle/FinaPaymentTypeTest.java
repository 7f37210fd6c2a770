package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.memory.InMemoryFiscalGateway;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.FinaData;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FINA {@code payment_type} of the finalize body. Reference (credit-notes-api, finalize example):
 * {@code "fina": {"business_premise_name": "PP1", "electronic_device_name": "1", "payment_type": "card"}}; a value
 * FINA has no code for is refused instead of silently becoming {@code O} (other).
 */
class FinaPaymentTypeTest {
    private static KeyPair keys;

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
    }

    private EntityDocuments fina() {
        Invoicing invoicing = Invoicing.builder().clock(Fixtures.clock()).fiscalGateway(new InMemoryFiscalGateway(keys))
                .build();
        Entity hr = new Entity("ent_0000000000000000000000c3", "Primjer d.o.o.", null, null, null, "Zagreb", null,
                "Croatia", "HR", "HR12345678901", null, true, "EUR", "hr-HR", null, null, null, null,
                EntitySettings.builder().fina(new EntitySettings.Fina(true, EntitySettings.FinaNumberingSequence.P))
                        .build());
        return invoicing.entity(hr);
    }

    @Test
    void finalize_unknownFinaPaymentType_isRefusedAndNothingIsNumbered() {
        EntityDocuments docs = fina();
        Document draft = docs.create(Fixtures.draft(DocumentType.INVOICE));
        assertThatThrownBy(() -> docs.finalizeDocument(draft.id(), FinalizeOptions.fina("POSL1", "3", "bitcoin")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.path()).isEqualTo("fina.payment_type");
                            assertThat(v.code()).isEqualTo("invalid_value");
                            assertThat(v.message()).contains("\"bitcoin\"");
                        }));
        assertThat(docs.get(draft.id()).isDraft()).isTrue();
        Document done = docs.finalizeDocument(draft.id(), FinalizeOptions.fina("POSL1", "3", "card"));
        assertThat(done.fina().sequenceNumber()).isEqualTo("1");
    }

    @Test
    void finalize_paymentTypeOther_isCodeO() {
        EntityDocuments docs = fina();
        Document draft = docs.create(Fixtures.draft(DocumentType.INVOICE));
        assertThat(docs.finalizeDocument(draft.id(), FinalizeOptions.fina("POSL1", "3", "other")).fina()
                .paymentMethod()).isEqualTo("O");
    }

    @Test
    void create_finalWithUnknownFinaPaymentType_isRefused() {
        EntityDocuments docs = fina();
        DocumentDraft draft = Fixtures.finalDoc(DocumentType.INVOICE).toBuilder()
                .fina(new FinaData("POSL1", "3", null, null, null, "crypto", null, null, null, null, null)).build();
        assertThatThrownBy(() -> docs.create(draft)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(v -> v.path()).containsExactly("fina.payment_type"));
    }
}
