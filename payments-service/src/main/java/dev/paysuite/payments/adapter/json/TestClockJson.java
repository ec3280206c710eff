package dev.paysuite.payments.adapter.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paysuite.payments.application.domain.model.TestClock;

/**
 * The public representation of a test clock: {@code frozen_time} in Unix seconds (and ISO 8601),
 * {@code status} {@code ready} or {@code advancing} (with {@code advancing_to}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TestClockJson(String id, String object, String name, long frozenTime, String frozenAt, String status,
        Long advancingTo, boolean livemode, String createdAt, String updatedAt) {

    public static TestClockJson of(TestClock c) {
        return new TestClockJson(c.id().value(), "test_clock", c.name(), c.frozenTime().getEpochSecond(),
                PaymentJson.timestamp(c.frozenTime()), c.advancing() ? "advancing" : "ready",
                c.advancing() ? c.advanceTo().getEpochSecond() : null, false, PaymentJson.timestamp(c.createdAt()),
                PaymentJson.timestamp(c.updatedAt()));
    }
}
