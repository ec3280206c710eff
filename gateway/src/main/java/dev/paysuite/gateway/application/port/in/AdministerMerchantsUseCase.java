package dev.paysuite.gateway.application.port.in;

import dev.paysuite.gateway.application.domain.model.AdminActor;
import dev.paysuite.gateway.application.domain.model.AuditEvent;
import dev.paysuite.gateway.application.domain.model.GracePeriod;
import dev.paysuite.gateway.application.domain.model.IssuedKey;
import dev.paysuite.gateway.application.domain.model.ManagedKey;
import dev.paysuite.gateway.application.domain.model.Merchant;
import dev.paysuite.gateway.application.domain.model.Mode;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.domain.model.Scope;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The admin API: merchants and their keys. Every change is recorded in the audit log, with its
 * actor, in the same transaction; a change to a key is refused by every gateway replica at once
 * (its cached copies are evicted). Unknown merchants and keys fail with a not-found
 * {@link dev.paysuite.kernel.error.DomainException}, bad values with an invalid one naming the field.
 */
public interface AdministerMerchantsUseCase {

    record CreateKeyCommand(AdminActor actor, String merchantId, Mode mode, boolean restricted, Set<Scope> scopes,
            RateLimitPolicy rateLimit) {
        public CreateKeyCommand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(merchantId, "merchantId");
            Objects.requireNonNull(mode, "mode");
            scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        }
    }

    Merchant createMerchant(AdminActor actor, String name);

    Merchant merchant(String merchantId);

    /** A new key with its secret, which is shown this once. {@code rateLimit} null: the default policy. */
    IssuedKey createKey(CreateKeyCommand command);

    /** The merchant's keys, newest first, without secrets. */
    List<ManagedKey> keys(String merchantId);

    /** The key's successor with its secret; the key itself keeps working for the grace period. */
    IssuedKey rollKey(AdminActor actor, String keyId, GracePeriod grace);

    ManagedKey revokeKey(AdminActor actor, String keyId);

    ManagedKey setLimits(AdminActor actor, String keyId, RateLimitPolicy rateLimit);

    /** The audit log, newest first. */
    Page<AuditEvent> auditEvents(PageQuery query);
}
