package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.payments.application.domain.model.PaymentException;
import java.util.Objects;

/** The payer's answer to a 3-D Secure challenge: {@code approve} or {@code fail}. */
public record AnswerChallengeCommand(String challengeId, boolean approved) {
    public static final String APPROVE = "approve";
    public static final String FAIL = "fail";

    public AnswerChallengeCommand {
        Objects.requireNonNull(challengeId, "challengeId");
    }

    public static AnswerChallengeCommand of(String challengeId, String outcome) {
        if (APPROVE.equals(outcome)) {
            return new AnswerChallengeCommand(challengeId, true);
        }
        if (FAIL.equals(outcome)) {
            return new AnswerChallengeCommand(challengeId, false);
        }
        throw PaymentException.invalid(outcome == null || outcome.isEmpty() ? ErrorCodes.PARAMETER_MISSING
                : ErrorCodes.PARAMETER_INVALID, "{outcome} must be approve or fail.", "outcome");
    }
}
