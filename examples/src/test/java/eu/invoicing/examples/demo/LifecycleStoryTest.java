package eu.invoicing.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.PaymentType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleStoryTest {
    @Test
    void run_tellsTheWholeStoryAndReturnsTheDocuments() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Invoicing invoicing = Invoicing.builder()
                .clock(Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC)).build();
        Map<String, Document> made = LifecycleStory.run(invoicing, Entity.sampleSlovenian(),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(made).containsKeys("estimate", "advance_invoice", "invoice", "voided_invoice", "credited_invoice",
                "credit_note");
        assertThat(made.get("invoice").number()).isEqualTo("2026-00001");
        assertThat(made.get("voided_invoice").isVoided()).isTrue();
        assertThat(made.get("invoice").payments()).extracting(p -> p.type()).containsExactly(PaymentType.ADVANCE);
        assertThat(made.get("credited_invoice").payments()).extracting(p -> p.type())
                .containsExactly(PaymentType.CREDIT_NOTE);
        assertThat(text).contains("2 versions", "VOIDED", "2026-00003", "Next invoice number would be 2026-00004");
    }
}
