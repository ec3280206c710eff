package dev.paysuite.gateway.application.domain.service;

import dev.paysuite.gateway.application.domain.model.AdminActor;
import dev.paysuite.gateway.application.domain.model.AdminException;
import dev.paysuite.gateway.application.domain.model.AuditEvent;
import dev.paysuite.gateway.application.domain.model.AuditEvent.Action;
import dev.paysuite.gateway.application.domain.model.AuditEventId;
import dev.paysuite.gateway.application.domain.model.GracePeriod;
import dev.paysuite.gateway.application.domain.model.IssuedKey;
import dev.paysuite.gateway.application.domain.model.ManagedKey;
import dev.paysuite.gateway.application.domain.model.Merchant;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.port.in.AdministerMerchantsUseCase;
import dev.paysuite.gateway.application.port.out.EvictCachedApiKeyPort;
import dev.paysuite.gateway.application.port.out.LoadAuditEventsPort;
import dev.paysuite.gateway.application.port.out.LoadManagedKeyPort;
import dev.paysuite.gateway.application.port.out.LoadMerchantPort;
import dev.paysuite.gateway.application.port.out.PublishKeyChangePort;
import dev.paysuite.gateway.application.port.out.RecordAuditEventPort;
import dev.paysuite.gateway.application.port.out.SaveManagedKeyPort;
import dev.paysuite.gateway.application.port.out.CreateMerchantPort;
import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.id.Ids;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.tx.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each change is one step: lock, let the domain decide, save, record the audit event. A change to a
 * key is then announced, after the commit, so a replica that reloads the key reads the new row:
 * this replica evicts its copy at once, the others when the announcement reaches them.
 */
public class AdministerMerchantsService implements AdministerMerchantsUseCase {
    private final LoadMerchantPort loadMerchants;
    private final CreateMerchantPort saveMerchants;
    private final LoadManagedKeyPort loadKeys;
    private final SaveManagedKeyPort saveKeys;
    private final RecordAuditEventPort audit;
    private final LoadAuditEventsPort auditLog;
    private final EvictCachedApiKeyPort cache;
    private final PublishKeyChangePort replicas;
    private final RateLimitPolicy defaultRateLimit;
    private final Transactions transactions;
    private final Clock clock;

    public AdministerMerchantsService(LoadMerchantPort loadMerchants, CreateMerchantPort saveMerchants,
            LoadManagedKeyPort loadKeys, SaveManagedKeyPort saveKeys, RecordAuditEventPort audit,
            LoadAuditEventsPort auditLog, EvictCachedApiKeyPort cache, PublishKeyChangePort replicas,
            RateLimitPolicy defaultRateLimit, Transactions transactions, Clock clock) {
        this.loadMerchants = loadMerchants;
        this.saveMerchants = saveMerchants;
        this.loadKeys = loadKeys;
        this.saveKeys = saveKeys;
        this.audit = audit;
        this.auditLog = auditLog;
        this.cache = cache;
        this.replicas = replicas;
        this.defaultRateLimit = defaultRateLimit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Merchant createMerchant(AdminActor actor, String name) {
        Instant now = Now.of(clock);
        Merchant merchant = new Merchant(Ids.generate(Merchant.ID_PREFIX), name, now);
        transactions.inTransaction(() -> {
            saveMerchants.create(merchant);
            record(actor, Action.MERCHANT_CREATED, merchant.id(), merchant.id(), Map.of(), now);
        });
        return merchant;
    }

    @Override
    public Merchant merchant(String merchantId) {
        return loadMerchants.loadMerchant(merchantId).orElseThrow(() -> AdminException.notFound("merchant", merchantId));
    }

    @Override
    public IssuedKey createKey(CreateKeyCommand command) {
        Instant now = Now.of(clock);
        RateLimitPolicy policy = command.rateLimit() == null ? defaultRateLimit : command.rateLimit();
        return transactions.inTransaction(() -> {
            merchant(command.merchantId());
            IssuedKey issued = ManagedKey.issue(Ids.generate(ManagedKey.ID_PREFIX), command.merchantId(),
                    command.mode(), command.restricted(), command.scopes(), policy, now);
            saveKeys.insert(issued);
            record(command.actor(), Action.KEY_CREATED, command.merchantId(), issued.key().id(),
                    describe(issued.key()), now);
            return issued;
        });
    }

    @Override
    public List<ManagedKey> keys(String merchantId) {
        merchant(merchantId);
        return loadKeys.keysOf(merchantId);
    }

    @Override
    public IssuedKey rollKey(AdminActor actor, String keyId, GracePeriod grace) {
        Instant now = Now.of(clock);
        IssuedKey successor = transactions.inTransaction(() -> {
            ManagedKey.Rolled rolled = lock(keyId).roll(Ids.generate(ManagedKey.ID_PREFIX), grace, now);
            saveKeys.update(rolled.old());
            saveKeys.insert(rolled.successor());
            Map<String, String> details = describe(rolled.successor().key());
            details.put("rolled_key_id", keyId);
            details.put("rolled_key_expires_at", rolled.old().expiresAt().toString());
            record(actor, Action.KEY_ROLLED, rolled.old().merchantId(), rolled.successor().key().id(), details, now);
            return rolled.successor();
        });
        announce(keyId);
        return successor;
    }

    @Override
    public ManagedKey revokeKey(AdminActor actor, String keyId) {
        Instant now = Now.of(clock);
        ManagedKey revoked = transactions.inTransaction(() -> {
            ManagedKey key = lock(keyId);
            ManagedKey after = key.revoke(now);
            if (after != key) {
                saveKeys.update(after);
                record(actor, Action.KEY_REVOKED, key.merchantId(), keyId, describe(after), now);
            }
            return after;
        });
        announce(keyId);
        return revoked;
    }

    @Override
    public ManagedKey setLimits(AdminActor actor, String keyId, RateLimitPolicy rateLimit) {
        Instant now = Now.of(clock);
        ManagedKey changed = transactions.inTransaction(() -> {
            ManagedKey after = lock(keyId).withRateLimit(rateLimit);
            saveKeys.update(after);
            record(actor, Action.KEY_LIMITS_CHANGED, after.merchantId(), keyId, describe(after), now);
            return after;
        });
        announce(keyId);
        return changed;
    }

    @Override
    public Page<AuditEvent> auditEvents(PageQuery query) {
        PageRequest request = query.resolve(id -> auditLog.loadAuditEvent(id));
        return Page.of(request, auditLog.auditEvents(request), -1);
    }

    private ManagedKey lock(String keyId) {
        return loadKeys.lockKey(keyId).orElseThrow(() -> AdminException.notFound("API key", keyId));
    }

    private void announce(String keyId) {
        cache.evict(keyId);
        replicas.publish(keyId);
    }

    private void record(AdminActor actor, Action action, String merchantId, String objectId,
            Map<String, String> details, Instant now) {
        audit.record(new AuditEvent(new AuditEventId(Ids.generate(AuditEventId.PREFIX)), actor, action, merchantId,
                objectId, details, now));
    }

    /** What the audit log keeps of a key: never its secret or hash, only its display prefix. */
    private static Map<String, String> describe(ManagedKey key) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("prefix", key.prefix());
        details.put("mode", key.mode().wireName());
        Optional.ofNullable(key.permissions().wireScopes()).ifPresent(s -> details.put("scopes", s));
        details.put("rate_limit", key.rateLimit().limit() + "/" + key.rateLimit().windowSeconds() + "s burst "
                + key.rateLimit().burst());
        if (key.revokedAt() != null) {
            details.put("revoked_at", key.revokedAt().toString());
        }
        return details;
    }
}
