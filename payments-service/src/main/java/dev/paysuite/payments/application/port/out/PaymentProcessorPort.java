package dev.paysuite.payments.application.port.out;

import dev.paysuite.payments.application.domain.model.AuthorizationResult;
import java.util.Optional;

/**
 * The processor (acquirer). Every request carries its acquirer key, and the processor does what a
 * key asks at most once: asking again under the same key answers what it did the first time. It is
 * called with no transaction open.
 */
public interface PaymentProcessorPort {

    /**
     * Asks the processor to authorize, complete an authentication, capture or void.
     *
     * @throws dev.paysuite.kernel.error.ProcessorOutcomeUnknownException when no
     *         answer came in time: it may or may not have been done
     */
    AuthorizationResult submit(ProcessorRequest request);

    /** What the processor did under this acquirer key; empty when it never received the request. */
    Optional<AuthorizationResult> lookup(String acquirerKey);
}
