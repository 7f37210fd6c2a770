package eu.invoicing.examples.demo;

import eu.invoicing.core.lifecycle.DocumentPatch;
import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.PaymentType;
import eu.invoicing.core.version.DocumentVersion;
import eu.invoicing.core.version.User;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A lifecycle story for the demo: drafts are finalized and numbered, one invoice is updated twice (two
 * versions), one is voided, a credit note is applied to an invoice, a paid advance invoice is applied to a
 * final invoice, and every number is printed.
 *
 * <p>Stateless; each call works on the given instance and entity only.
 */
public final class LifecycleStory {
    /** The story's customers: complete, with valid tax numbers, so that every document is valid e-SLOG too. */
    private static final Party ACME = Party.builder().name("Acme d.o.o.").address("Trubarjeva cesta 5").postCode("1000")
            .city("Ljubljana").countryCode("SI").country("Slovenija").taxNumber("SI12345679").build();
    private static final Party BETA = Party.builder().name("Beta GmbH").address("Leopoldstraße 20").postCode("80802")
            .city("München").countryCode("DE").country("Deutschland").taxNumber("DE123456788").build();

    private LifecycleStory() {
    }

    /**
     * Tells the story.
     *
     * @param invoicing the instance to use (e.g. {@link Invoicing#inMemory()}), not null
     * @param entity the issuing entity, not null
     * @param out where the story is printed, not null
     * @return the documents it made, by name, in the order made (final states)
     */
    public static Map<String, Document> run(Invoicing invoicing, Entity entity, PrintStream out) {
        Objects.requireNonNull(out, "out");
        EntityDocuments docs = invoicing.entity(Objects.requireNonNull(entity, "entity"))
                .as(new User("usr_demo", "Demo User", "demo@example.com"));
        Map<String, Document> made = new LinkedHashMap<>();
        out.printf("Lifecycle of %s's documents%n", entity.name());

        Document estimate = docs.create(draft(DocumentType.ESTIMATE, ACME, "Website redesign", "2400"));
        estimate = docs.finalizeDocument(estimate.id());
        line(out, "estimate finalized", estimate);
        Document advance = docs.convert(estimate.id(), DocumentType.ADVANCE_INVOICE, false);
        line(out, "advance invoice from the estimate", advance);
        advance = docs.addPayment(advance.id(), payment(advance.totalWithTax(), PaymentType.BANK_TRANSFER));
        line(out, "advance invoice paid", advance);

        Document invoice = docs.convert(estimate.id(), DocumentType.INVOICE, true);
        invoice = docs.update(invoice.id(), DocumentPatch.builder().note("Milestone 1 of 2")
                .changeReason("note for the customer").build());
        invoice = docs.update(invoice.id(), DocumentPatch.builder().items(List.of(
                item("Website redesign", "2400"), item("Hosting, 12 months", "240"))).changeReason("hosting added")
                .build());
        List<DocumentVersion> versions = docs.versions(invoice.id()).versions();
        out.printf("  invoice draft updated twice: %d versions (%s)%n", versions.size(),
                String.join("; ", versions.stream().map(v -> "v" + v.version() + " " + v.reason() + " "
                        + v.changedFields()).toList()));
        invoice = docs.finalizeDocument(invoice.id());
        line(out, "invoice finalized", invoice);
        invoice = docs.applyAdvance(advance.id(), invoice.id());
        line(out, "advance applied to the invoice", invoice);

        Document mistaken = docs.create(draft(DocumentType.INVOICE, ACME, "Duplicate by mistake", "100"));
        mistaken = docs.finalizeDocument(mistaken.id());
        line(out, "second invoice finalized", mistaken);
        mistaken = docs.voidDocument(mistaken.id(), "duplicate", Boolean.FALSE);
        line(out, "second invoice voided (number kept)", mistaken);

        Document third = docs.create(draft(DocumentType.INVOICE, BETA, "Support, March", "500"));
        third = docs.finalizeDocument(third.id());
        line(out, "third invoice finalized", third);
        Document credit = docs.createCreditNote(third.id(), List.of(item("Support, March (refund)", "200")), false);
        line(out, "credit note for the third invoice", credit);
        third = docs.get(third.id());
        line(out, "third invoice after the credit note", third);

        made.put("estimate", docs.get(estimate.id()));
        made.put("advance_invoice", docs.get(advance.id()));
        made.put("invoice", docs.get(invoice.id()));
        made.put("voided_invoice", mistaken);
        made.put("credited_invoice", third);
        made.put("credit_note", docs.get(credit.id()));
        out.printf("Next invoice number would be %s%n",
                docs.nextNumber(DocumentType.INVOICE, null, null, null).number());
        out.flush();
        return made;
    }

    private static void line(PrintStream out, String what, Document d) {
        out.printf("  %-38s %-16s %-12s total %10s %s", what, d.type().name().toLowerCase(java.util.Locale.ROOT),
                d.number() == null ? "(draft)" : d.number(), d.totalWithTax().toPlainString(), d.currencyCode());
        if (d.totalDue() != null) {
            out.printf(", due %s", d.totalDue().toPlainString());
        }
        out.println(d.isVoided() ? ", VOIDED" : "");
    }

    private static DocumentDraft draft(DocumentType type, Party customer, String itemName, String price) {
        return DocumentDraft.builder(type).draft(true).customer(customer).item(item(itemName, price)).build();
    }

    private static LineItem item(String name, String price) {
        return LineItem.builder().name(name).quantity("1").price(price).unit("kos").tax("22").build();
    }

    private static Payment payment(BigDecimal amount, PaymentType type) {
        return Payment.builder().amount(amount).type(type).build();
    }
}
