package dev.paysuite.payments.application.port.in;

import dev.paysuite.payments.application.domain.model.AuthenticationChallenge;
import dev.paysuite.payments.application.domain.model.Payment;

/**
 * The payer's side of 3-D Secure: the challenge page shows a challenge and its payment, and the
 * payer's answer is recorded and the payment goes on at once (as {@code confirm} would).
 */
public interface AuthenticationChallengeUseCase {

    /** The challenge and its payment, as the page shows them; 404 for an unknown challenge. */
    ChallengeView show(String challengeId);

    /**
     * Records the answer and goes on with the payment: succeeded (requires_capture for manual
     * capture) when approved, failed when not. A challenge is answered once.
     */
    ChallengeView answer(AnswerChallengeCommand command);

    record ChallengeView(AuthenticationChallenge challenge, Payment payment) {
    }
}
