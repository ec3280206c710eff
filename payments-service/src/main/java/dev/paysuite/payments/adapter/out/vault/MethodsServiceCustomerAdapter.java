package dev.paysuite.payments.adapter.out.vault;

import dev.paysuite.payments.application.port.out.LoadCustomerPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A merchant's customer as methods-service knows it ({@code GET /internal/v1/customers/{id}}, with a
 * service token for the merchant and mode): its default method, the test clock it follows and the
 * methods attached to it. Empty for a customer the merchant does not have in this mode (unknown,
 * another merchant's, deleted), and, without asking, for an id that cannot name a customer at all
 * (methods-service's ids are {@code cus_} and letters, digits or {@code _}, 40 characters at most). Through {@link MethodsServiceCalls}, as the instruments are: the same
 * bounded tries, retries and circuit breaker, and 503 ({@code UNAVAILABLE}) when no answer comes.
 */
@ApplicationScoped
public class MethodsServiceCustomerAdapter implements LoadCustomerPort {
    static final String UNAVAILABLE_MESSAGE = "The customer cannot be read right now (methods-service is unavailable). "
            + "Nothing was changed; retry shortly.";
    private static final Pattern CUSTOMER_ID = Pattern.compile("cus_[A-Za-z0-9_]{1,36}");

    private final MethodsServiceClient client;
    private final MethodsServiceCalls calls;

    public MethodsServiceCustomerAdapter(@RestClient MethodsServiceClient client, MethodsServiceCalls calls) {
        this.client = client;
        this.calls = calls;
    }

    @Override
    public Optional<CustomerRecord> load(String merchantId, boolean livemode, String customerId) {
        if (customerId == null || !CUSTOMER_ID.matcher(customerId).matches()) {
            return Optional.empty();
        }
        return calls.call("GET /internal/v1/customers/{id}", merchantId, livemode,
                (authorization, requestId) -> client.customer(customerId, authorization, requestId),
                CustomerJson::toRecord, UNAVAILABLE_MESSAGE);
    }
}
