package dev.paysuite.gateway.config;

import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.domain.model.Route;
import dev.paysuite.gateway.application.domain.model.Routes;
import dev.paysuite.gateway.application.domain.service.AdmitRequestService;
import dev.paysuite.gateway.application.domain.service.ForwardRequestService;
import dev.paysuite.gateway.application.port.in.AdmitRequestUseCase;
import dev.paysuite.gateway.application.port.in.ForwardRequestUseCase;
import dev.paysuite.gateway.application.port.out.ConsumeRateLimitPort;
import dev.paysuite.gateway.application.port.out.IssueIdentityTokenPort;
import dev.paysuite.gateway.application.port.out.LoadApiKeyPort;
import dev.paysuite.gateway.application.port.out.SendUpstreamPort;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the plain-Java application services to their adapters and turns config into domain values. */
public class UseCaseProducers {

    @Produces
    @Singleton
    RateLimitPolicy defaultRateLimit(GatewayConfig config) {
        GatewayConfig.RateLimit r = config.defaultRateLimit();
        return new RateLimitPolicy(r.limit(), r.windowSeconds(), r.burst());
    }

    @Produces
    @Singleton
    Routes routes(GatewayConfig config) {
        for (GatewayConfig.RouteConfig route : config.routes()) {
            if (!config.upstreams().containsKey(route.upstream())) {
                throw new IllegalStateException("Route " + route.path() + " names upstream '" + route.upstream()
                        + "' that paysuite.gateway.upstreams does not define");
            }
        }
        return new Routes(config.routes().stream().map(r -> Route.of(r.path(), r.upstream())).toList());
    }

    @Produces
    @Singleton
    AdmitRequestUseCase admitRequest(LoadApiKeyPort keys, ConsumeRateLimitPort rateLimits, RateLimitPolicy policy) {
        return new AdmitRequestService(keys, rateLimits, policy);
    }

    @Produces
    @Singleton
    ForwardRequestUseCase forwardRequest(Routes routes, IssueIdentityTokenPort tokens, SendUpstreamPort upstreams) {
        return new ForwardRequestService(routes, tokens, upstreams);
    }
}
