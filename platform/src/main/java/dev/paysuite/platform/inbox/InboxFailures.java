package dev.paysuite.platform.inbox;

import dev.paysuite.kernel.error.DomainException;

/**
 * Failures of an attempt to apply an event that no retry can change: the event is unreadable or
 * breaks a rule of the domain, so it goes to the dead-letter topic at once. Those that say "not now"
 * are {@link dev.paysuite.platform.persistence.TransientFailures}'s.
 */
final class InboxFailures {
    private InboxFailures() {
    }

    static boolean isRejection(Throwable failure) {
        return failure instanceof IncomingEvent.MalformedEventException
                || failure instanceof UnprocessableEventException
                || failure instanceof IllegalArgumentException
                || failure instanceof DomainException;
    }
}
