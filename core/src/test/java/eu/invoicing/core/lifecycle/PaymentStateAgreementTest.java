package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle (payments added, deleted, applied, reversed, voids) and the calculation engine give the same
 * payment state for the same payments: recalculating a stored document changes none of
 * {@code total_paid}, {@code total_due}, {@code paid_in_full}.
 */
class PaymentStateAgreementTest {
    private final EntityDocuments docs = Fixtures.invoicing().entity(Fixtures.entityA());
    private final CalculationEngine engine = CalculationEngine.withDefaults();

    private static List<Object> state(Document d) {
        return Arrays.asList(d.totalPaid(), d.totalDue(), d.paidInFull());
    }

    private void assertEngineAgrees(Document stored) {
        Document recalculated = engine.calculate(stored, Fixtures.entityA());
        assertThat(state(recalculated)).as("payment state of %s", stored.id()).isEqualTo(state(stored));
    }

    @Test
    void paymentState_afterEveryLifecycleStep_equalsTheEngines() {
        List<Document> seen = new ArrayList<>();
        Document inv = docs.create(DocumentDraft.builder(DocumentType.INVOICE).draft(false)
                .item(Fixtures.item("Project", "300")).build());
        seen.add(inv);
        seen.add(docs.addPayment(inv.id(), LifecycleRulesTest.payment("50.00")));
        Document withSecond = docs.addPayment(inv.id(), LifecycleRulesTest.payment("30.5"));
        seen.add(withSecond);
        seen.add(docs.deletePayment(inv.id(), withSecond.payments().get(1).id()));

        Document adv = docs.create(Fixtures.finalDoc(DocumentType.ADVANCE_INVOICE));
        seen.add(docs.addPayment(adv.id(), LifecycleRulesTest.payment("122.00")));
        seen.add(docs.applyAdvance(adv.id(), inv.id()));

        Document cn = docs.createCreditNote(inv.id(), List.of(Fixtures.item("Partial", "50")), false);
        seen.add(cn);
        seen.add(docs.get(inv.id()));
        // Overpaid: total_due goes negative and paid_in_full is true.
        Document overpaid = docs.addPayment(inv.id(), LifecycleRulesTest.payment("400"));
        assertThat(overpaid.totalDue().signum()).isNegative();
        assertThat(overpaid.paidInFull()).isTrue();
        seen.add(overpaid);

        seen.add(docs.voidDocument(cn.id(), "wrong", null));
        seen.add(docs.get(inv.id()));
        seen.add(docs.voidDocument(adv.id(), null, null));
        seen.add(docs.get(inv.id()));
        seen.add(docs.voidDocument(inv.id(), null, null));

        assertThat(seen.get(seen.size() - 1).payments()).isNotEmpty().noneMatch(p -> p.isLive());
        for (Document d : seen) {
            assertEngineAgrees(d);
        }
    }

    @Test
    void paymentState_ofNonPayableKinds_isNullInBoth() {
        Document est = docs.create(Fixtures.finalDoc(DocumentType.ESTIMATE));
        assertThat(state(est)).containsOnlyNulls();
        assertEngineAgrees(est);
    }
}
