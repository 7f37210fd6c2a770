package eu.invoicing.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.spi.StoredTax;
import eu.invoicing.postgres.testing.PostgresServer;
import java.math.BigDecimal;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stored taxes on PostgreSQL, through the library as a host uses them and through the SPI: ids resolve on
 * document lines, order of first save, replace in place, scale kept, entity isolation, and a save undone with its
 * unit of work.
 */
class PostgresTaxStoreTest {
    private static PostgresInvoicing pg;

    @BeforeAll
    static void migrate() {
        pg = PostgresInvoicing.builder(PostgresServer.dataSource()).schema(PostgresServer.freshSchema()).build();
    }

    private static Entity newEntity() {
        StringBuilder id = new StringBuilder("ent_");
        for (int i = 0; i < 24; i++) {
            id.append(Character.forDigit(ThreadLocalRandom.current().nextInt(16), 16));
        }
        return Entity.sampleSlovenian().toBuilder().id(id.toString()).build();
    }

    @Test
    void create_lineByTaxId_takesTheStoredRateFromTheDatabase() {
        EntityDocuments docs = pg.invoicing().entity(newEntity());
        StoredTax ddv = docs.taxes().create("DDV 9,5 %", new BigDecimal("9.50"), StoredTax.Category.REDUCED, false);
        Document d = docs.create(InvoicingJson.readRequest("{\"items\":[{\"name\":\"Consulting\",\"quantity\":2,"
                + "\"price\":100,\"taxes\":[{\"tax_id\":\"" + ddv.id() + "\"}]}]}", DocumentType.INVOICE));
        assertThat(d.items().get(0).taxes().get(0).rate()).isEqualByComparingTo("9.5");
        assertThat(d.totalWithTax()).isEqualByComparingTo("219.00");
        assertThat(pg.taxes().find(docs.entity().id(), ddv.id()).orElseThrow().rate()).isEqualTo(new BigDecimal("9.50"));
    }

    @Test
    void list_orderOfFirstSave_updateReplacesInPlace() {
        EntityDocuments docs = pg.invoicing().entity(newEntity());
        StoredTax a = docs.taxes().create("A", new BigDecimal("22"), StoredTax.Category.STANDARD, false);
        StoredTax b = docs.taxes().create("B", new BigDecimal("0"), StoredTax.Category.EXEMPT, false);
        StoredTax c = docs.taxes().create("C", new BigDecimal("22"), StoredTax.Category.STANDARD, true);
        docs.taxes().update(a.id(), "A2", new BigDecimal("9.5"), StoredTax.Category.REDUCED, false);
        assertThat(docs.taxes().list()).extracting(StoredTax::id).containsExactly(a.id(), b.id(), c.id());
        StoredTax changed = docs.taxes().get(a.id());
        assertThat(changed.name()).isEqualTo("A2");
        assertThat(changed.category()).isEqualTo(StoredTax.Category.REDUCED);
        assertThat(docs.taxes().get(c.id()).reverseCharge()).isTrue();
        assertThat(docs.taxes().get(b.id())).isEqualTo(b);
    }

    @Test
    void isolation_anotherEntitysTax_neverFoundListedOrResolved() {
        EntityDocuments mine = pg.invoicing().entity(newEntity());
        EntityDocuments theirs = pg.invoicing().entity(newEntity());
        StoredTax foreign = theirs.taxes().create("USt 20 %", new BigDecimal("20"), StoredTax.Category.STANDARD, false);
        assertThat(pg.taxes().find(mine.entity().id(), foreign.id())).isEmpty();
        assertThat(mine.taxes().list()).isEmpty();
        assertThatThrownBy(() -> mine.taxes().get(foreign.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> mine.create(InvoicingJson.readRequest("{\"items\":[{\"name\":\"A\",\"quantity\":1,"
                + "\"price\":10,\"taxes\":[{\"tax_id\":\"" + foreign.id() + "\"}]}]}", DocumentType.INVOICE)))
                .isInstanceOf(ValidationException.class);
        assertThat(theirs.taxes().list()).containsExactly(foreign);
    }

    @Test
    void save_unitOfWorkFails_taxNotStored() {
        Entity e = newEntity();
        StoredTax t = new StoredTax("tax_" + "0".repeat(23) + "1", e.id(), "DDV", new BigDecimal("22"),
                StoredTax.Category.STANDARD, false);
        assertThatThrownBy(() -> pg.transactor().inTransaction(e.id(), () -> {
            pg.taxes().save(t);
            throw new IllegalStateException("fails after the save");
        })).isInstanceOf(IllegalStateException.class).hasMessage("fails after the save");
        assertThat(pg.taxes().find(e.id(), t.id())).isEmpty();
        assertThat(pg.taxes().list(e.id())).isEmpty();
    }
}
