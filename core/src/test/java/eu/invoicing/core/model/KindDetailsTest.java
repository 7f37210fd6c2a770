package eu.invoicing.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The fields of one kind live on that kind, as its {@link KindDetails}. */
class KindDetailsTest {
    private static final LocalDate TILL = LocalDate.of(2026, 2, 1);

    @Test
    void of_everyComponentAbsent_isTheSharedEmptyValue() {
        assertThat(EstimateDetails.of(null, null)).isSameAs(EstimateDetails.EMPTY);
        assertThat(DeliveryNoteDetails.of(null)).isSameAs(DeliveryNoteDetails.EMPTY);
        assertThat(EstimateDetails.EMPTY.isEmpty()).isTrue();
        assertThat(KindDetails.NONE.isEmpty()).isTrue();
        assertThat(new EstimateDetails(TILL, null).isEmpty()).isFalse();
    }

    @Test
    void kindDetails_eachKind_holdsItsOwnFields() {
        Estimate est = (Estimate) Document.builder(DocumentType.ESTIMATE).dateValidTill(TILL)
                .titleType(TitleType.PROFORMA_INVOICE).build();
        assertThat(est.details()).isEqualTo(new EstimateDetails(TILL, TitleType.PROFORMA_INVOICE));
        assertThat(est.kindDetails()).isSameAs(est.details());
        assertThat(est.dateValidTill()).isEqualTo(TILL);
        DeliveryNote del = (DeliveryNote) Document.builder(DocumentType.DELIVERY_NOTE).hidePrices(true).build();
        assertThat(del.kindDetails()).isEqualTo(new DeliveryNoteDetails(true));
        for (DocumentType t : new DocumentType[] {DocumentType.INVOICE, DocumentType.CREDIT_NOTE,
            DocumentType.ADVANCE_INVOICE}) {
            assertThat(Document.builder(t).build().kindDetails()).isSameAs(KindDetails.NONE);
        }
    }

    @Test
    void build_fieldsOfAnotherKind_areNotHeld() {
        Document invoice = Document.builder(DocumentType.INVOICE).dateValidTill(TILL).hidePrices(true).build();
        assertThat(invoice.kindDetails()).isSameAs(KindDetails.NONE);
        assertThat(invoice).isEqualTo(Document.builder(DocumentType.INVOICE).build());
        Document estimate = Document.builder(DocumentType.ESTIMATE).hidePrices(true).build();
        assertThat(estimate.kindDetails()).isSameAs(EstimateDetails.EMPTY);
    }

    @Test
    void builderKindDetails_setsTheFlatValues_andToBuilderKeepsThem() {
        EstimateDetails details = new EstimateDetails(TILL, TitleType.ESTIMATE);
        Document.Builder b = Document.builder(DocumentType.ESTIMATE).kindDetails(details);
        assertThat(b.dateValidTill()).isEqualTo(TILL);
        assertThat(b.titleType()).isEqualTo(TitleType.ESTIMATE);
        Document est = b.build();
        assertThat(est.toBuilder().build()).isEqualTo(est);
        assertThat(est.toBuilder().dateValidTill(null).build()).isNotEqualTo(est);
        assertThat(Document.builder(DocumentType.DELIVERY_NOTE).kindDetails(new DeliveryNoteDetails(false)).build()
                .kindDetails()).isEqualTo(new DeliveryNoteDetails(false));
        assertThat(Document.builder(DocumentType.INVOICE).kindDetails(KindDetails.NONE).build().kindDetails())
                .isSameAs(KindDetails.NONE);
    }
}
