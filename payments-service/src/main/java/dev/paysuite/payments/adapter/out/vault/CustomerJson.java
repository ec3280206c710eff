package dev.paysuite.payments.adapter.out.vault;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paysuite.payments.application.port.out.LoadCustomerPort.CustomerRecord;
import java.util.List;
import java.util.Objects;

/**
 * methods-service's answer to {@code GET /internal/v1/customers/{id}} (whatever it adds later is
 * ignored). An answer without the customer's id, or with a null in its methods, cannot be read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerJson(@JsonProperty("id") String id,
        @JsonProperty("default_payment_method_id") String defaultPaymentMethodId,
        @JsonProperty("test_clock") String testClock, @JsonProperty("payment_methods") List<String> paymentMethods) {

    CustomerRecord toRecord() {
        Objects.requireNonNull(id, "the customer's id");
        return new CustomerRecord(id, defaultPaymentMethodId, testClock,
                paymentMethods == null ? List.of() : List.copyOf(paymentMethods));
    }
}
