package dev.paysuite.refunds.adapter.out.persistence;

import dev.paysuite.platform.persistence.MerchantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The row of table {@code refunds}. Never a domain object: see {@link RefundMapper}. */
@Entity
@Table(name = "refunds")
public class RefundJpaEntity extends MerchantOwnedEntity {
    @Column(name = "payment_id", nullable = false)
    public String paymentId;
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
}
