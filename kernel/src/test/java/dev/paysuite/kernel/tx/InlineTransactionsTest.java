package dev.paysuite.kernel.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paysuite.kernel.testing.InlineTransactions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InlineTransactionsTest {

    interface Store {
        @ChangesState
        void save(String value);

        List<String> read();
    }

    static class MemoryStore implements Store {
        final List<String> values = new ArrayList<>();

        @Override
        public void save(String value) {
            values.add(value);
        }

        @Override
        public List<String> read() {
            return values;
        }
    }

    final InlineTransactions tx = new InlineTransactions();
    final MemoryStore memory = new MemoryStore();
    final Store store = tx.guard(Store.class, memory);

    @Test
    void aStateChangeOutsideAStepFailsTheTest() {
        AssertionError e = assertThrows(AssertionError.class, () -> store.save("x"));
        assertEquals("Store.save was called outside a use-case step (Transactions.inTransaction)", e.getMessage());
    }

    @Test
    void insideAStepItGoesThroughAndReadsNeedNoStep() {
        tx.inTransaction(() -> store.save("x"));
        assertEquals(List.of("x"), store.read());
        assertEquals(1, tx.stepsRun());
    }

    @Test
    void nestedStepsJoinTheOuterOne() {
        String value = tx.inTransaction(() -> tx.inTransaction(() -> "inner"));
        assertEquals("inner", value);
        assertEquals(1, tx.stepsRun());
    }

    @Test
    void exceptionsFromThePortPassUnwrapped() {
        Store failing = tx.guard(Store.class, new MemoryStore() {
            @Override
            public void save(String value) {
                throw new IllegalStateException("disk full");
            }
        });
        assertEquals("disk full",
                assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> failing.save("x"))).getMessage());
    }
}
