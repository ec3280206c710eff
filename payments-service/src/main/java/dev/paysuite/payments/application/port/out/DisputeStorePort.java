package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.id.DisputeId;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.payments.application.domain.model.Dispute;
import dev.paysuite.payments.application.domain.model.DisputeStatus;
import dev.paysuite.payments.application.port.in.DisputeRef;
import java.util.List;
import java.util.Optional;

/** Where disputes are kept. */
public interface DisputeStorePort {
    /** A merchant's dispute in a mode; another merchant's or mode's does not exist. */
    Optional<Dispute> load(DisputeRef ref);

    Optional<Dispute> loadById(DisputeId id);

    /** The same, locked until the step ends. */
    @ChangesState
    Optional<Dispute> loadForUpdate(DisputeId id);

    /** The dispute the acquirer names so, if it was opened. */
    Optional<Dispute> findByAcquirerReference(String acquirerReference);

    Slice<Dispute> list(String merchantId, boolean livemode, PaymentId paymentId, DisputeStatus status,
            PageRequest page);

    long count(String merchantId, boolean livemode, PaymentId paymentId, DisputeStatus status);

    /** Disputes whose merchant's answer the acquirer was not told yet, oldest first. */
    List<DisputeId> awaitingAcquirer(int atMost);

    @ChangesState
    void insert(Dispute dispute);

    @ChangesState
    void update(Dispute dispute);
}
