package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.spi.Customer;
import eu.invoicing.core.spi.CustomerDirectory;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Customers as a part of the library. Reference (advance-invoices-api / estimates-api, create): "If customer_id is
 * provided with save_customer=true, the existing customer will be updated. If only customer is provided, the
 * system checks for duplicates by tax_number or name." and "customer_id: Referenced Customer ID."
 */
class CustomersTest {
    private final Invoicing invoicing = Fixtures.invoicing();
    private final EntityDocuments docs = invoicing.entity(Fixtures.entityA());
    private final EntityCustomers customers = docs.customers();

    private static DocumentRequest saving(DocumentDraft draft) {
        return new DocumentRequest(draft, null, List.of(), true);
    }

    @Test
    void create_getListUpdateSearch_roundTripWithinTheEntity() {
        Customer acme = customers.create(Party.builder().name("Acme d.o.o.").taxNumber("SI11111111").city("Koper")
                .build());
        Customer beta = customers.create(Party.builder().name("Beta GmbH").city("Wien").build());
        assertThat(acme.id()).startsWith("cus_");
        assertThat(customers.get(acme.id())).isEqualTo(acme);
        assertThat(customers.list(0, 10)).containsExactly(acme, beta);
        assertThat(customers.list(1, 10)).containsExactly(beta);
        assertThat(customers.search("koper", 0, 10)).containsExactly(acme);
        assertThat(customers.search("si1111", 0, 10)).containsExactly(acme);
        Customer moved = customers.update(beta.id(), beta.details().toBuilder().city("Graz").build());
        assertThat(customers.get(beta.id()).details().city()).isEqualTo("Graz");
        assertThat(moved.id()).isEqualTo(beta.id());
        EntityCustomers other = invoicing.entity(Fixtures.entityB()).customers();
        assertThat(other.list(0, 10)).isEmpty();
        assertThatThrownBy(() -> other.get(acme.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.update(acme.id(), Party.named("Hijack"))).isInstanceOf(NotFoundException.class);
        assertThat(customers.get(acme.id()).details().name()).isEqualTo("Acme d.o.o.");
    }

    @Test
    void create_withoutName_isRefused() {
        assertThatThrownBy(() -> customers.create(Party.builder().city("Koper").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.path() + ":" + v.code()).containsExactly("name:required"));
    }

    @Test
    void createDocument_customerIdOfStoredCustomer_resolvesItsSnapshot() {
        Customer acme = customers.create(Party.builder().name("Acme d.o.o.").city("Koper").build());
        Document d = docs.create(DocumentDraft.builder(DocumentType.INVOICE).customerId(acme.id())
                .item(Fixtures.item("x", "10")).build());
        assertThat(d.customerId()).isEqualTo(acme.id());
        assertThat(d.customer().city()).isEqualTo("Koper");
    }

    @Test
    void createDocument_saveCustomerWithNewInlineCustomer_insertsItAndRefersToIt() {
        Document d = docs.create(saving(Fixtures.draftFor(DocumentType.INVOICE, "Gamma s.p.", "10")));
        assertThat(d.customerId()).startsWith("cus_");
        assertThat(customers.get(d.customerId()).details().name()).isEqualTo("Gamma s.p.");
        Document again = docs.create(saving(Fixtures.draftFor(DocumentType.ESTIMATE, "Gamma s.p.", "20")));
        assertThat(again.customerId()).isEqualTo(d.customerId());
        assertThat(customers.list(0, 10)).hasSize(1);
    }

    @Test
    void createDocument_saveCustomerMatchingByTaxNumber_updatesTheExistingCustomer() {
        Customer acme = customers.create(Party.builder().name("Acme").taxNumber("SI 1111 1111").build());
        Document d = docs.create(saving(DocumentDraft.builder(DocumentType.INVOICE).customer(Party.builder()
                .name("Acme d.o.o.").taxNumber("SI11111111").city("Koper").build()).item(Fixtures.item("x", "1"))
                .build()));
        assertThat(d.customerId()).isEqualTo(acme.id());
        assertThat(customers.get(acme.id()).details().city()).isEqualTo("Koper");
        assertThat(customers.list(0, 10)).hasSize(1);
    }

    @Test
    void createDocument_saveCustomerWithCustomerId_updatesThatCustomer() {
        Customer acme = customers.create(Party.named("Acme"));
        docs.create(saving(DocumentDraft.builder(DocumentType.INVOICE).customerId(acme.id())
                .customer(Party.builder().name("Acme").email("billing@acme.example").build())
                .item(Fixtures.item("x", "1")).build()));
        assertThat(customers.get(acme.id()).details().email()).isEqualTo("billing@acme.example");
    }

    @Test
    void createDocument_withoutSaveCustomer_leavesTheDirectoryAlone() {
        docs.create(Fixtures.draftFor(DocumentType.INVOICE, "Walk-in", "10"));
        assertThat(customers.list(0, 10)).isEmpty();
    }

    @Test
    void createDocument_saveCustomerWhoseDocumentFailsToStore_savesNoCustomer() {
        WriteFailingStore.World w = new WriteFailingStore.World();
        EntityDocuments failing = w.invoicing.entity(Fixtures.entityA());
        w.store.failWrite(1);
        assertThatThrownBy(() -> failing.create(saving(Fixtures.draftFor(DocumentType.INVOICE, "Delta", "10"))))
                .isInstanceOf(eu.invoicing.core.SpiException.class);
        assertThat(failing.customers().list(0, 10)).isEmpty();
    }

    @Test
    void saveCustomer_withReadOnlyDirectory_isRefusedBeforeAnythingIsWritten() {
        CustomerDirectory readOnly = new CustomerDirectory() {
            @Override
            public Optional<Customer> find(String entityId, String customerId) {
                return Optional.empty();
            }

            @Override
            public Optional<Customer> findByTaxNumber(String entityId, String taxNumber) {
                return Optional.empty();
            }

            @Override
            public Optional<Customer> findByName(String entityId, String name) {
                return Optional.empty();
            }
        };
        EntityDocuments ro = Invoicing.builder().clock(Fixtures.clock()).customers(readOnly).build()
                .entity(Fixtures.entityA());
        assertThatThrownBy(() -> ro.create(saving(Fixtures.draftFor(DocumentType.INVOICE, "Delta", "10"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.code()).containsExactly("read_only_directory"));
        assertThatThrownBy(() -> ro.customers().create(Party.named("Delta"))).isInstanceOf(InvoicingException.class);
    }
}
