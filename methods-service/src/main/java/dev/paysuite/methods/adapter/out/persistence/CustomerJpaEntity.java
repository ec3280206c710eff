package dev.paysuite.methods.adapter.out.persistence;

import dev.paysuite.platform.persistence.MerchantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The row of table {@code customers}. */
@Entity
@Table(name = "customers")
public class CustomerJpaEntity extends MerchantOwnedEntity {
    public String email;
    public String name;
    public String description;
    @Column(nullable = false)
    public String metadata;
    @Column(name = "default_payment_method_id")
    public String defaultPaymentMethodId;
    /** Set at creation, never changed. */
    @Column(name = "test_clock", updatable = false)
    public String testClock;
    @Column(nullable = false)
    public boolean deleted;
}
