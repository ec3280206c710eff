package dev.paysuite.gateway.application.domain.model;

import dev.paysuite.kernel.page.Listable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One admin action, kept for good: who ({@link AdminActor}), what ({@link Action}, on which merchant
 * and object, with the values it set) and when. Never a secret or a key hash: keys appear by id and
 * display prefix only.
 */
public record AuditEvent(AuditEventId id, AdminActor actor, Action action, String merchantId, String objectId,
        Map<String, String> details, Instant createdAt) implements Listable {

    public enum Action {
        MERCHANT_CREATED("merchant.created"),
        KEY_CREATED("api_key.created"),
        KEY_ROLLED("api_key.rolled"),
        KEY_REVOKED("api_key.revoked"),
        KEY_LIMITS_CHANGED("api_key.limits_changed");

        private final String wireName;

        Action(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Action fromWireName(String name) {
            for (Action a : values()) {
                if (a.wireName.equals(name)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("Unknown audit action '" + name + "'");
        }
    }

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(createdAt, "createdAt");
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
