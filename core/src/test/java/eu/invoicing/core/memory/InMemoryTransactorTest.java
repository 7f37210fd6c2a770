package eu.invoicing.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.spi.SequenceKey;
import org.junit.jupiter.api.Test;

class InMemoryTransactorTest {
    private final InMemoryTransactor tx = new InMemoryTransactor();
    private final InMemoryNumberSequencer sequencer = new InMemoryNumberSequencer(tx);
    private final SequenceKey key = new SequenceKey("ent_1", "invoice", 2026);

    @Test
    void inTransaction_whenWorkThrows_givesTheNumberBack() {
        assertThat(tx.inTransaction("ent_1", () -> sequencer.next(key, 1))).isEqualTo(1);
        assertThatThrownBy(() -> tx.inTransaction("ent_1", () -> {
            sequencer.next(key, 1);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(sequencer.peek(key, 1)).isEqualTo(2);
    }

    @Test
    void inTransaction_nested_joinsTheOuterUnitOfWork() {
        assertThatThrownBy(() -> tx.inTransaction("ent_1", () -> {
            tx.inTransaction("ent_1", () -> sequencer.next(key, 1));
            throw new IllegalStateException("outer fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(sequencer.peek(key, 1)).isEqualTo(1);
        assertThat(tx.inUnitOfWork()).isFalse();
    }

    @Test
    void next_floor_movesForwardOnly() {
        assertThat(sequencer.next(key, 10)).isEqualTo(10);
        assertThat(sequencer.next(key, 5)).isEqualTo(11);
        assertThat(sequencer.peek(key, 20)).isEqualTo(20);
    }
}
