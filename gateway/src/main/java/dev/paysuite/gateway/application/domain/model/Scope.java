package dev.paysuite.gateway.application.domain.model;

import java.util.Optional;

/**
 * What a restricted key or a token may do, resource by resource: read (GET) or write (everything
 * else). A secret key ({@code sk_}) may do everything; a restricted one ({@code rk_}) only what its
 * scopes name.
 */
public enum Scope {
    PAYMENTS_READ("payments:read"),
    PAYMENTS_WRITE("payments:write"),
    REFUNDS_READ("refunds:read"),
    REFUNDS_WRITE("refunds:write"),
    METHODS_READ("methods:read"),
    METHODS_WRITE("methods:write"),
    EVENTS_READ("events:read"),
    WEBHOOKS_READ("webhooks:read"),
    WEBHOOKS_WRITE("webhooks:write");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Scope> fromWire(String name) {
        for (Scope s : values()) {
            if (s.wireName.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The scope a request needs, by its method and path; empty for a path no scope covers (an
     * unknown URL, answered 404 further on). Reading is GET or HEAD; anything else writes.
     */
    public static Optional<Scope> requiredFor(String method, String path) {
        boolean reads = method.equals("GET") || method.equals("HEAD");
        if (path.matches("/v1/payments/[^/]+/refunds?") || path.equals("/v1/refunds") || path.startsWith("/v1/refunds/")) {
            return Optional.of(reads ? REFUNDS_READ : REFUNDS_WRITE);
        }
        if (under(path, "/v1/payments") || under(path, "/v1/payment_links") || under(path, "/v1/subscriptions")
                || under(path, "/v1/test_clocks") || under(path, "/v1/disputes")) {
            return Optional.of(reads ? PAYMENTS_READ : PAYMENTS_WRITE);
        }
        if (under(path, "/v1/customers") || under(path, "/v1/payment_methods")) {
            return Optional.of(reads ? METHODS_READ : METHODS_WRITE);
        }
        if (under(path, "/v1/events")) {
            return Optional.of(EVENTS_READ); // events are only read
        }
        if (under(path, "/v1/webhook_endpoints")) {
            return Optional.of(reads ? WEBHOOKS_READ : WEBHOOKS_WRITE);
        }
        return Optional.empty();
    }

    private static boolean under(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }
}
