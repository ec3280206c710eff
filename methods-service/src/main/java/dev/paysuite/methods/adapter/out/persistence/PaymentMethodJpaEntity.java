package dev.paysuite.methods.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The row of table {@code payment_methods}: what may be shown, and the id of the vault record that
 * holds the secret sealed. {@code merchantId} is null for the shared test aliases.
 */
@Entity
@Table(name = "payment_methods")
public class PaymentMethodJpaEntity {
    @Id
    public String id;
    @Column(name = "merchant_id")
    public String merchantId;
    public boolean livemode;
    public String type;
    @Column(name = "customer_id")
    public String customerId;
    public String status;
    public String brand;
    public String last4;
    @Column(name = "exp_month")
    public Integer expMonth;
    @Column(name = "exp_year")
    public Integer expYear;
    public String funding;
    public String details;
    public String metadata;
    @Column(name = "vault_record_id")
    public String vaultRecordId;
    @Column(name = "secret_hash")
    public String secretHash;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "detached_at")
    public Instant detachedAt;
    @Version
    public long version;
}
