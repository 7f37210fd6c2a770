package eu.invoicing.core.lifecycle;

import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Shared test data: two entities, a fixed clock, simple drafts. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

    private Fixtures() {
    }

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    static Entity entityA() {
        return Entity.sampleSlovenian();
    }

    static Entity entityB() {
        return new Entity("ent_000000000000000000000002", "Other GmbH", "Hauptstrasse 1", null, "1010", "Wien", null,
                "Austria", "AT", "ATU12345678", null, true, "EUR", "de-AT", null, null, null,
                List.of(new BankAccount("AT611904300234573201", null, null, true)), EntitySettings.defaults());
    }

    static Entity withSettings(Entity e, EntitySettings settings) {
        return e.withSettings(settings);
    }

    static LineItem item(String name, String price) {
        return LineItem.builder().name(name).quantity("1").price(price).tax("22").build();
    }

    static DocumentDraft draft(DocumentType type) {
        return DocumentDraft.builder(type).draft(true).item(item("Consulting", "100")).build();
    }

    static DocumentDraft finalDoc(DocumentType type) {
        return DocumentDraft.builder(type).draft(false).item(item("Consulting", "100")).build();
    }

    static DocumentDraft draftFor(DocumentType type, String customer, String price) {
        return DocumentDraft.builder(type).draft(true).customer(Party.named(customer)).item(item("Item " + customer, price))
                .build();
    }

    static Invoicing invoicing() {
        return Invoicing.builder().clock(clock()).build();
    }
}
