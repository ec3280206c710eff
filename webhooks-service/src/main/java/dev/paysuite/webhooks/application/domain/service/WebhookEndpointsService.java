package dev.paysuite.webhooks.application.domain.service;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.WebhookEndpointId;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.webhooks.application.domain.model.Delivery;
import dev.paysuite.webhooks.application.domain.model.DeliveryUrl;
import dev.paysuite.webhooks.application.domain.model.DeliveryUrlPolicy;
import dev.paysuite.webhooks.application.domain.model.EnabledEvents;
import dev.paysuite.webhooks.application.domain.model.EndpointStatus;
import dev.paysuite.webhooks.application.domain.model.HostResolver;
import dev.paysuite.webhooks.application.domain.model.SigningSecret;
import dev.paysuite.webhooks.application.domain.model.WebhookEndpoint;
import dev.paysuite.webhooks.application.domain.model.WebhookErrorCodes;
import dev.paysuite.webhooks.application.port.in.AttemptLine;
import dev.paysuite.webhooks.application.port.in.WebhookEndpointsUseCase;
import dev.paysuite.webhooks.application.port.out.CheckDialectPort;
import dev.paysuite.webhooks.application.port.out.DeliveryStore;
import dev.paysuite.webhooks.application.port.out.EndpointStore;
import dev.paysuite.webhooks.application.port.out.EventStore;
import dev.paysuite.webhooks.application.port.out.EventStore.EventRef;
import dev.paysuite.webhooks.application.port.out.RenderDeliveryBodyPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Endpoints: created with a URL the policy accepts now (resolved here, checked again at every
 * attempt), secrets shown once, deliveries ended when an endpoint is disabled or deleted (enabling
 * it again redelivers nothing: {@link #recover} does, when the merchant asks). An endpoint with a
 * dialect is resent or recovers only the events its dialect has.
 */
public class WebhookEndpointsService implements WebhookEndpointsUseCase {
    /** At most this many deliveries from one recover; a merchant missing more recovers again from later. */
    public static final int MAX_RECOVERED = 10_000;

    private final EndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final EventStore events;
    private final CheckDialectPort dialects;
    private final RenderDeliveryBodyPort renderer;
    private final DeliveryUrlPolicy policy;
    private final HostResolver resolver;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration rollGrace;

    public WebhookEndpointsService(EndpointStore endpoints, DeliveryStore deliveries, EventStore events,
            CheckDialectPort dialects, RenderDeliveryBodyPort renderer, DeliveryUrlPolicy policy,
            HostResolver resolver, Transactions transactions, Clock clock, Duration rollGrace) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.events = events;
        this.dialects = dialects;
        this.renderer = renderer;
        this.policy = policy;
        this.resolver = resolver;
        this.transactions = transactions;
        this.clock = clock;
        this.rollGrace = rollGrace;
    }

    @Override
    public WithSecret create(CreateEndpoint c) {
        DeliveryUrl url = checkedUrl(c.url());
        EnabledEvents enabled = EnabledEvents.of(c.enabledEvents());
        String description = blankToNull(c.description());
        String dialect = checkedDialect(c.dialect());
        SigningSecret secret = SigningSecret.generate();
        return transactions.inTransaction(() -> {
            WebhookEndpoint endpoint = WebhookEndpoint.create(c.merchantId(), c.livemode(), url, enabled, description,
                    dialect, secret, clock.instant());
            endpoints.insert(endpoint);
            return new WithSecret(endpoint, secret);
        });
    }

    @Override
    public WebhookEndpoint get(String merchantId, boolean livemode, WebhookEndpointId id) {
        return endpoints.load(merchantId, livemode, id).orElseThrow(() -> notFound(id));
    }

    @Override
    public Page<WebhookEndpoint> list(String merchantId, boolean livemode, PageQuery page) {
        PageRequest request = page.resolve(id -> endpoints.load(merchantId, livemode, new WebhookEndpointId(id))
                .map(e -> new EndpointCursor(e)));
        return pageOf(request, endpoints.list(merchantId, livemode, request), endpoints.count(merchantId, livemode),
                e -> e.id().value());
    }

    @Override
    public WebhookEndpoint update(UpdateEndpoint u) {
        DeliveryUrl url = u.url() == null ? null : checkedUrl(u.url());
        EnabledEvents enabled = u.enabledEvents() == null ? null : EnabledEvents.of(u.enabledEvents());
        EndpointStatus status = u.status() == null ? null : status(u.status());
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            WebhookEndpoint e = endpoints.lock(u.merchantId(), u.livemode(), u.id()).orElseThrow(() -> notFound(u.id()));
            if (url != null) {
                e.changeUrl(url, now);
            }
            if (enabled != null) {
                e.changeEnabledEvents(enabled, now);
            }
            if (u.description() != null) {
                e.changeDescription(blankToNull(u.description()), now);
            }
            if (status == EndpointStatus.DISABLED && e.disable(now)) {
                deliveries.endPending(e.id());
            } else if (status == EndpointStatus.ENABLED) {
                e.enable(now);
            }
            endpoints.update(e);
            return e;
        });
    }

    @Override
    public WebhookEndpoint delete(String merchantId, boolean livemode, WebhookEndpointId id) {
        return transactions.inTransaction(() -> {
            WebhookEndpoint e = endpoints.lock(merchantId, livemode, id).orElseThrow(() -> notFound(id));
            deliveries.endPending(e.id());
            endpoints.markDeleted(e.id());
            return e;
        });
    }

    @Override
    public WithSecret rollSecret(String merchantId, boolean livemode, WebhookEndpointId id) {
        return transactions.inTransaction(() -> {
            WebhookEndpoint e = endpoints.lock(merchantId, livemode, id).orElseThrow(() -> notFound(id));
            SigningSecret next = e.rollSecret(clock.instant(), rollGrace);
            endpoints.update(e);
            return new WithSecret(e, next);
        });
    }

    @Override
    public Page<AttemptLine> attempts(String merchantId, boolean livemode, WebhookEndpointId id, EventId eventId,
            PageQuery page) {
        WebhookEndpoint e = get(merchantId, livemode, id);
        PageRequest request = page.resolve(ref -> deliveries.attempt(e.id(), ref));
        return pageOf(request, deliveries.attempts(e.id(), eventId, request), deliveries.countAttempts(e.id(), eventId),
                a -> a.id().value());
    }

    @Override
    public Delivery resend(String merchantId, boolean livemode, WebhookEndpointId id, EventId eventId) {
        return transactions.inTransaction(() -> {
            WebhookEndpoint e = endpoints.lock(merchantId, livemode, id).orElseThrow(() -> notFound(id));
            EventRef event = events.visible(merchantId, livemode, eventId).orElseThrow(() -> new DomainException(
                    DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                    "No such event: '" + eventId.value() + "'.", "eventId"));
            if (!DeliverWebhooksService.sends(e, event.id(), events, renderer)) {
                throw new DomainException(DomainException.Kind.UNPROCESSABLE, WebhookErrorCodes.EVENT_NOT_IN_DIALECT,
                        "The endpoint's dialect (" + e.dialect().orElseThrow() + ") has no event for '"
                                + eventId.value() + "' (" + event.type() + ").", "eventId");
            }
            Delivery d = Delivery.create(e.id(), event.id(), clock.instant());
            deliveries.insert(d);
            return d;
        });
    }

    @Override
    public int recover(String merchantId, boolean livemode, WebhookEndpointId id, Instant since) {
        return transactions.inTransaction(() -> {
            WebhookEndpoint e = endpoints.lock(merchantId, livemode, id).orElseThrow(() -> notFound(id));
            Instant now = clock.instant();
            int made = 0;
            for (EventRef event : events.undeliveredSince(merchantId, livemode, since, e.id(), MAX_RECOVERED)) {
                if (e.matches(event.type()) && DeliverWebhooksService.sends(e, event.id(), events, renderer)) {
                    deliveries.insert(Delivery.create(e.id(), event.id(), now));
                    made++;
                }
            }
            return made;
        });
    }

    /** Null (the canonical API) or the name of a dialect that exists. */
    private String checkedDialect(String value) {
        String dialect = WebhookEndpoint.checkedDialect(value);
        if (dialect != null && !dialects.isKnown(dialect)) {
            throw DomainException.invalid(ErrorCodes.PARAMETER_INVALID, "{" + WebhookEndpoint.DIALECT_FIELD
                    + "} must name a dialect of the API; there is no '" + dialect + "'.", WebhookEndpoint.DIALECT_FIELD);
        }
        return dialect;
    }

    private DeliveryUrl checkedUrl(String value) {
        DeliveryUrl url = DeliveryUrl.parse(value);
        policy.check(url, resolver);
        return url;
    }

    private static EndpointStatus status(String value) {
        for (EndpointStatus s : EndpointStatus.values()) {
            if (s.wireName().equals(value.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw DomainException.invalid(ErrorCodes.PARAMETER_INVALID, "{status} must be enabled or disabled.", "status");
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static DomainException notFound(WebhookEndpointId id) {
        return new DomainException(DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                "No such webhook endpoint: '" + id.value() + "'.", "id");
    }

    /** The page a slice makes (as {@link Page#of}, for objects listed by another key than a Listable). */
    static <T> Page<T> pageOf(PageRequest request, Slice<T> slice, long total, Function<T, String> idOf) {
        List<T> items = slice.items();
        boolean olderExist = request instanceof PageRequest.Before ? !items.isEmpty() : slice.hasMore();
        String next = olderExist && !items.isEmpty() ? idOf.apply(items.get(items.size() - 1)) : null;
        return new Page<>(items, slice.hasMore(), next, total);
    }

    /** An endpoint as a list cursor. */
    private record EndpointCursor(WebhookEndpoint endpoint) implements dev.paysuite.kernel.page.Listable {
        @Override
        public dev.paysuite.kernel.id.TypedId id() {
            return endpoint.id();
        }

        @Override
        public Instant createdAt() {
            return endpoint.createdAt();
        }
    }
}
