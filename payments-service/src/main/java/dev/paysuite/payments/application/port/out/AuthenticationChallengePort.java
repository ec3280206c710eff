package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.payments.application.domain.model.AuthenticationChallenge;
import java.time.Instant;
import java.util.Optional;

/**
 * The card issuer's 3-D Secure challenges (the simulated issuer's, beside the simulated acquirer).
 * They are the issuer's books, written outside any transaction of ours as a processor's are, so
 * this is no {@code @ChangesState} port: an answer stays recorded whatever becomes of the step
 * that follows it.
 */
public interface AuthenticationChallengePort {

    Optional<AuthenticationChallenge> challenge(String challengeId);

    /** The challenge the issuer set for this payment, if it set one. */
    Optional<AuthenticationChallenge> challengeOf(PaymentId payment);

    /** Records the payer's answer; false when the challenge had been answered already (the first answer stands). */
    boolean answer(String challengeId, boolean approved, Instant at);
}
