package dev.paysuite.payments.adapter.out.persistence;

import dev.paysuite.platform.persistence.MerchantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** The row of table {@code disputes}; {@link DisputePersistenceAdapter} maps it to the domain's {@code Dispute}. */
@Entity
@Table(name = "disputes")
public class DisputeJpaEntity extends MerchantOwnedEntity {
    @Column(name = "payment_id", nullable = false)
    public String paymentId;
    @Column(nullable = false)
    public long amount;
    @Column(nullable = false)
    public String currency;
    @Column(nullable = false)
    public String reason;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public String evidence;
    @Column(name = "evidence_due_by", nullable = false)
    public Instant evidenceDueBy;
    @Column(name = "submission_count", nullable = false)
    public int submissionCount;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "acquirer_reference", nullable = false)
    public String acquirerReference;
    @Column(name = "acquirer_pending")
    public String acquirerPending;
    @Column(name = "closed_at")
    public Instant closedAt;
}
