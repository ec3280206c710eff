package dev.paysuite.webhooks.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code events}, read by the Events API; written only by {@link EventLogAdapter}'s SQL. */
@Entity
@Table(name = "events")
public class EventJpaEntity {
    @Id
    public String id;
    @Column(name = "merchant_id")
    public String merchantId;
    public boolean livemode;
    public String type;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "source_topic")
    public String sourceTopic;
    @Column(name = "payment_id")
    public String paymentId;
    public Long sequence;
    public Long position;
    public String data;
}
