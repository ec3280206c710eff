package dev.paysuite.webhooks.adapter.in.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paysuite.webhooks.testing.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The delivery log's retention against the real database: ended deliveries go, then their events. */
@QuarkusTest
class RetentionTest {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventRetentionJob retention;

    @Test
    void endedDeliveriesLeaveWithTheirAttemptsThenTheirEventsButPendingOnesAndRecentOnesStay() {
        TestEvents db = new TestEvents(dataSource);
        String merchant = "mer_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Instant old = Instant.now().minus(40, ChronoUnit.DAYS);
        String endpoint = "we_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        // disabled: the worker never attempts these deliveries during the test
        db.update("INSERT INTO webhook_endpoints (id, merchant_id, livemode, url, enabled_events, status, secret_sealed,"
                + " created_at, updated_at) VALUES (?, ?, false, 'https://example.com/hook', '*', 'DISABLED', ?, now(),"
                + " now())", endpoint, merchant, new byte[] {1});
        String succeededEvent = db.insert(merchant, "payment.succeeded", old);
        String failedEvent = db.insert(merchant, "payment.failed", old);
        String pendingEvent = db.insert(merchant, "payment.created", old);
        String recentEvent = db.insert(merchant, "payment.captured", Instant.now());
        String succeeded = delivery(db, endpoint, succeededEvent, "SUCCEEDED", old);
        String failed = delivery(db, endpoint, failedEvent, "FAILED", old);
        String pending = delivery(db, endpoint, pendingEvent, "PENDING", old);
        String recent = delivery(db, endpoint, recentEvent, "SUCCEEDED", Instant.now());
        for (String d : new String[] {succeeded, failed, recent}) {
            db.update("INSERT INTO delivery_attempts (delivery_id, number, endpoint_id, event_id, at, status_code,"
                    + " duration_ms) SELECT id, 1, endpoint_id, event_id, created_at, 200, 12 FROM deliveries WHERE id = ?", d);
        }

        int[] deleted;
        do {
            deleted = retention.runDeliveriesThenEventsOnce();
        } while (deleted[0] + deleted[1] > 0);

        assertEquals(0, db.count("SELECT count(*) FROM deliveries WHERE id IN (?, ?)", succeeded, failed));
        assertEquals(0, db.count("SELECT count(*) FROM delivery_attempts WHERE delivery_id IN (?, ?)", succeeded, failed));
        assertEquals(0, db.count("SELECT count(*) FROM events WHERE id IN (?, ?)", succeededEvent, failedEvent));
        assertEquals(1, db.count("SELECT count(*) FROM deliveries WHERE id = ?", pending), "a pending delivery stays");
        assertEquals(1, db.count("SELECT count(*) FROM events WHERE id = ?", pendingEvent), "and so does its event");
        assertEquals(1, db.count("SELECT count(*) FROM deliveries WHERE id = ?", recent));
        assertEquals(1, db.count("SELECT count(*) FROM delivery_attempts WHERE delivery_id = ?", recent));
        assertEquals(1, db.count("SELECT count(*) FROM events WHERE id = ?", recentEvent));
    }

    private static String delivery(TestEvents db, String endpoint, String event, String state, Instant created) {
        String id = "wd_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        db.update("INSERT INTO deliveries (id, endpoint_id, event_id, state, next_attempt_at, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", id, endpoint, event, state,
                state.equals("PENDING") ? Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS)) : null,
                Timestamp.from(created));
        return id;
    }
}
