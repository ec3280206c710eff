package dev.paysuite.webhooks.application.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How one attempt ended, as the delivery adapter saw it: the receiver's status code, or no answer
 * and why (timeout, connection refused, refused address, ...), and how long it took. Only a 2xx is
 * a success; a redirect is not followed and counts as a failure, like every other answer.
 *
 * @param statusCode the HTTP status, null when no answer came
 * @param error what went wrong when no answer came (never a secret or a body); null otherwise
 */
public record AttemptOutcome(Integer statusCode, String error, Duration duration) {

    public AttemptOutcome {
        Objects.requireNonNull(duration, "duration");
        if ((statusCode == null) == (error == null)) {
            throw new IllegalArgumentException("an attempt ends with a status code or an error, not both");
        }
        if (statusCode != null && (statusCode < 100 || statusCode > 599)) {
            throw new IllegalArgumentException("an HTTP status is 100 to 599");
        }
    }

    public static AttemptOutcome answered(int statusCode, Duration duration) {
        return new AttemptOutcome(statusCode, null, duration);
    }

    public static AttemptOutcome failed(String error, Duration duration) {
        return new AttemptOutcome(null, error == null || error.isBlank() ? "error" : error, duration);
    }

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
