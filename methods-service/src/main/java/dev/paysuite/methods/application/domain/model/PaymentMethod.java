package dev.paysuite.methods.application.domain.model;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.id.CustomerId;
import dev.paysuite.kernel.id.PaymentMethodId;
import dev.paysuite.kernel.page.Listable;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored payment method of a merchant's, or a test alias every merchant shares in test mode
 * ({@code merchantId} null). It carries what may be shown and a reference to its sealed secret in the
 * vault, never the secret. It may be attached to one customer; once detached (or its customer
 * deleted) it can never be charged or attached again, so a number a customer took back stays unused.
 */
public final class PaymentMethod implements Listable {
    private final PaymentMethodId id;
    private final String merchantId;
    private final boolean livemode;
    private final MethodType type;
    private final ShownDetails shown;
    private final Metadata metadata;
    private final String vaultRecordId;
    private final String secretHash;
    private final Instant createdAt;
    private CustomerId customerId;
    private MethodStatus status;
    private Instant updatedAt;
    private Instant detachedAt;

    public PaymentMethod(PaymentMethodId id, String merchantId, boolean livemode, MethodType type, ShownDetails shown,
            Metadata metadata, String vaultRecordId, String secretHash, CustomerId customerId, MethodStatus status,
            Instant createdAt, Instant updatedAt, Instant detachedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.merchantId = merchantId;
        this.livemode = livemode;
        this.type = Objects.requireNonNull(type, "type");
        this.shown = Objects.requireNonNull(shown, "shown");
        this.metadata = metadata == null ? Metadata.EMPTY : metadata;
        this.vaultRecordId = vaultRecordId;
        this.secretHash = secretHash;
        this.customerId = customerId;
        this.status = Objects.requireNonNull(status, "status");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = updatedAt == null ? createdAt : updatedAt;
        this.detachedAt = detachedAt;
    }

    /** A new method of a merchant's, sealed in the vault as {@code vaultRecordId} (null when it has no secret). */
    public static PaymentMethod create(String merchantId, boolean livemode, MethodDetails details, Metadata metadata,
            String vaultRecordId, String secretHash, Instant now) {
        return new PaymentMethod(PaymentMethodId.generate(), Objects.requireNonNull(merchantId, "merchantId"),
                livemode, details.type(), details.shown(), metadata, vaultRecordId, secretHash, null,
                MethodStatus.USABLE, now, now, null);
    }

    /**
     * Attaches this method to {@code customer}. Attaching it again to the same customer changes
     * nothing (answers false); another customer's method, a detached one or a shared test alias is
     * refused.
     */
    public boolean attach(CustomerId customer, Instant now) {
        if (isShared()) {
            throw DomainException.invalid(MethodErrorCodes.METHOD_SHARED,
                    "Test payment method " + id + " is shared by every merchant: it can be charged but not attached.",
                    null);
        }
        if (status == MethodStatus.DETACHED) {
            throw DomainException.invalid(MethodErrorCodes.METHOD_UNEXPECTED_STATE, "Payment method " + id
                    + " was detached from a customer and may not be used again. Create a new payment method.", null);
        }
        if (customerId != null) {
            if (customerId.equals(customer)) {
                return false;
            }
            throw DomainException.invalid(MethodErrorCodes.METHOD_UNEXPECTED_STATE,
                    "Payment method " + id + " is attached to another customer. Detach it first.", null);
        }
        customerId = customer;
        updatedAt = now;
        return true;
    }

    /** Detaches this method from its customer for good; a method attached to no customer is refused. */
    public void detach(Instant now) {
        if (customerId == null || status == MethodStatus.DETACHED) {
            throw DomainException.invalid(MethodErrorCodes.METHOD_UNEXPECTED_STATE,
                    "Payment method " + id + " is not attached to a customer.", null);
        }
        status = MethodStatus.DETACHED;
        detachedAt = now;
        updatedAt = now;
    }

    public boolean isChargeable() {
        return status == MethodStatus.USABLE;
    }

    /** A test alias every merchant may charge in test mode. */
    public boolean isShared() {
        return merchantId == null;
    }

    @Override
    public PaymentMethodId id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    public boolean livemode() {
        return livemode;
    }

    public MethodType type() {
        return type;
    }

    public ShownDetails shown() {
        return shown;
    }

    public Metadata metadata() {
        return metadata;
    }

    public String vaultRecordId() {
        return vaultRecordId;
    }

    public String secretHash() {
        return secretHash;
    }

    /** The customer it is attached to; after a detach, the one it was attached to. */
    public CustomerId customerId() {
        return customerId;
    }

    public MethodStatus status() {
        return status;
    }

    @Override
    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant detachedAt() {
        return detachedAt;
    }
}
