package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.id.PaymentLinkId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.payments.application.domain.model.PaymentLink;
import dev.paysuite.payments.application.port.in.PaymentLinkRef;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

public interface LoadPaymentLinkPort {
    /** A merchant's link in a mode; another merchant's or mode's does not exist. */
    Optional<PaymentLink> load(PaymentLinkRef ref);

    /** Whichever merchant's: the public page knows a link by its id only. */
    Optional<PaymentLink> loadById(PaymentLinkId id);

    /** The same, locked until the step ends: one-time links take their one payment under this lock. */
    @ChangesState
    Optional<PaymentLink> loadForUpdate(PaymentLinkId id);

    Slice<PaymentLink> list(String merchantId, boolean livemode, PageRequest page);

    long count(String merchantId, boolean livemode);

    /** Which of these links have a payment that counts as paid ({@link PaymentLink#countsAsPaid}). */
    Set<PaymentLinkId> paid(Collection<PaymentLinkId> links);
}
