package dev.paysuite.payments.application.port.out;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.payments.application.domain.model.DisputeEvidence;
import dev.paysuite.payments.application.domain.model.DisputeStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The acquirer's side of disputes: it tells of disputes opened and of the issuer's decisions (its
 * notifications stay until acknowledged, so one missed by a crash is read again), and is told the
 * merchant's evidence or acceptance (each at most once per dispute, however often it is told). It is
 * called with no transaction open.
 */
public interface DisputeAcquirerPort {

    /** What the acquirer tells of. */
    sealed interface Notice {
        String reference();
    }

    /**
     * A cardholder disputed {@code amount} of payment {@code paymentId} of merchant {@code merchantId};
     * evidence is due by {@code evidenceDueBy}.
     */
    record Opened(String reference, String merchantId, boolean livemode, PaymentId paymentId, Money amount,
            String reason, Instant evidenceDueBy) implements Notice {
        public Opened {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(merchantId, "merchantId");
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(evidenceDueBy, "evidenceDueBy");
        }
    }

    /** The issuer decided the dispute {@code reference}: won, lost or closed (withdrawn). */
    record Decided(String reference, DisputeStatus outcome) implements Notice {
        public Decided {
            Objects.requireNonNull(reference, "reference");
            if (outcome == null || !outcome.isFinal()) {
                throw new IllegalArgumentException("a decision is won, lost or closed");
            }
        }
    }

    /** Notifications not acknowledged yet, oldest first. */
    List<Notice> notifications(int atMost);

    /** The notification was applied: it is not told again. */
    void acknowledge(Notice notice);

    /** The merchant's evidence, submitted for the issuer's decision. */
    void submitEvidence(String reference, DisputeEvidence evidence);

    /** The merchant accepted the dispute. */
    void accept(String reference);
}
