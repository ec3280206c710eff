package dev.paysuite.refunds.application.port.out;

import dev.paysuite.refunds.application.domain.model.Refund;
import dev.paysuite.refunds.application.port.in.RefundRef;
import java.util.List;
import java.util.Optional;

public interface LoadRefundPort {
    Optional<Refund> load(RefundRef ref);

    /** Pending refunds, oldest first, locked for this transaction; ones another instance holds are skipped. */
    List<Refund> lockPending(int atMost);
}
