package dev.paysuite.webhooks.application.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the delivery log: attempt {@code number} of a delivery, when it started, what came
 * back and how long it took. Error texts are cut to {@value #MAX_ERROR} characters: they come from
 * exceptions and a receiver's network, not from us, and the log is shown through the API.
 */
public record DeliveryAttempt(DeliveryId deliveryId, int number, Instant at, Integer statusCode, long durationMs,
        String error, boolean succeeded) {
    public static final int MAX_ERROR = 500;

    public DeliveryAttempt {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(at, "at");
        if (number < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        error = truncate(error);
    }

    static DeliveryAttempt of(DeliveryId deliveryId, int number, Instant at, AttemptOutcome outcome) {
        return new DeliveryAttempt(deliveryId, number, at, outcome.statusCode(), outcome.duration().toMillis(),
                outcome.error(), outcome.succeeded());
    }

    static String truncate(String error) {
        if (error == null || error.length() <= MAX_ERROR) {
            return error;
        }
        int end = Character.isHighSurrogate(error.charAt(MAX_ERROR - 1)) ? MAX_ERROR - 1 : MAX_ERROR;
        return error.substring(0, end);
    }
}
