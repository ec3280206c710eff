package dev.paysuite.platform.inbox;

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

/** Which failures a consumer waits out, and which send a record to the dead-letter topic. */
class InboxFailuresTest {

    static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("Could not save the view of payment pay_1", cause);
    }

    @Test
    void anUnreachableOrOverloadedDatabaseIsTransientWhereverItSitsInTheCauseChain() {
        assertTrue(InboxFailures.isTransient(wrapped(new SQLException("Connection to 127.0.0.1:5432 refused", "08001"))));
        assertTrue(InboxFailures.isTransient(wrapped(new SQLException("An I/O error occurred", "08006"))));
        assertTrue(InboxFailures.isTransient(wrapped(new SQLException("too many connections", "53300"))));
        assertTrue(InboxFailures.isTransient(wrapped(new SQLException("terminating connection", "57P01"))));
        assertTrue(InboxFailures.isTransient(wrapped(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(InboxFailures.isTransient(wrapped(new SQLException("could not serialize access", "40001"))));
        assertTrue(InboxFailures.isTransient(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(InboxFailures.isTransient(wrapped(new SQLTransientConnectionException("gone"))));
        assertTrue(InboxFailures.isTransient(wrapped(new SQLTransactionRollbackException("rolled back"))));
        assertTrue(InboxFailures.isTransient(wrapped(new SQLRecoverableException("recoverable"))));
        assertTrue(InboxFailures.isTransient(new RuntimeException(new JDBCConnectionException("no link", new SQLException("x")))));
        assertTrue(InboxFailures.isTransient(wrapped(new ConnectException("Connection refused"))));
        XAException commitFailed = new XAException(XAException.XAER_RMFAIL);
        assertTrue(InboxFailures.isTransient(new RuntimeException("ARJUNA016053: Could not commit", commitFailed)));
    }

    @Test
    void thePoolsOwnRefusalsWithoutASqlStateAreTransient() {
        assertTrue(InboxFailures.isTransient(wrapped(new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(InboxFailures.isTransient(wrapped(new SQLException("Connection is closed"))));
    }

    @Test
    void aFailureSuppressedDuringRollbackCountsToo() {
        RuntimeException failure = new IllegalStateException("handler failed");
        failure.addSuppressed(new SQLException("This connection has been closed.", "08003"));
        assertTrue(InboxFailures.isTransient(failure));
    }

    @Test
    void aDependencyOfTheDomainThatCannotAnswerNowIsTransient() {
        assertTrue(InboxFailures.isTransient(new DomainException(DomainException.Kind.UNAVAILABLE, "vault_unavailable",
                "The vault does not answer", null)));
    }

    @Test
    void constraintViolationsBugsAndRulesOfTheDomainAreNotTransient() {
        assertFalse(InboxFailures.isTransient(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(InboxFailures.isTransient(wrapped(new SQLException("syntax error", "42601"))));
        assertFalse(InboxFailures.isTransient(new NullPointerException("merchantId")));
        assertFalse(InboxFailures.isTransient(DomainException.invalid("amount_invalid", "negative", "amount")));
    }

    @Test
    void unreadableEventsAndRulesOfTheDomainAreRejectedAtOnce() {
        assertTrue(InboxFailures.isRejection(new IncomingEvent.MalformedEventException("not a CloudEvent", null)));
        assertTrue(InboxFailures.isRejection(new IllegalArgumentException("a payment's amounts are never negative")));
        assertTrue(InboxFailures.isRejection(DomainException.invalid("amount_invalid", "negative", "amount")));
        assertTrue(InboxFailures.isRejection(new UnprocessableEventException("lacks a currency")));
        assertFalse(InboxFailures.isRejection(new IllegalStateException("anything else gets a few more attempts")));
    }

    @Test
    void aReasonNamesTheExceptionAndNeverCarriesACardNumber() {
        String reason = InboxFailures.reason(new IllegalArgumentException("card 4242 4242 4242 4242 refused, 4000056655665556"));
        assertEquals("IllegalArgumentException: card [digits] refused, [digits]", reason);
        assertTrue(InboxFailures.reason(new IllegalStateException("x".repeat(1000))).length() < 320);
    }
}
