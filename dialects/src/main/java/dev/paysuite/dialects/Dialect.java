package dev.paysuite.dialects;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One seed API's dialect of the canonical API: where it lives on the gateway, how its requests
 * become canonical ones and how canonical answers, errors and webhook events read in it. A
 * dialect is pure translation: it never decides anything about a payment, and the canonical API
 * (seed 002) stays the only one the services speak.
 * <p>
 * The gateway uses it in two phases. {@link #open} sees only the method and the path, before the
 * request is admitted, so the canonical path decides the scope a restricted key needs and the
 * service the request goes to; the {@link Exchange} it returns then translates the body and the
 * query, and the answer.
 */
public interface Dialect {

    /** A short, stable name: stored with a webhook endpoint registered through this dialect. */
    String name();

    /** The gateway path under which this dialect lives, such as {@code /compat/example/v3}; no trailing slash. */
    String basePath();

    /** The rate limit this dialect documents for every key, or empty for the key's own policy. */
    Optional<RateLimit> rateLimit();

    /**
     * The exchange for a request to {@code path} (below {@link #basePath()}: {@code ""} or
     * {@code /payments/pay_1}), or empty when the dialect has no such endpoint or method.
     */
    Optional<Exchange> open(String method, String path);

    /** Which methods the dialect allows at {@code path}, for a 405's {@code Allow}; empty when the path is unknown. */
    default Set<String> allowedMethods(String path) {
        Set<String> allowed = new LinkedHashSet<>();
        for (String method : List.of("GET", "POST", "DELETE")) {
            if (open(method, path).isPresent()) {
                allowed.add(method);
            }
        }
        return allowed;
    }

    /** A canonical error, from the gateway or a service, as this dialect writes errors. */
    byte[] error(int status, ApiError error);

    /** This dialect's webhook events. */
    WebhookDialect webhooks();

    /** This dialect's OpenAPI document (JSON), served at {@code basePath() + "/openapi.json"}. */
    byte[] openApiDocument();
}
