package eu.invoicing.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueGroupsTest {
    @Test
    void of_everyComponentAbsent_isTheSharedEmptyValue() {
        assertThat(Totals.of(null, null, null, null, null)).isSameAs(Totals.EMPTY);
        assertThat(Conversion.of(null, null, null)).isSameAs(Conversion.EMPTY);
        assertThat(Stamps.of(null, null, null, null, null, null)).isSameAs(Stamps.EMPTY);
        assertThat(FiscalRecord.of(null, null, null, null, null)).isSameAs(FiscalRecord.EMPTY);
        assertThat(Totals.EMPTY.taxes()).isEmpty();
    }

    @Test
    void document_groupAccessors_holdTheFlatValues() {
        Document d = Document.builder(DocumentType.INVOICE).total(new BigDecimal("10.00"))
                .totalWithTax(new BigDecimal("12.20")).createdAt(Instant.EPOCH).build();
        assertThat(d.totals().total()).isSameAs(d.total());
        assertThat(d.totals().totalWithTax()).isSameAs(d.totalWithTax());
        assertThat(d.stamps().createdAt()).isEqualTo(Instant.EPOCH);
        assertThat(d.conversion()).isSameAs(Conversion.EMPTY);
        assertThat(d.fiscalRecord()).isSameAs(FiscalRecord.EMPTY);
    }

    @Test
    void builder_groupSetter_setsEveryFlatValue() {
        Totals t = new Totals(BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO, List.of(), null);
        Document d = Document.builder(DocumentType.INVOICE).totals(t).build();
        assertThat(d.totals()).isEqualTo(t);
        assertThat(d.totalWithTax()).isEqualTo(BigDecimal.TEN);
        assertThat(d.toBuilder().build()).isEqualTo(d);
        assertThat(Document.builder(DocumentType.INVOICE).totals(t).totals(Totals.EMPTY).build().total()).isNull();
    }

    @Test
    void paymentSummaryOf_everyComponentAbsent_isTheSharedEmptyValue() {
        assertThat(PaymentSummary.of(null, null, null)).isSameAs(PaymentSummary.EMPTY);
        assertThat(PaymentSummary.EMPTY.isEmpty()).isTrue();
        assertThat(Document.builder(DocumentType.ESTIMATE).build().paymentSummary()).isSameAs(PaymentSummary.EMPTY);
    }

    @Test
    void paymentSummary_documentHoldsTheFlatValues_andTheGroupSetterSetsThemAll() {
        PaymentSummary state = new PaymentSummary(new BigDecimal("4.00"), new BigDecimal("8.20"), Boolean.FALSE);
        Document d = Document.builder(DocumentType.INVOICE).paymentSummary(state).build();
        assertThat(d.paymentSummary()).isEqualTo(state);
        assertThat(d.totalPaid()).isSameAs(state.totalPaid());
        assertThat(d.totalDue()).isSameAs(state.totalDue());
        assertThat(d.paidInFull()).isFalse();
        assertThat(d.toBuilder().build()).isEqualTo(d);
        assertThat(d.toBuilder().paymentSummary(PaymentSummary.EMPTY).build().totalPaid()).isNull();
        assertThat(Document.builder(DocumentType.INVOICE).totalPaid(BigDecimal.ONE).build().paymentSummary())
                .isEqualTo(new PaymentSummary(BigDecimal.ONE, null, null));
    }

    @Test
    void paymentSummaryIsPartlyPaid_somethingPaidButDue_isTrueOtherwiseFalse() {
        assertThat(new PaymentSummary(BigDecimal.ONE, BigDecimal.TEN, false).isPartlyPaid()).isTrue();
        assertThat(new PaymentSummary(BigDecimal.ZERO, BigDecimal.TEN, false).isPartlyPaid()).isFalse();
        assertThat(new PaymentSummary(BigDecimal.TEN, BigDecimal.ZERO, true).isPartlyPaid()).isFalse();
        assertThat(PaymentSummary.EMPTY.isPartlyPaid()).isFalse();
    }

    @Test
    void relations_documentHoldsTheList_andQueriesIt() {
        DocumentId invoice = DocumentId.parse("inv_6595a27b5d35015c3ef0c3fe");
        DocumentId delivery = DocumentId.parse("del_6595a27b5d35015c3ef0c3fe");
        DocumentRelation credit = new DocumentRelation(RelationType.CREDIT_FOR, invoice, DocumentType.INVOICE, "1",
                Instant.EPOCH);
        DocumentRelation delivered = new DocumentRelation(RelationType.DELIVERED_FOR, delivery,
                DocumentType.DELIVERY_NOTE, null, Instant.EPOCH);
        Document d = Document.builder(DocumentType.CREDIT_NOTE).documentRelations(List.of(credit, delivered)).build();
        assertThat(d.relations().documentRelations()).isSameAs(d.documentRelations()).containsExactly(credit, delivered);
        assertThat(d.relations().ofType(RelationType.CREDIT_FOR)).containsExactly(credit);
        assertThat(d.relations().to(delivery)).contains(delivered);
        assertThat(d.relations().to(DocumentId.parse("est_6595a27b5d35015c3ef0c3fe"))).isEmpty();
        assertThat(d.toBuilder().relations(Relations.EMPTY).build().documentRelations()).isEmpty();
        assertThat(d.toBuilder().relations(d.relations()).build()).isEqualTo(d);
    }

    @Test
    void relationsOf_emptyOrNull_isTheSharedEmptyValue() {
        assertThat(Relations.of(null)).isSameAs(Relations.EMPTY);
        assertThat(Relations.of(List.of())).isSameAs(Relations.EMPTY);
        assertThat(new Relations(null).documentRelations()).isEmpty();
        assertThat(Document.builder(DocumentType.INVOICE).build().relations()).isSameAs(Relations.EMPTY);
    }
}
