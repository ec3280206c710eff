package dev.paysuite.payments.adapter.out.vault;

import dev.paysuite.kernel.id.CustomerId;
import dev.paysuite.payments.application.port.out.LoadCustomerPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A merchant's customer as methods-service knows it ({@code GET /internal/v1/customers/{id}}, with a
 * service token for the merchant and mode): its default method, the test clock it follows and the
 * methods attached to it. Empty for a customer the merchant does not have in this mode (unknown,
 * another merchant's, deleted), and, without asking, for an id that cannot name a customer at all
 * ({@link CustomerId#isWellFormed}). Through {@link MethodsServiceCalls}, as the instruments are: the same
 * bounded tries, retries and circuit breaker, and 503 ({@code UNAVAILABLE}) when no answer comes.
 */
@ApplicationScoped
public class MethodsServiceCustomerAdapter implements LoadCustomerPort {
    static final String UNAVAILABLE_MESSAGE = "The customer cannot be read right now (methods-service is unavailable). "
            + "Nothing was changed; retry shortly.";

    private final MethodsServiceClient client;
    private final MethodsServiceCalls calls;

    public MethodsServiceCustomerAdapter(@RestClient MethodsServiceClient client, MethodsServiceCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    @Override
    public Optional<CustomerRecord> load(String merchantId, boolean livemode, String customerId) {
        if (!CustomerId.isWellFormed(customerId)) {
            return Optional.empty();
        }
        return calls.call("GET /internal/v1/customers/{id}", merchantId, livemode,
                (authorization, requestId) -> client.customer(customerId, authorization, requestId),
                CustomerJson::toRecord, UNAVAILABLE_MESSAGE);
    }
}
