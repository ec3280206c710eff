package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.PaymentLinkId;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentLink;
import java.util.Optional;

/** What a customer does on a link's public page, knowing only the link's id. */
public interface PayPaymentLinkUseCase {
    /** The link to show, and why it takes no payment now (null when it does). */
    record HostedLink(PaymentLink link, String unpayableReason) {
    }

    /**
     * @param methodType  one of the link's payment method types
     * @param token       the vault's token of the card the gateway exchanged (card), null for a simulated wallet
     * @param returnUrl   where the browser comes back to after a 3-D Secure challenge
     * @param cardholder  the name on the card, kept in the payment's metadata (never the card)
     */
    record PayCommand(PaymentLinkId link, String methodType, String token, String cardholder, String returnUrl) {
    }

    Optional<HostedLink> find(PaymentLinkId id);

    /** A payment on the link (its processor's answer recorded), or the rule it breaks. */
    Payment pay(PayCommand command);

    /** A payment made on this link, for its receipt; empty for any other payment. */
    Optional<Payment> payment(PaymentLinkId link, PaymentId payment);
}
