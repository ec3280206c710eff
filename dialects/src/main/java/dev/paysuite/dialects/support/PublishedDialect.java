package dev.paysuite.dialects.support;

import dev.paysuite.dialects.Dialect;
import dev.paysuite.dialects.RateLimit;
import dev.paysuite.dialects.WebhookDialect;
import java.util.Objects;
import java.util.Optional;

/**
 * What every seed's dialect states the same way: its name, base path, documented rate limit (or
 * none), webhook events, and the OpenAPI document it publishes, read from {@code openapi.json}
 * next to the dialect's class. A dialect adds its routes ({@link #open}) and its error shape
 * ({@link #error}).
 */
public abstract class PublishedDialect implements Dialect {
    private final String name;
    private final String basePath;
    private final Optional<RateLimit> rateLimit;
    private final WebhookDialect webhooks;
    private final byte[] openApi;

    protected PublishedDialect(String name, String basePath, Optional<RateLimit> rateLimit, WebhookDialect webhooks) {
        this.name = Objects.requireNonNull(name, "name");
        this.basePath = Objects.requireNonNull(basePath, "basePath");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.openApi = Resources.read(getClass(), "openapi.json");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String basePath() {
        return basePath;
    }

    @Override
    public final Optional<RateLimit> rateLimit() {
        return rateLimit;
    }

    @Override
    public final WebhookDialect webhooks() {
        return webhooks;
    }

    @Override
    public final byte[] openApiDocument() {
        return openApi.clone();
    }
}
