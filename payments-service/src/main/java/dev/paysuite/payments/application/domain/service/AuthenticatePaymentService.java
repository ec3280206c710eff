package dev.paysuite.payments.application.domain.service;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.payments.application.domain.model.AuthenticationChallenge;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentErrorCodes;
import dev.paysuite.payments.application.domain.model.PaymentException;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import dev.paysuite.payments.application.port.in.AnswerChallengeCommand;
import dev.paysuite.payments.application.port.in.AuthenticationChallengeUseCase;
import dev.paysuite.payments.application.port.in.ConfirmPaymentUseCase;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.out.AuthenticationChallengePort;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import java.time.Clock;

/**
 * The payer answers the issuer's 3-D Secure challenge, and the payment goes on at once through
 * {@code confirm}'s own steps (processing the authentication, then the processor's verdict), so a
 * merchant that confirms as well changes nothing: whichever comes second finds the payment moved on.
 */
public class AuthenticatePaymentService implements AuthenticationChallengeUseCase {
    private final AuthenticationChallengePort challenges;
    private final LoadPaymentPort load;
    private final ConfirmPaymentUseCase confirm;
    private final Clock clock;

    public AuthenticatePaymentService(AuthenticationChallengePort challenges, LoadPaymentPort load,
            ConfirmPaymentUseCase confirm, Clock clock) {
        this.challenges = challenges;
        this.load = load;
        this.confirm = confirm;
        this.clock = clock;
    }

    @Override
    public ChallengeView show(String challengeId) {
        AuthenticationChallenge challenge = challenges.challenge(challengeId).orElseThrow(() -> notFound(challengeId));
        return new ChallengeView(challenge, payment(challenge));
    }

    @Override
    public ChallengeView answer(AnswerChallengeCommand command) {
        ChallengeView shown = show(command.challengeId());
        if (shown.challenge().isAnswered()) {
            throw alreadyAnswered();
        }
        if (shown.payment().status() != PaymentStatus.REQUIRES_ACTION) {
            throw new PaymentException(DomainException.Kind.CONFLICT, PaymentErrorCodes.CHALLENGE_CLOSED,
                    "This payment no longer waits for authentication: it is " + shown.payment().status().wireName()
                            + ".", null);
        }
        if (!challenges.answer(command.challengeId(), command.approved(), Now.of(clock))) {
            throw alreadyAnswered();
        }
        AuthenticationChallenge answered = challenges.challenge(command.challengeId())
                .orElseThrow(() -> new IllegalStateException("the issuer lost " + command.challengeId()));
        Payment payment;
        try {
            payment = confirm.confirm(ref(answered));
        } catch (PaymentException e) {
            if (!PaymentErrorCodes.PAYMENT_UNEXPECTED_STATE.equals(e.code())) {
                throw e;
            }
            payment = payment(answered); // confirmed meanwhile by the merchant
        }
        return new ChallengeView(answered, payment);
    }

    private Payment payment(AuthenticationChallenge challenge) {
        return load.load(ref(challenge))
                .orElseThrow(() -> new IllegalStateException("challenge " + challenge.id() + " has no payment"));
    }

    private static PaymentRef ref(AuthenticationChallenge challenge) {
        return new PaymentRef(challenge.merchantId(), challenge.livemode(), challenge.paymentId());
    }

    private static PaymentException notFound(String challengeId) {
        return new PaymentException(DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                "No such authentication challenge.", "challengeId");
    }

    private static PaymentException alreadyAnswered() {
        return new PaymentException(DomainException.Kind.CONFLICT, PaymentErrorCodes.CHALLENGE_ALREADY_ANSWERED,
                "This authentication has already been answered.", null);
    }
}
