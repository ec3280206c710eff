package dev.paysuite.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.error.DomainException;
import org.junit.jupiter.api.Test;

/** Which failures send a record to the dead-letter topic at once. */
class InboxFailuresTest {

    @Test
    void unreadableEventsAndRulesOfTheDomainAreRejectedAtOnce() {
        assertTrue(InboxFailures.isRejection(new IncomingEvent.MalformedEventException("not a CloudEvent", null)));
        assertTrue(InboxFailures.isRejection(new IllegalArgumentException("a payment's amounts are never negative")));
        assertTrue(InboxFailures.isRejection(DomainException.invalid("amount_invalid", "negative", "amount")));
        assertTrue(InboxFailures.isRejection(new UnprocessableEventException("lacks a currency")));
        assertFalse(InboxFailures.isRejection(new IllegalStateException("anything else gets a few more attempts")));
    }
}
