package dev.paysuite.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The columns every row of a merchant's object has: its id, whose it is and in which mode (the
 * three that make another merchant's object not exist), when it was made and last changed (lists
 * page by {@code createdAt} and {@code id}, see {@link KeysetPages}), and an optimistic version.
 */
@MappedSuperclass
public abstract class MerchantOwnedEntity {
    @Id
    public String id;
    @Column(name = "merchant_id", nullable = false)
    public String merchantId;
    @Column(nullable = false)
    public boolean livemode;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
}
