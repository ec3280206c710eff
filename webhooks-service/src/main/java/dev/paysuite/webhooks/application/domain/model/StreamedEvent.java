package dev.paysuite.webhooks.application.domain.model;

import java.util.Objects;

/**
 * A visible event with its position: the one order every reader follows. Positions commit in
 * increasing order, so a stream that goes on after the last position it sent never misses an
 * event and never sends one twice.
 */
public record StreamedEvent(long position, PublicEvent event) {
    public StreamedEvent {
        Objects.requireNonNull(event, "event");
        if (position < 1) {
            throw new IllegalArgumentException("positions start at 1");
        }
    }
}
