package dev.paysuite.payments.adapter.out.persistence;

import dev.paysuite.platform.persistence.MerchantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** The row of table {@code payments}. Never a domain object: see {@link PaymentMapper}. */
@Entity
@Table(name = "payments")
public class PaymentJpaEntity extends MerchantOwnedEntity {
    @Column(nullable = false)
    public long amount;
    @Column(name = "amount_captured", nullable = false)
    public long amountCaptured;
    @Column(name = "amount_refunded", nullable = false)
    public long amountRefunded;
    @Column(name = "amount_disputed", nullable = false)
    public long amountDisputed;
    @Column(nullable = false)
    public String currency;
    @Column(nullable = false)
    public String status;
    @Column(name = "capture_method", nullable = false)
    public String captureMethod;
    @Column(name = "payment_method_id")
    public String paymentMethodId;
    @Column(name = "source_token")
    public String sourceToken;
    @Column(name = "instrument_type")
    public String instrumentType;
    @Column(name = "card_brand")
    public String cardBrand;
    @Column(name = "card_last4")
    public String cardLast4;
    @Column(name = "card_exp_month")
    public Integer cardExpMonth;
    @Column(name = "card_exp_year")
    public Integer cardExpYear;
    @Column(name = "card_fingerprint")
    public String cardFingerprint;
    public String description;
    @Column(name = "customer_id")
    public String customerId;
    @Column(nullable = false)
    public String metadata;
    @Column(name = "failure_code")
    public String failureCode;
    @Column(name = "decline_code")
    public String declineCode;
    @Column(name = "failure_message")
    public String failureMessage;
    @Column(name = "next_action_type")
    public String nextActionType;
    @Column(name = "next_action_url")
    public String nextActionUrl;
    @Column(name = "return_url")
    public String returnUrl;
    @Column(name = "processor_reference")
    public String processorReference;
    @Column(name = "cancellation_reason")
    public String cancellationReason;
    @Column(name = "canceled_at")
    public Instant canceledAt;
    @Column(name = "captured_at")
    public Instant capturedAt;
    @Column(name = "event_sequence", nullable = false)
    public long eventSequence;
    @Column(name = "pending_operation")
    public String pendingOperation;
    @Column(name = "pending_amount")
    public Long pendingAmount;
    @Column(name = "pending_acquirer_key")
    public String pendingAcquirerKey;
    @Column(name = "pending_since")
    public Instant pendingSince;

    @Column(name = "payment_link")
    public String paymentLink;

    @Column(name = "subscription")
    public String subscription;

    @Column(name = "test_clock")
    public String testClock;
}
