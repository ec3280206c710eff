package dev.paysuite.gateway.adapter.in.http;

import dev.paysuite.dialects.CanonicalRequest;
import dev.paysuite.dialects.Dialect;
import dev.paysuite.gateway.application.domain.model.ApiSurface;
import dev.paysuite.gateway.application.domain.model.Headers;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import java.util.Locale;
import java.util.Set;

/** What the edge adds around a dialect's translation: its rate-limit surface and the headers on either side. */
final class DialectRequests {
    static final String JSON = "application/json";
    /** What a lookup (a GET the dialect needs first) must not carry over from the request it serves. */
    private static final Set<String> NOT_ON_LOOKUP = Set.of("content-type", "idempotency-key");
    /** Headers of a canonical answer that describe its canonical body, not the dialect's. */
    private static final Set<String> NOT_ON_ANSWER = Set.of("content-type", "content-length", "content-encoding");

    private DialectRequests() {
    }

    static ApiSurface surface(Dialect dialect) {
        return new ApiSurface(dialect.name(), dialect.rateLimit()
                .map(limit -> new RateLimitPolicy(limit.limit(), limit.windowSeconds(), limit.burst())));
    }

    /** The client's headers for the canonical request: its body, when it has one, is JSON whatever the client declared. */
    static Headers canonicalHeaders(Headers fromClient, CanonicalRequest canonical) {
        Headers headers = fromClient.filter(name -> !name.equalsIgnoreCase("content-type"));
        return canonical.body().length == 0 ? headers : headers.with("Content-Type", JSON);
    }

    static Headers lookupHeaders(Headers fromClient) {
        return fromClient.filter(name -> !NOT_ON_LOOKUP.contains(name.toLowerCase(Locale.ROOT)));
    }

    static Headers answerHeaders(Headers fromService) {
        return fromService.filter(name -> !NOT_ON_ANSWER.contains(name.toLowerCase(Locale.ROOT)));
    }
}
