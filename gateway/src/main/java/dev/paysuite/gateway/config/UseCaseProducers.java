package dev.paysuite.gateway.config;

import dev.paysuite.gateway.application.domain.model.ForwardingRules;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.domain.model.Route;
import dev.paysuite.gateway.application.domain.model.Routes;
import dev.paysuite.gateway.application.domain.service.AdministerMerchantsService;
import dev.paysuite.gateway.application.domain.service.AuthenticateAdminService;
import dev.paysuite.gateway.application.domain.service.ForgetCachedKeyService;
import dev.paysuite.gateway.application.port.in.AdministerMerchantsUseCase;
import dev.paysuite.gateway.application.port.in.AuthenticateAdminUseCase;
import dev.paysuite.gateway.application.port.in.ForgetCachedKeyUseCase;
import dev.paysuite.gateway.application.port.out.CreateMerchantPort;
import dev.paysuite.gateway.application.port.out.EvictCachedApiKeyPort;
import dev.paysuite.gateway.application.port.out.LoadAuditEventsPort;
import dev.paysuite.gateway.application.port.out.LoadManagedKeyPort;
import dev.paysuite.gateway.application.port.out.LoadMerchantPort;
import dev.paysuite.gateway.application.port.out.PublishKeyChangePort;
import dev.paysuite.gateway.application.port.out.RecordAuditEventPort;
import dev.paysuite.gateway.application.port.out.SaveManagedKeyPort;
import dev.paysuite.gateway.application.domain.service.AdmitRequestService;
import dev.paysuite.gateway.application.domain.service.ServeHostedPageService;
import dev.paysuite.gateway.application.port.in.ServeHostedPageUseCase;
import dev.paysuite.gateway.application.port.out.LookUpPaymentLinkPort;
import dev.paysuite.gateway.application.domain.service.AuthenticateApiKeyService;
import dev.paysuite.gateway.application.domain.service.ForwardRequestService;
import dev.paysuite.gateway.application.domain.service.SeedDemoMerchantService;
import dev.paysuite.gateway.application.port.in.AdmitRequestUseCase;
import dev.paysuite.gateway.application.port.in.AuthenticateApiKeyUseCase;
import dev.paysuite.gateway.application.port.in.ForwardRequestUseCase;
import dev.paysuite.gateway.application.port.in.SeedDemoMerchantUseCase;
import dev.paysuite.gateway.application.port.out.ConsumeRateLimitPort;
import dev.paysuite.gateway.application.port.out.ExchangeCardPort;
import dev.paysuite.gateway.application.port.out.IssueIdentityTokenPort;
import dev.paysuite.gateway.application.port.out.JsonBodyPort;
import dev.paysuite.gateway.application.port.out.LoadApiKeyPort;
import dev.paysuite.gateway.application.port.out.VerifyAccessTokenPort;
import dev.paysuite.gateway.application.port.out.SaveApiKeyPort;
import dev.paysuite.gateway.application.port.out.SaveMerchantPort;
import dev.paysuite.gateway.application.port.out.SendUpstreamPort;
import dev.paysuite.kernel.tx.Transactions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.regex.PatternSyntaxException;

/** Wires the plain-Java application services to their adapters and turns config into domain values. */
public class UseCaseProducers {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    RateLimitPolicy defaultRateLimit(GatewayConfig config) {
        GatewayConfig.RateLimit r = config.defaultRateLimit();
        return new RateLimitPolicy(r.limit(), r.windowSeconds(), r.burst());
    }

    /** Fails the start on a route that cannot work, rather than the first request it would match. */
    @Produces
    @Singleton
    Routes routes(GatewayConfig config) {
        return new Routes(config.routes().stream().map(route -> {
            if (!config.upstreams().containsKey(route.upstream())) {
                throw new IllegalStateException("Route " + route.path() + " names upstream '" + route.upstream()
                        + "', which paysuite.gateway.upstreams does not define");
            }
            try {
                return Route.of(route.path(), route.upstream());
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException("Route path " + route.path() + " is not a regular expression", e);
            }
        }).toList());
    }

