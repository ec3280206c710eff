package dev.paysuite.payments.adapter.out.processor;

import dev.paysuite.kernel.id.Ids;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.payments.application.domain.model.AuthorizationResult;
import dev.paysuite.payments.application.domain.model.Failure;
import dev.paysuite.payments.application.domain.model.NextAction;
import dev.paysuite.payments.application.domain.model.PaymentErrorCodes;
import dev.paysuite.payments.application.port.out.AuthorizationRequest;
import dev.paysuite.payments.application.port.out.AuthorizePaymentPort;
import dev.paysuite.payments.application.port.out.SettleAuthorizationPort;
import dev.paysuite.payments.config.PaymentsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The processor we ship: a deterministic simulator of a card acquirer, driven by the usual test
 * cards (by their last four digits, since payments never sees a card number). A real acquirer
 * adapter implements the same ports beside it.
 */
@ApplicationScoped
public class SimulatorProcessorAdapter implements AuthorizePaymentPort, SettleAuthorizationPort {

    private static final Map<String, Failure> DECLINES = Map.of(
            "0002", new Failure(PaymentErrorCodes.CARD_DECLINED, "generic_decline", "Your card was declined."),
            "9995", new Failure(PaymentErrorCodes.CARD_DECLINED, PaymentErrorCodes.INSUFFICIENT_FUNDS,
                    "Your card has insufficient funds."),
            "0069", new Failure(PaymentErrorCodes.EXPIRED_CARD, PaymentErrorCodes.EXPIRED_CARD,
                    "Your card has expired."));
    /** 4000002500003155: the issuer asks for 3-D Secure. */
    private static final String THREE_D_SECURE = "3155";

    private final PaymentsConfig config;

    public SimulatorProcessorAdapter(PaymentsConfig config) {
        this.config = config;
    }

    @Override
    public AuthorizationResult authorize(AuthorizationRequest request) {
        String reference = Ids.generate("sim_auth_");
        String last4 = request.instrument().last4();
        Failure decline = last4 == null ? null : DECLINES.get(last4);
        if (decline != null) {
            return new AuthorizationResult.Declined(reference, decline);
        }
        if (THREE_D_SECURE.equals(last4)) {
            String url = config.threeDSecureUrl().replace("{payment_id}", request.paymentId().value());
            return new AuthorizationResult.ActionRequired(reference, new NextAction(NextAction.REDIRECT_TO_URL, url));
        }
        return new AuthorizationResult.Approved(reference);
    }

    @Override
    public AuthorizationResult completeAuthentication(String processorReference, AuthorizationRequest request) {
        // The simulated payer always completes the challenge.
        return new AuthorizationResult.Approved(processorReference);
    }

    @Override
    public void capture(String processorReference, Money amount) {
        // Simulated captures always settle.
    }

    @Override
    public void voidAuthorization(String processorReference) {
        // Simulated authorizations are released at once.
    }
}
