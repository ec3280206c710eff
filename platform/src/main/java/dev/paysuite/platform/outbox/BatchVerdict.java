package dev.paysuite.platform.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the relay does with a batch once the broker has answered for each record, or the wait ran
 * out: which rows to mark published, which to park, and whether the batch went through whole.
 *
 * <p>The rule that keeps each key's events in order: past a record that failed or was not answered,
 * no later record of the same key is marked, even if the broker took it, so the next round sends
 * them again after the one that failed. Consumers skip an event id they already applied. A record
 * that can never be sent is parked instead, so it holds nothing back for ever.
 */
final class BatchVerdict {

    /** The broker's answer for one record. */
    enum Outcome {
        ACKNOWLEDGED,
        /** Refused for what it is (too large, not serializable): sending it again cannot help. */
        UNSENDABLE,
        /** Failed in a way a later attempt may not (no broker, a timeout on its side). */
        FAILED,
        /** No answer before the relay stopped waiting. */
        UNANSWERED
    }

    /** One record of the batch as sent, in id order. */
    record Sent(long id, String key, Outcome outcome) {
        Sent {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * @param publish the rows to mark published
     * @param park the rows to park
     * @param whole whether every record was either published or parked (otherwise: retry later, and
     *     do not read the next batch now)
     */
    record Verdict(List<Long> publish, List<Long> park, boolean whole) {
    }

    private BatchVerdict() {
    }

    static Verdict of(List<Sent> batch) {
        List<Long> publish = new ArrayList<>();
        List<Long> park = new ArrayList<>();
        Set<String> heldBack = new HashSet<>();
        for (Sent s : batch) {
            if (heldBack.contains(s.key())) {
                continue;
            }
            switch (s.outcome()) {
                case ACKNOWLEDGED -> publish.add(s.id());
                case UNSENDABLE -> park.add(s.id());
                case FAILED, UNANSWERED -> heldBack.add(s.key());
            }
        }
        return new Verdict(List.copyOf(publish), List.copyOf(park), heldBack.isEmpty());
    }
}
