package dev.paysuite.methods.application.port.in;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.id.CustomerId;
import dev.paysuite.kernel.id.PaymentMethodId;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.methods.application.domain.model.Customer;
import java.util.List;

/** A merchant's customers: create, read, update (including the default method), list, delete. */
public interface CustomersUseCase {
    Customer create(CreateCustomer command);

    Customer get(String merchantId, boolean livemode, CustomerId id);

    /** The customer with the ids of the methods attached to it now (the internal lookup of payments-service). */
    WithMethods withMethods(String merchantId, boolean livemode, CustomerId id);

    Customer update(UpdateCustomer command);

    Page<Customer> list(String merchantId, boolean livemode, PageQuery page);

    /** Deletes the customer and detaches every method attached to it; answers the deleted customer. */
    Customer delete(String merchantId, boolean livemode, CustomerId id);

    /** {@code testClock}: a {@code clock_} id the customer follows (test mode only), or null. */
    record CreateCustomer(String merchantId, boolean livemode, String email, String name, String description,
            Metadata metadata, String testClock) {
    }

    /** A customer and its attached methods, oldest id first. */
    record WithMethods(Customer customer, List<PaymentMethodId> paymentMethods) {
        public WithMethods {
            paymentMethods = List.copyOf(paymentMethods);
        }
    }

    /** Null leaves a field as it is; {@code defaultPaymentMethodId} "" clears the default. */
    record UpdateCustomer(String merchantId, boolean livemode, CustomerId id, String email, String name,
            String description, Metadata metadata, String defaultPaymentMethodId) {
    }
}
