package dev.paysuite.refunds.application.domain.service;

import java.time.Duration;

/**
 * @param projectionWait how long a refund request waits for payments.events to bring news of its
 *        payment (a payment that succeeded a moment ago may not be in the local view yet)
 * @param projectionPoll how often it looks meanwhile
 */
public record RefundSettings(Duration projectionWait, Duration projectionPoll) {
}
