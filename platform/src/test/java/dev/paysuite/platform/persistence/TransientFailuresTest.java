package dev.paysuite.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.error.DomainException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import javax.transaction.xa.XAException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures say "not now": a consumer waits them out, the API answers them 503. */
class TransientFailuresTest {

    static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("Could not save the view of payment pay_1", cause);
    }

    @Test
    void anUnreachableOrOverloadedDatabaseIsTransientWhereverItSitsInTheCauseChain() {
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("Connection to 127.0.0.1:5432 refused", "08001"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("An I/O error occurred", "08006"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("too many connections", "53300"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("terminating connection", "57P01"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("could not serialize access", "40001"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLTransientConnectionException("gone"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLTransactionRollbackException("rolled back"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLRecoverableException("recoverable"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new JDBCConnectionException("no link", new SQLException("x")))));
        assertTrue(TransientFailures.isTransient(wrapped(new ConnectException("Connection refused"))));
        XAException commitFailed = new XAException(XAException.XAER_RMFAIL);
        assertTrue(TransientFailures.isTransient(new RuntimeException("ARJUNA016053: Could not commit", commitFailed)));
    }

    @Test
    void thePoolsOwnRefusalsWithoutASqlStateAreTransient() {
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(TransientFailures.isTransient(wrapped(new SQLException("Connection is closed"))));
    }

    @Test
    void aFailureSuppressedDuringRollbackCountsToo() {
        RuntimeException failure = new IllegalStateException("handler failed");
        failure.addSuppressed(new SQLException("This connection has been closed.", "08003"));
        assertTrue(TransientFailures.isTransient(failure));
    }

    @Test
    void aDependencyOfTheDomainThatCannotAnswerNowIsTransient() {
        assertTrue(TransientFailures.isTransient(new DomainException(DomainException.Kind.UNAVAILABLE, "vault_unavailable",
                "The vault does not answer", null)));
    }

    @Test
    void constraintViolationsBugsAndRulesOfTheDomainAreNotTransient() {
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(TransientFailures.isTransient(wrapped(new SQLException("syntax error", "42601"))));
        assertFalse(TransientFailures.isTransient(new NullPointerException("merchantId")));
        assertFalse(TransientFailures.isTransient(DomainException.invalid("amount_invalid", "negative", "amount")));
    }

    @Test
    void aReasonNamesTheExceptionAndNeverCarriesACardNumber() {
        String reason = TransientFailures.reason(new IllegalArgumentException("card 4242 4242 4242 4242 refused, 4000056655665556"));
        assertEquals("IllegalArgumentException: card [digits] refused, [digits]", reason);
        assertTrue(TransientFailures.reason(new IllegalStateException("x".repeat(1000))).length() < 320);
    }
}
