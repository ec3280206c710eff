package dev.paysuite.platform.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.platform.persistence.ListedThing;
import dev.paysuite.platform.persistence.ListedThingRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JtaTransactionsTest {
    @Inject
    JtaTransactions transactions;

    @Inject
    ListedThingRepository things;

    @Inject
    TransactionManager tm;

    static String newId() {
        return "thg_tx_" + UUID.randomUUID();
    }

    void insert(String id) {
        things.persist(ListedThing.of(id, "jta-test", Instant.now()));
        things.flush();
    }

    @Test
    void aStepWithNoTransactionCommitsWhenItReturns() {
        String id = newId();
        String answer = transactions.inTransaction(() -> {
            assertTrue(inATransaction(), "the step runs in a transaction");
            insert(id);
            return "done";
        });
        assertEquals("done", answer);
        assertFalse(inATransaction(), "the step's transaction ended with it");
        assertTrue(things.committed(id));
    }

    @Test
    void aStepThatThrowsRollsBackAndTheCallerSeesItsException() {
        String id = newId();
        IllegalStateException failure = new IllegalStateException("the step refused");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            insert(id);
            throw failure;
        }));
        assertSame(failure, thrown, "the step's own exception, not a wrapper");
        assertFalse(inATransaction());
        assertFalse(things.committed(id));
    }

    @Test
    void aStepInsideAnOpenTransactionJoinsItAndRollsBackWithIt() {
        String id = newId();
        AtomicReference<Transaction> outer = new AtomicReference<>();
        AtomicReference<Transaction> step = new AtomicReference<>();
        RuntimeException outerFails = new IllegalStateException("the outer work failed after the step");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outer.set(current());
            transactions.inTransaction(() -> {
                step.set(current());
                insert(id);
            });
            assertTrue(inATransaction(), "the step left the outer transaction open");
            throw outerFails;
        }));
        assertSame(outerFails, thrown);
        assertSame(outer.get(), step.get(), "the step ran in the outer transaction, not a new one");
        assertFalse(things.committed(id), "the step's write rolled back with the outer transaction");
    }

    @Test
    void aStepInsideAnOpenTransactionCommitsOnlyWithIt() {
        String id = newId();
        QuarkusTransaction.requiringNew().run(() -> {
            transactions.inTransaction(() -> insert(id));
            assertFalse(things.committed(id), "not committed while the outer transaction is open");
        });
        assertTrue(things.committed(id));
    }

    static boolean inATransaction() {
        return QuarkusTransaction.getStatus() == Status.STATUS_ACTIVE;
    }

    Transaction current() {
        try {
            return tm.getTransaction();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
