package eu.invoicing.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** {@link Payment#builder()}: a bank transfer by default, every missing value at once. */
class PaymentBuilderTest {
    @Test
    void build_amountOnly_isALiveBankTransfer() {
        Payment p = Payment.builder().amount("100.00").build();
        assertThat(p.amount()).isEqualByComparingTo("100.00");
        assertThat(p.type()).isEqualTo(PaymentType.BANK_TRANSFER);
        assertThat(p.isLive()).isTrue();
    }

    @Test
    void build_everyValue_isTheSameAsTheCanonicalConstructor() {
        Instant t = Instant.parse("2026-03-15T10:00:00Z");
        LocalDate day = LocalDate.parse("2026-03-14");
        Payment built = Payment.builder().id("pay_1").documentId(DocumentId.parse("inv_1")).amount(new BigDecimal("12.30"))
                .type(PaymentType.CREDIT_NOTE).date(day).reference("SI00 1").note("n").sourceDocumentId(DocumentId.parse("cre_1"))
                .createdAt(t).deletedAt(t).build();
        assertThat(built).isEqualTo(new Payment("pay_1", DocumentId.parse("inv_1"), new BigDecimal("12.30"), PaymentType.CREDIT_NOTE,
                day, "SI00 1", "n", DocumentId.parse("cre_1"), t, t));
    }

    @Test
    void build_withoutAmountOrType_reportsBoth() {
        assertThatThrownBy(() -> Payment.builder().type(null).build()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::path, Violation::code)
                        .containsExactly(tuple("amount", "required"), tuple("type", "required")));
    }

    @Test
    void toBuilder_build_isEqualAndLeavesTheOriginalUnaffected() {
        Payment original = Payment.builder().amount("5").type(PaymentType.CASH).note("a").build();
        assertThat(original.toBuilder().build()).isEqualTo(original);
        Payment changed = original.toBuilder().note("b").build();
        assertThat(changed.note()).isEqualTo("b");
        assertThat(original.note()).isEqualTo("a");
    }

    @Test
    void deleted_setsOnlyTheDeletionTime() {
        Payment original = Payment.builder().amount("5").build();
        Instant t = Instant.parse("2026-03-15T10:00:00Z");
        assertThat(original.deleted(t)).isEqualTo(original.toBuilder().deletedAt(t).build());
        assertThat(original.isLive()).isTrue();
    }
}
