package dev.paysuite.payments.adapter.out.vault;

import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.payments.application.port.out.ResolvePaymentMethodPort;
import dev.paysuite.platform.identity.ServiceTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Resolves payment methods and tokens with methods-service (the vault), which owns them:
 * {@code GET /internal/v1/instruments/{ref}} with a service token payments-service signs for the
 * merchant and mode of the payment ({@link ServiceTokens}), so the vault answers for them only.
 * Any caller may resolve one (a request, a reconciler): the token does not come from a request.
 *
 * <p>Through {@link MethodsServiceCalls}: bounded tries, retries, the circuit breaker shared with
 * every call to methods-service. Whatever goes wrong, the payment is refused before anything is
 * recorded or charged: 503 with the error object, never a hang and never a 500.
 */
@ApplicationScoped
public class MethodsServiceAdapter implements ResolvePaymentMethodPort {
    /** The circuit breaker's name, for its maintenance (tests reset it). */
    public static final String CIRCUIT_BREAKER = MethodsServiceCalls.CIRCUIT_BREAKER;
    static final String UNAVAILABLE_MESSAGE = "The payment method cannot be read right now (methods-service is unavailable). "
            + "Nothing was charged; retry shortly.";

    private final MethodsServiceClient client;
    private final MethodsServiceCalls calls;

    public MethodsServiceAdapter(@RestClient MethodsServiceClient client, MethodsServiceCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    @Override
    public Optional<PaymentInstrument> resolve(String merchantId, boolean livemode, PaymentSource source) {
        String ref = source.value();
        return calls.call("GET /internal/v1/instruments/{ref}", merchantId, livemode,
                (authorization, requestId) -> client.instrument(ref, authorization, requestId),
                InstrumentJson::toInstrument, UNAVAILABLE_MESSAGE);
    }
}