    @Produces
    @Singleton
    ForwardingRules forwardingRules(GatewayConfig config) {
        return new ForwardingRules(config.forwardedRequestHeaders());
    }

    @Produces
    @Singleton
    AuthenticateApiKeyUseCase authenticateApiKey(LoadApiKeyPort keys, VerifyAccessTokenPort tokens,
            RateLimitPolicy defaultRateLimit, Clock clock) {
        return new AuthenticateApiKeyService(keys, tokens, defaultRateLimit, clock);
    }

    @Produces
    @Singleton
    ServeHostedPageUseCase serveHostedPage(ConsumeRateLimitPort rateLimits, RateLimitPolicy defaultRateLimit,
            LookUpPaymentLinkPort links, ExchangeCardPort vault, IssueIdentityTokenPort tokens,
            SendUpstreamPort upstreams, GatewayConfig config) {
        if (!config.upstreams().containsKey(config.pagesUpstream())) {
            throw new IllegalStateException("paysuite.gateway.pages-upstream names '" + config.pagesUpstream()
                    + "', which paysuite.gateway.upstreams does not define");
        }
        return new ServeHostedPageService(rateLimits, defaultRateLimit, links, vault, tokens, upstreams,
                config.pagesUpstream());
    }

    @Produces
    @Singleton
    AdmitRequestUseCase admitRequest(AuthenticateApiKeyUseCase authenticate, ConsumeRateLimitPort rateLimits,
            RateLimitPolicy defaultRateLimit, Clock clock) {
        return new AdmitRequestService(authenticate, rateLimits, defaultRateLimit, clock);
    }

    /**
     * Use-case steps as JTA transactions, as platform's JtaTransactions makes them for the services
     * (the gateway is no JAX-RS, JPA or Kafka service, so it does not build on platform).
     */
    @Produces
    @Singleton
    Transactions transactions() {
        return new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> step) {
                return QuarkusTransaction.getStatus() != Status.STATUS_NO_TRANSACTION ? step.get()
                        : QuarkusTransaction.requiringNew().call(step::get);
            }
        };
    }

    @Produces
    @Singleton
    SeedDemoMerchantUseCase seedDemoMerchant(SaveMerchantPort merchants, SaveApiKeyPort keys,
            RateLimitPolicy defaultRateLimit, Transactions transactions) {
        return new SeedDemoMerchantService(merchants, keys, defaultRateLimit, transactions);
    }

    @Produces
    @Singleton
    AuthenticateAdminUseCase authenticateAdmin(VerifyAccessTokenPort tokens) {
        return new AuthenticateAdminService(tokens);
    }

    @Produces
    @Singleton
    AdministerMerchantsUseCase administerMerchants(LoadMerchantPort loadMerchants, CreateMerchantPort saveMerchants,
            LoadManagedKeyPort loadKeys, SaveManagedKeyPort saveKeys, RecordAuditEventPort audit,
            LoadAuditEventsPort auditLog, EvictCachedApiKeyPort cache, PublishKeyChangePort replicas,
            RateLimitPolicy defaultRateLimit, Transactions transactions, Clock clock) {
        return new AdministerMerchantsService(loadMerchants, saveMerchants, loadKeys, saveKeys, audit, auditLog, cache,
                replicas, defaultRateLimit, transactions, clock);
    }

    @Produces
    @Singleton
    ForgetCachedKeyUseCase forgetCachedKey(EvictCachedApiKeyPort cache) {
        return new ForgetCachedKeyService(cache);
    }

    @Produces
    @Singleton
    ForwardRequestUseCase forwardRequest(Routes routes, ForwardingRules rules, IssueIdentityTokenPort tokens,
            SendUpstreamPort upstreams, JsonBodyPort json, ExchangeCardPort vault) {
        return new ForwardRequestService(routes, rules, tokens, upstreams, json, vault);
    }
}
