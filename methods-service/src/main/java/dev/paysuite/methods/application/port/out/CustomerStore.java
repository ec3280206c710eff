package dev.paysuite.methods.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.kernel.id.CustomerId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.methods.application.domain.model.Customer;
import java.util.Optional;

public interface CustomerStore {
    @ChangesState
    void insert(Customer customer);

    /** The merchant's customer in this mode, unless deleted. */
    Optional<Customer> load(String merchantId, boolean livemode, CustomerId id);

    /** As {@link #load}, locked until the caller's transaction ends. */
    @ChangesState
    Optional<Customer> lock(String merchantId, boolean livemode, CustomerId id);

    @ChangesState
    void update(Customer customer);

    /** The merchant's customers that are not deleted, newest first. */
    Slice<Customer> list(String merchantId, boolean livemode, PageRequest page);

    long count(String merchantId, boolean livemode);
}
