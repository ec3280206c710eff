package dev.paysuite.gateway.application.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.application.domain.model.AdminActor;
import dev.paysuite.gateway.application.domain.model.AdminAuthentication;
import dev.paysuite.gateway.application.domain.model.AuditEvent;
import dev.paysuite.gateway.application.domain.model.GracePeriod;
import dev.paysuite.gateway.application.domain.model.IssuedKey;
import dev.paysuite.gateway.application.domain.model.ManagedKey;
import dev.paysuite.gateway.application.domain.model.Merchant;
import dev.paysuite.gateway.application.domain.model.Mode;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.domain.model.Scope;
import dev.paysuite.gateway.application.domain.model.VerifiedToken;
import dev.paysuite.gateway.application.port.in.AdministerMerchantsUseCase.CreateKeyCommand;
import dev.paysuite.gateway.application.port.out.LoadManagedKeyPort;
import dev.paysuite.gateway.application.port.out.RecordAuditEventPort;
import dev.paysuite.gateway.application.port.out.SaveManagedKeyPort;
import dev.paysuite.gateway.application.port.out.CreateMerchantPort;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.kernel.testing.InlineTransactions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdministerMerchantsServiceTest {
    static final AdminActor OPS = new AdminActor("paysuite-admin-cli", "sub-1", "ops");
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    final Map<String, Merchant> merchants = new LinkedHashMap<>();
    final Map<String, ManagedKey> keys = new LinkedHashMap<>();
    final List<AuditEvent> audit = new ArrayList<>();
    final List<String> evicted = new ArrayList<>();
    final List<String> published = new ArrayList<>();
    final InlineTransactions tx = new InlineTransactions();

    final AdministerMerchantsService service = new AdministerMerchantsService(
            id -> Optional.ofNullable(merchants.get(id)),
            tx.guard(CreateMerchantPort.class, merchant -> merchants.put(merchant.id(), merchant)),
            tx.guard(LoadManagedKeyPort.class, new LoadManagedKeyPort() {
                @Override
                public Optional<ManagedKey> lockKey(String keyId) {
                    return Optional.ofNullable(keys.get(keyId));
                }

                @Override
                public List<ManagedKey> keysOf(String merchantId) {
                    return keys.values().stream().filter(k -> k.merchantId().equals(merchantId)).toList();
                }
            }),
            tx.guard(SaveManagedKeyPort.class, new SaveManagedKeyPort() {
                @Override
                public void insert(IssuedKey issued) {
                    keys.put(issued.key().id(), issued.key());
                }

                @Override
                public void update(ManagedKey key) {
                    keys.put(key.id(), key);
                }
            }),
            tx.guard(RecordAuditEventPort.class, audit::add),
            new dev.paysuite.gateway.application.port.out.LoadAuditEventsPort() {
                @Override
                public Optional<AuditEvent> loadAuditEvent(String id) {
                    return audit.stream().filter(e -> e.id().value().equals(id)).findFirst();
                }

                @Override
                public Slice<AuditEvent> auditEvents(PageRequest request) {
                    List<AuditEvent> newest = audit.stream().sorted(Comparator.comparing(AuditEvent::createdAt)
                            .thenComparing(e -> e.id().value()).reversed()).toList();
                    return new Slice<>(newest.subList(0, Math.min(request.limit(), newest.size())),
                            newest.size() > request.limit());
                }
            },
            new dev.paysuite.gateway.application.port.out.EvictCachedApiKeyPort() {
                @Override
                public void evict(String keyId) {
                    evicted.add(keyId);
                }

                @Override
                public void evictAll() {
                }
            },
            published::add, RateLimitPolicy.DEFAULT, tx, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void everyChangeIsAuditedWithItsActorAndNeverTheSecret() {
        Merchant merchant = service.createMerchant(OPS, "Acme");
        IssuedKey key = service.createKey(new CreateKeyCommand(OPS, merchant.id(), Mode.TEST, true,
                Set.of(Scope.PAYMENTS_READ), null));
        service.setLimits(OPS, key.key().id(), new RateLimitPolicy(10, 60, 5));
        IssuedKey successor = service.rollKey(OPS, key.key().id(), GracePeriod.ofSeconds(30));
        service.revokeKey(OPS, successor.key().id());

        assertEquals(List.of(AuditEvent.Action.MERCHANT_CREATED, AuditEvent.Action.KEY_CREATED,
                AuditEvent.Action.KEY_LIMITS_CHANGED, AuditEvent.Action.KEY_ROLLED, AuditEvent.Action.KEY_REVOKED),
                audit.stream().map(AuditEvent::action).toList());
        assertTrue(audit.stream().allMatch(e -> e.actor().equals(OPS) && e.merchantId().equals(merchant.id())));
        assertTrue(audit.stream().noneMatch(e -> e.details().toString().contains(key.secret().reveal())
                || e.details().toString().contains(key.secret().hash())));
        assertEquals(key.key().prefix(), audit.get(1).details().get("prefix"));
        assertEquals(5, tx.stepsRun());
    }

    @Test
    void aChangedKeyIsEvictedHereAndAnnouncedToTheOtherReplicas() {
        Merchant merchant = service.createMerchant(OPS, "Acme");
        String keyId = service.createKey(new CreateKeyCommand(OPS, merchant.id(), Mode.TEST, false, Set.of(), null))
                .key().id();
        service.setLimits(OPS, keyId, new RateLimitPolicy(10, 60, 5));
        service.rollKey(OPS, keyId, GracePeriod.DEFAULT);
        service.revokeKey(OPS, keyId);
        assertEquals(List.of(keyId, keyId, keyId), evicted);
        assertEquals(evicted, published);
    }

    @Test
    void rollingKeepsTheOldKeyForTheGracePeriodAndCopiesItsLimitsAndScopes() {
        Merchant merchant = service.createMerchant(OPS, "Acme");
        IssuedKey key = service.createKey(new CreateKeyCommand(OPS, merchant.id(), Mode.LIVE, true,
                Set.of(Scope.REFUNDS_WRITE), new RateLimitPolicy(7, 10, 3)));
        IssuedKey successor = service.rollKey(OPS, key.key().id(), GracePeriod.ofSeconds(5));
        assertEquals(NOW.plusSeconds(5), keys.get(key.key().id()).expiresAt());
        assertNotEquals(key.secret().reveal(), successor.secret().reveal());
        assertEquals(key.key().rateLimit(), successor.key().rateLimit());
        assertEquals(key.key().permissions(), successor.key().permissions());
        assertTrue(successor.secret().reveal().startsWith("rk_live_"));
        assertEquals(2, service.keys(merchant.id()).size());
    }

    @Test
    void unknownMerchantsAndKeysAreNotFound() {
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> service.createKey(new CreateKeyCommand(OPS, "mer_nope", Mode.TEST, false, Set.of(), null))).kind());
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> service.revokeKey(OPS, "key_nope")).kind());
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> service.keys("mer_nope")).kind());
        assertTrue(audit.isEmpty());
        assertTrue(published.isEmpty());
    }

    @Test
    void theAuditLogIsPagedNewestFirstAndAnUnknownCursorIsRefused() {
        service.createMerchant(OPS, "A");
        service.createMerchant(OPS, "B");
        assertEquals(1, service.auditEvents(PageQuery.first(1)).data().size());
        assertTrue(service.auditEvents(PageQuery.first(1)).hasMore());
        assertEquals("startingAfter", assertThrows(DomainException.class,
                () -> service.auditEvents(new PageQuery(10, "aud_nope", null, 0))).field());
    }

    @Test
    void onlyAValidTokenWithTheAdminRoleIsAnAdmin() {
        FakePorts.AccessTokens tokens = new FakePorts.AccessTokens();
        tokens.valid.put("a.b.c", new VerifiedToken("paysuite-admin-cli", null, null, Set.of("admin"), "sub-1", null));
        tokens.valid.put("p.q.r", new VerifiedToken("demo-partner", "mer_demo", "payments:read", Set.of("partner")));
        AuthenticateAdminService admins = new AuthenticateAdminService(tokens);
        assertInstanceOf(AdminAuthentication.Admin.class, admins.authenticate("Bearer a.b.c").toCompletableFuture().join());
        assertInstanceOf(AdminAuthentication.Forbidden.class, admins.authenticate("Bearer p.q.r").toCompletableFuture().join());
        assertInstanceOf(AdminAuthentication.Invalid.class, admins.authenticate("Bearer x.y.z").toCompletableFuture().join());
        assertInstanceOf(AdminAuthentication.Invalid.class,
                admins.authenticate("Bearer sk_test_1234567890abcdefghijklmnop").toCompletableFuture().join());
        assertInstanceOf(AdminAuthentication.Missing.class, admins.authenticate(null).toCompletableFuture().join());
        tokens.down = true;
        assertInstanceOf(AdminAuthentication.Unavailable.class,
                admins.authenticate("Bearer a.b.c").toCompletableFuture().join());
    }
}
