package dev.paysuite.refunds.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The row of table {@code refunds}. Never a domain object: see {@link RefundMapper}. */
@Entity
@Table(name = "refunds")
public class RefundJpaEntity {
    @Id
    public String id;
    @Column(name = "payment_id", nullable = false)
    public String paymentId;
    @Column(name = "merchant_id", nullable = false)
    public String merchantId;
    @Column(nullable = false)
    public boolean livemode;
    @Column(nullable = false)
    public long amount;
    @Column(nullable = false)
    public String currency;
    @Column(nullable = false)
    public String status;
    public String reason;
    @Column(nullable = false)
    public String metadata;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "processor_reference")
    public String processorReference;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
}
