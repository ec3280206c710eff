package dev.paysuite.webhooks.application.domain.model;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.WebhookEndpointId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A merchant's webhook endpoint: where events of the types it subscribes to are delivered, signed
 * with its secret.
 *
 * <p><b>Secrets.</b> Rolling the secret keeps the old one signing beside the new one until a grace
 * period ends (24 h by default), so the merchant can deploy the new secret without refusing a
 * delivery in between. Only one previous secret is kept: rolling again during the grace period
 * drops the oldest at once.
 *
 * <p><b>Disabling by itself.</b> The endpoint remembers when its current run of failures began (the
 * first failed attempt since the last success). When every attempt has failed for
 * {@link #AUTO_DISABLE_AFTER} (5 days, configurable), {@link #shouldDisable} says so and the service
 * disables it and announces {@code endpoint.disabled}. Enabling it again starts a fresh count and
 * redelivers nothing by itself: the merchant chooses what to recover.
 *
 * <p><b>Dialect.</b> An endpoint registered through a seed API's base path speaks that API's
 * dialect (its name, such as {@code example}; null for the canonical API): it receives each event
 * as the dialect writes it, and only the events the dialect has. The dialect is chosen once, at
 * creation; which names exist is known outside the domain.
 */
public final class WebhookEndpoint {
    public static final int MAX_DESCRIPTION = 1000;
    public static final String DIALECT_FIELD = "dialect";
    private static final Pattern DIALECT_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    public static final Duration DEFAULT_ROLL_GRACE = Duration.ofHours(24);
    public static final Duration AUTO_DISABLE_AFTER = Duration.ofDays(5);

    private final WebhookEndpointId id;
    private final String merchantId;
    private final boolean livemode;
    private final Instant createdAt;
    private final String dialect;
    private DeliveryUrl url;
    private EnabledEvents enabledEvents;
    private String description;
    private EndpointStatus status;
    private SigningSecret secret;
    private SigningSecret previousSecret;
    private Instant previousSecretExpiresAt;
    private Instant failingSince;
    private Instant lastSuccessAt;
    private Instant updatedAt;

    /** Rebuilds an endpoint as stored; {@link #create} makes a new one. */
    public WebhookEndpoint(WebhookEndpointId id, String merchantId, boolean livemode, DeliveryUrl url,
            EnabledEvents enabledEvents, String description, String dialect, EndpointStatus status,
            SigningSecret secret, SigningSecret previousSecret, Instant previousSecretExpiresAt, Instant failingSince,
            Instant lastSuccessAt, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.livemode = livemode;
        this.url = Objects.requireNonNull(url, "url");
        this.enabledEvents = Objects.requireNonNull(enabledEvents, "enabledEvents");
        this.description = checkedDescription(description);
        this.dialect = checkedDialect(dialect);
        this.status = Objects.requireNonNull(status, "status");
        this.secret = Objects.requireNonNull(secret, "secret");
        if ((previousSecret == null) != (previousSecretExpiresAt == null)) {
            throw new IllegalArgumentException("a previous secret has an expiry, and only then");
        }
        this.previousSecret = previousSecret;
        this.previousSecretExpiresAt = previousSecretExpiresAt;
        this.failingSince = failingSince;
        this.lastSuccessAt = lastSuccessAt;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = updatedAt == null ? createdAt : updatedAt;
    }

    /**
     * A new, enabled endpoint. The URL has passed {@link DeliveryUrlPolicy} already, and the dialect
     * (null for the canonical API) is one that exists.
     */
    public static WebhookEndpoint create(String merchantId, boolean livemode, DeliveryUrl url,
            EnabledEvents enabledEvents, String description, String dialect, SigningSecret secret, Instant now) {
        return new WebhookEndpoint(WebhookEndpointId.generate(), merchantId, livemode, url, enabledEvents,
                description, dialect, EndpointStatus.ENABLED, secret, null, null, null, null, now, now);
    }

    // ---- What the merchant changes ----

    public void changeUrl(DeliveryUrl newUrl, Instant now) {
        url = Objects.requireNonNull(newUrl, "url");
        updatedAt = now;
    }

    public void changeEnabledEvents(EnabledEvents events, Instant now) {
        enabledEvents = Objects.requireNonNull(events, "enabledEvents");
        updatedAt = now;
    }

    public void changeDescription(String newDescription, Instant now) {
        description = checkedDescription(newDescription);
        updatedAt = now;
    }

    /** Answers whether anything changed; disabling a disabled endpoint is no error. */
    public boolean disable(Instant now) {
        if (status == EndpointStatus.DISABLED) {
            return false;
        }
        status = EndpointStatus.DISABLED;
        updatedAt = now;
        return true;
    }

    /** Enables it again with a clean record: the failures before count no more toward disabling it. */
    public boolean enable(Instant now) {
        if (status == EndpointStatus.ENABLED) {
            return false;
        }
        status = EndpointStatus.ENABLED;
        failingSince = null;
        updatedAt = now;
        return true;
    }

    /** Rolls the secret with a fresh random one; answers it (shown to the merchant once). */
    public SigningSecret rollSecret(Instant now, Duration grace) {
        return rollSecret(SigningSecret.generate(), now, grace);
    }

    /**
     * Makes {@code next} the secret; the current one keeps signing until {@code now + grace}. A zero
     * grace drops it at once (a leaked secret).
     */
    public SigningSecret rollSecret(SigningSecret next, Instant now, Duration grace) {
        Objects.requireNonNull(next, "next");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the grace period is zero or more");
        }
        if (grace.isZero()) {
            previousSecret = null;
            previousSecretExpiresAt = null;
        } else {
            previousSecret = secret;
            previousSecretExpiresAt = now.plus(grace);
        }
        secret = next;
        updatedAt = now;
        return next;
    }

    /** The secrets a delivery at {@code now} is signed with: the current one first, then the previous while in grace. */
    public List<SigningSecret> signingSecrets(Instant now) {
        if (previousSecret != null && now.isBefore(previousSecretExpiresAt)) {
            return List.of(secret, previousSecret);
        }
        return List.of(secret);
    }

    // ---- Deliveries ----

    /** Whether the endpoint subscribes to {@code eventType} (enabled or not). */
    public boolean matches(String eventType) {
        return enabledEvents.matches(eventType);
    }

    /** Whether a new event of {@code eventType} is delivered here now: enabled and subscribed. */
    public boolean receives(String eventType) {
        return status == EndpointStatus.ENABLED && matches(eventType);
    }

    /**
     * Notes how an attempt at {@code at} ended. A success ends the run of failures; a failure starts
     * one unless one is running. Attempts may be recorded out of order (deliveries run side by side):
     * the run begins at the earliest failure after the latest success, whatever order they came in.
     */
    public void recordOutcome(boolean success, Instant at) {
        if (success) {
            if (lastSuccessAt == null || at.isAfter(lastSuccessAt)) {
                lastSuccessAt = at;
            }
            if (failingSince != null && !at.isBefore(failingSince)) {
                failingSince = null;
            }
        } else if ((lastSuccessAt == null || at.isAfter(lastSuccessAt))
                && (failingSince == null || at.isBefore(failingSince))) {
            failingSince = at;
        }
    }

    /** Whether every attempt since {@code after} ago has failed, so the endpoint should be disabled. */
    public boolean shouldDisable(Instant now, Duration after) {
        return status == EndpointStatus.ENABLED && failingSince != null
                && !now.isBefore(failingSince.plus(after));
    }

    // ---- Reading ----

    public WebhookEndpointId id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    public boolean livemode() {
        return livemode;
    }

    public DeliveryUrl url() {
        return url;
    }

    public EnabledEvents enabledEvents() {
        return enabledEvents;
    }

    /** Null when none was given. */
    public String description() {
        return description;
    }

    /** The dialect its deliveries are written in; empty for the canonical API. */
    public Optional<String> dialect() {
        return Optional.ofNullable(dialect);
    }

    public EndpointStatus status() {
        return status;
    }

    public SigningSecret secret() {
        return secret;
    }

    public SigningSecret previousSecret() {
        return previousSecret;
    }

    public Instant previousSecretExpiresAt() {
        return previousSecretExpiresAt;
    }

    /** When the current run of failures began; null when the last attempt succeeded (or none failed). */
    public Instant failingSince() {
        return failingSince;
    }

    public Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    private static String checkedDescription(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw DomainException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{description} must be at most " + MAX_DESCRIPTION + " characters.", "description");
        }
        return description;
    }

    /** Null, or a dialect's name as names are written (whether that dialect exists is known outside the domain). */
    public static String checkedDialect(String dialect) {
        if (dialect != null && !DIALECT_NAME.matcher(dialect).matches()) {
            throw DomainException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{" + DIALECT_FIELD + "} must be the name of a dialect (lower-case letters, digits, - and _).",
                    DIALECT_FIELD);
        }
        return dialect;
    }
}
