package dev.paysuite.methods.application.port.in;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.id.CustomerId;
import dev.paysuite.kernel.id.PaymentMethodId;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.methods.application.domain.model.MethodInput;
import dev.paysuite.methods.application.domain.model.MethodType;
import dev.paysuite.methods.application.domain.model.PaymentMethod;

/** Stored payment methods: create (sealing the secret in the vault), read, list, attach, detach. */
public interface PaymentMethodsUseCase {
    PaymentMethod create(CreateMethod command);

    PaymentMethod get(String merchantId, boolean livemode, PaymentMethodId id);

    Page<PaymentMethod> list(String merchantId, boolean livemode, CustomerId customer, MethodType type, PageQuery page);

    PaymentMethod attach(String merchantId, boolean livemode, PaymentMethodId id, CustomerId customer);

    PaymentMethod detach(String merchantId, boolean livemode, PaymentMethodId id);

    /** {@code customerId} null: the method is stored without a customer, to be attached later. */
    record CreateMethod(String merchantId, boolean livemode, MethodType type, MethodInput input, Metadata metadata,
            CustomerId customerId) {
    }
}
