package dev.paysuite.payments.adapter.out.persistence;

import dev.paysuite.platform.persistence.MerchantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "payment_links")
public class PaymentLinkJpaEntity extends MerchantOwnedEntity {
    @Column(nullable = false)
    public long amount;
    @Column(nullable = false)
    public String currency;
    @Column(name = "line_items", nullable = false)
    public String lineItems;
    public String description;
    @Column(nullable = false)
    public String metadata;
    @Column(nullable = false)
    public boolean reusable;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "redirect_url")
    public String redirectUrl;
    @Column(name = "payment_method_types", nullable = false)
    public String paymentMethodTypes;
    @Column(nullable = false)
    public boolean deactivated;
}
