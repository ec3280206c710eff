package dev.paysuite.webhooks.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paysuite.kernel.id.EventId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PublicEventTest {
    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void anEventKeepsItsCloudEventIdAndGetsItsSequenceOnce() {
        PublicEvent e = new PublicEvent(new EventId("evt_1"), "payment.created", AT, false, null, "{\"id\":\"pay_1\"}",
                "mer_a");
        assertEquals("event", e.object());
        assertNull(e.sequence());
        assertEquals(3L, e.withSequence(3).sequence());
        assertEquals(e.data(), e.withSequence(3).data());
    }

    @Test
    void anIdOtherThanEvtOrASequenceBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PublicEvent(new EventId("pay_1"), "payment.created",
                AT, false, null, "{}", "mer_a"));
        assertThrows(IllegalArgumentException.class, () -> new PublicEvent(new EventId("evt_1"), "payment.created",
                AT, false, 0L, "{}", "mer_a"));
    }
}
