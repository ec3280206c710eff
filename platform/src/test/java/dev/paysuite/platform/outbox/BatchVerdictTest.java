package dev.paysuite.platform.outbox;

import static dev.paysuite.platform.outbox.BatchVerdict.Outcome.ACKNOWLEDGED;
import static dev.paysuite.platform.outbox.BatchVerdict.Outcome.FAILED;
import static dev.paysuite.platform.outbox.BatchVerdict.Outcome.UNANSWERED;
import static dev.paysuite.platform.outbox.BatchVerdict.Outcome.UNSENDABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.platform.outbox.BatchVerdict.Sent;
import dev.paysuite.platform.outbox.BatchVerdict.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which rows a batch marks, parks or leaves for the next round, from the broker's answers alone. */
class BatchVerdictTest {

    @Test
    void aBatchTheBrokerTookWholeIsMarkedWhole() {
        Verdict v = BatchVerdict.of(List.of(new Sent(1, "a", ACKNOWLEDGED), new Sent(2, "b", ACKNOWLEDGED)));
        assertEquals(List.of(1L, 2L), v.publish());
        assertEquals(List.of(), v.park());
        assertTrue(v.whole());
    }

    @Test
    void pastAFailedRecordNothingOfItsKeyIsMarkedEvenWhatTheBrokerTook() {
        Verdict v = BatchVerdict.of(List.of(
                new Sent(1, "a", ACKNOWLEDGED),
                new Sent(2, "a", FAILED),
                new Sent(3, "b", ACKNOWLEDGED),
                new Sent(4, "a", ACKNOWLEDGED),
                new Sent(5, "b", ACKNOWLEDGED)));
        assertEquals(List.of(1L, 3L, 5L), v.publish(), "the other key goes on; a's 4 waits for its 2");
        assertFalse(v.whole(), "the batch is tried again");
    }

    @Test
    void aRecordLeftUnansweredHoldsItsKeyBackLikeAFailure() {
        Verdict v = BatchVerdict.of(List.of(new Sent(1, "a", UNANSWERED), new Sent(2, "a", ACKNOWLEDGED)));
        assertEquals(List.of(), v.publish());
        assertFalse(v.whole());
    }

    @Test
    void anUnsendableRecordIsParkedAndTheRestOfItsKeyGoesOn() {
        Verdict v = BatchVerdict.of(List.of(
                new Sent(1, "a", ACKNOWLEDGED), new Sent(2, "a", UNSENDABLE), new Sent(3, "a", ACKNOWLEDGED)));
        assertEquals(List.of(1L, 3L), v.publish());
        assertEquals(List.of(2L), v.park());
        assertTrue(v.whole(), "nothing is left to retry");
    }

    @Test
    void anUnsendableRecordBehindAFailureWaitsForItsTurn() {
        Verdict v = BatchVerdict.of(List.of(new Sent(1, "a", FAILED), new Sent(2, "a", UNSENDABLE)));
        assertEquals(List.of(), v.park(), "parked when it is tried in order, not before");
        assertFalse(v.whole());
    }
}
