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
}
