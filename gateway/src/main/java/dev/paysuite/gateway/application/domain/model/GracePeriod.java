package dev.paysuite.gateway.application.domain.model;

import dev.paysuite.kernel.error.ErrorCodes;
import java.time.Duration;

/**
 * How long a rolled key keeps working beside its successor, so that clients can switch over:
 * from none (refused at once) to a week.
 */
public record GracePeriod(Duration duration) {
    public static final long MAX_SECONDS = 7 * 86_400;
    public static final GracePeriod DEFAULT = ofSeconds(86_400);

    public GracePeriod {
        if (duration == null || duration.isNegative() || duration.toSeconds() > MAX_SECONDS) {
            throw AdminException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{gracePeriodSeconds} must be an integer from 0 to " + MAX_SECONDS + " (7 days).",
                    "gracePeriodSeconds");
        }
    }

    public static GracePeriod ofSeconds(long seconds) {
        return new GracePeriod(Duration.ofSeconds(seconds));
    }
}
