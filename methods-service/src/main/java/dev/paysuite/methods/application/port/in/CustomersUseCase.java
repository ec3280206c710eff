package dev.paysuite.methods.application.port.in;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.id.CustomerId;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.methods.application.domain.model.Customer;

/** A merchant's customers: create, read, update (including the default method), list, delete. */
public interface CustomersUseCase {
    Customer create(CreateCustomer command);

    Customer get(String merchantId, boolean livemode, CustomerId id);

    Customer update(UpdateCustomer command);

    Page<Customer> list(String merchantId, boolean livemode, PageQuery page);

    /** Deletes the customer and detaches every method attached to it; answers the deleted customer. */
    Customer delete(String merchantId, boolean livemode, CustomerId id);

    record CreateCustomer(String merchantId, boolean livemode, String email, String name, String description,
            Metadata metadata) {
    }

    /** Null leaves a field as it is; {@code defaultPaymentMethodId} "" clears the default. */
    record UpdateCustomer(String merchantId, boolean livemode, CustomerId id, String email, String name,
            String description, Metadata metadata, String defaultPaymentMethodId) {
    }
}
