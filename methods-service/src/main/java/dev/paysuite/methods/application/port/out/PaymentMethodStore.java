package dev.paysuite.methods.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.kernel.id.CustomerId;
import dev.paysuite.kernel.id.PaymentMethodId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.methods.application.domain.model.MethodType;
import dev.paysuite.methods.application.domain.model.PaymentMethod;
import java.util.List;
import java.util.Optional;

public interface PaymentMethodStore {
    @ChangesState
    void insert(PaymentMethod method);

    /** A method this merchant may see in this mode: its own, or (test mode only) a shared test alias. */
    Optional<PaymentMethod> load(String merchantId, boolean livemode, PaymentMethodId id);

    /** As {@link #load}, locked until the caller's transaction ends. */
    @ChangesState
    Optional<PaymentMethod> lock(String merchantId, boolean livemode, PaymentMethodId id);

    /** Any method with this id, whoever owns it (the test aliases' seeding). */
    boolean exists(PaymentMethodId id);

    @ChangesState
    void update(PaymentMethod method);

    /** The usable methods attached to a customer, locked. */
    @ChangesState
    List<PaymentMethod> lockAttachedTo(CustomerId customer);

    /** The ids of the merchant's usable methods attached to a customer, in id order (not locked). */
    List<PaymentMethodId> attachedTo(String merchantId, boolean livemode, CustomerId customer);

    /** The merchant's own methods, newest first; optionally one customer's (attached now) or one type. */
    Slice<PaymentMethod> list(Filter filter, PageRequest page);

    long count(Filter filter);

    record Filter(String merchantId, boolean livemode, CustomerId customerId, MethodType type) {
    }
}
