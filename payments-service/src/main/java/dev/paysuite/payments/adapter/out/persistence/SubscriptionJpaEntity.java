package dev.paysuite.payments.adapter.out.persistence;

import dev.paysuite.platform.persistence.MerchantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "subscriptions")
public class SubscriptionJpaEntity extends MerchantOwnedEntity {
    @Column(name = "customer_id", nullable = false)
    public String customerId;
    @Column(name = "payment_method_id", nullable = false)
    public String paymentMethodId;
    @Column(nullable = false)
    public long amount;
    @Column(nullable = false)
    public String currency;
    @Column(name = "billing_interval", nullable = false)
    public String interval;
    @Column(name = "interval_count", nullable = false)
    public int intervalCount;
    @Column(name = "start_at", nullable = false)
    public Instant startAt;
    @Column(name = "end_at")
    public Instant endAt;
    public Integer cycles;
    @Column(nullable = false)
    public String metadata;
    @Column(nullable = false)
    public String status;
    @Column(name = "cancel_at_period_end", nullable = false)
    public boolean cancelAtPeriodEnd;
    @Column(name = "canceled_at")
    public Instant canceledAt;
    @Column(name = "cancellation_reason")
    public String cancellationReason;
    @Column(name = "current_cycle", nullable = false)
    public int currentCycle;
    @Column(name = "cycles_paid", nullable = false)
    public int cyclesPaid;
    @Column(nullable = false)
    public int attempt;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "pending_payment")
    public String pendingPayment;
    @Column(name = "latest_payment")
    public String latestPayment;
    @Column(name = "test_clock")
    public String testClock;
    @Column(name = "event_sequence", nullable = false)
    public long eventSequence;
}
