package dev.paysuite.gateway.application.domain.service;

import dev.paysuite.gateway.application.domain.model.ApiKey;
import dev.paysuite.gateway.application.domain.model.VerifiedToken;
import dev.paysuite.gateway.application.domain.model.CardExchange;
import dev.paysuite.gateway.application.domain.model.CardExchangeRequest;
import dev.paysuite.gateway.application.domain.model.Caller;
import dev.paysuite.gateway.application.domain.model.ForwardResult;
import dev.paysuite.gateway.application.domain.model.RateLimitBucket;
import dev.paysuite.gateway.application.domain.model.RateLimitCounters;
import dev.paysuite.gateway.application.domain.model.RateLimitDecision;
import dev.paysuite.gateway.application.domain.model.UpstreamRequest;
import dev.paysuite.gateway.application.port.out.ConsumeRateLimitPort;
import dev.paysuite.gateway.application.port.out.ExchangeCardPort;
import dev.paysuite.gateway.application.port.out.IssueIdentityTokenPort;
import dev.paysuite.gateway.application.port.out.LoadApiKeyPort;
import dev.paysuite.gateway.application.port.out.VerifyAccessTokenPort;
import dev.paysuite.gateway.application.port.out.SendUpstreamPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** In-memory out-ports with the behaviour the real adapters promise, for the application tests. */
final class FakePorts {
    static final long NOW = 1_700_000_000_000L;

    private FakePorts() {
    }

    /** Access tokens the identity provider would accept, by their text; {@code down}: it cannot be asked. */
    static final class AccessTokens implements VerifyAccessTokenPort {
        final Map<String, VerifiedToken> valid = new HashMap<>();
        boolean down;

        @Override
        public CompletionStage<Optional<VerifiedToken>> verify(String token) {
            return down ? CompletableFuture.failedFuture(new IllegalStateException("identity provider down"))
                    : CompletableFuture.completedFuture(Optional.ofNullable(valid.get(token)));
        }
    }

    static final class Keys implements LoadApiKeyPort {
        final Map<String, ApiKey> byHash = new HashMap<>();
        final List<String> lookedUp = new ArrayList<>();
        boolean down;

        @Override
        public CompletionStage<Optional<ApiKey>> loadByHash(String keyHash) {
            lookedUp.add(keyHash);
            return down ? CompletableFuture.failedFuture(new IllegalStateException("database down"))
                    : CompletableFuture.completedFuture(Optional.ofNullable(byHash.get(keyHash)));
        }
    }

    /** The script's rules (window and burst, refused requests not counted), without the passing of time. */
    static final class RateLimits implements ConsumeRateLimitPort {
        final Map<String, Integer> used = new HashMap<>();
        final List<String> counted = new ArrayList<>();

        @Override
        public CompletionStage<RateLimitDecision> consume(RateLimitBucket bucket) {
            RateLimitCounters counters;
            int inWindow = used.getOrDefault(bucket.id(), 0);
            if (inWindow >= Math.min(bucket.policy().limit(), bucket.policy().burst())) {
                counters = new RateLimitCounters(false, inWindow, 60_000, 60_000);
            } else {
                used.put(bucket.id(), inWindow + 1);
                counted.add(bucket.id());
                counters = new RateLimitCounters(true, inWindow + 1, 60_000, 0);
            }
            return CompletableFuture.completedFuture(RateLimitDecision.from(counters, bucket.policy(), NOW));
        }
    }

    static final class Tokens implements IssueIdentityTokenPort {
        @Override
        public String tokenFor(Caller caller) {
            return "token-for-" + caller.merchantId() + "-" + caller.mode().wireName() + "-" + caller.keyId();
        }

        @Override
        public String serviceTokenFor(Caller caller) {
            return "service-token-for-" + caller.merchantId() + "-" + caller.mode().wireName();
        }

        @Override
        public String serviceTokenForItself() {
            return "service-token-for-itself";
        }

        @Override
        public String publicToken() {
            return "public-token";
        }
    }

    static final class Vault implements ExchangeCardPort {
        final List<CardExchangeRequest> requests = new ArrayList<>();
        CardExchange answer;

        @Override
        public CompletionStage<CardExchange> exchange(CardExchangeRequest request) {
            requests.add(request);
            return CompletableFuture.completedFuture(answer);
        }
    }

    static final class Upstreams implements SendUpstreamPort {
        final List<String> names = new ArrayList<>();
        final List<UpstreamRequest> requests = new ArrayList<>();
        ForwardResult answer;

        @Override
        public CompletionStage<ForwardResult> send(String upstream, UpstreamRequest request) {
            names.add(upstream);
            requests.add(request);
            return CompletableFuture.completedFuture(answer);
        }

        @Override
        public CompletionStage<ForwardResult> send(String upstream, UpstreamRequest request, Duration timeout) {
            return send(upstream, request);
        }
    }
}
