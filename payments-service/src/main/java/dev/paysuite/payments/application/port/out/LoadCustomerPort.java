package dev.paysuite.payments.application.port.out;

import java.util.Optional;

public interface LoadCustomerPort {
    /** The customer as methods-service knows it; empty when the merchant has no such customer. Throws a
     *  DomainException of Kind.UNAVAILABLE (503) when methods-service cannot answer. */
    Optional<CustomerRecord> load(String merchantId, boolean livemode, String customerId);

    record CustomerRecord(String id, String defaultPaymentMethodId, String testClock, java.util.List<String> paymentMethods) {}
}
