package dev.paysuite.webhooks.application.port.out;

import dev.paysuite.kernel.id.WebhookEndpointId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.webhooks.application.domain.model.WebhookEndpoint;
import java.util.List;
import java.util.Optional;

/** Webhook endpoints, their secrets sealed at rest. Deleted ones are never found. */
public interface EndpointStore {
    @ChangesState
    void insert(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> load(String merchantId, boolean livemode, WebhookEndpointId id);

    @ChangesState
    Optional<WebhookEndpoint> lock(String merchantId, boolean livemode, WebhookEndpointId id);

    Optional<WebhookEndpoint> byId(WebhookEndpointId id);

    @ChangesState
    Optional<WebhookEndpoint> lockById(WebhookEndpointId id);

    @ChangesState
    void update(WebhookEndpoint endpoint);

    @ChangesState
    void markDeleted(WebhookEndpointId id);

    Slice<WebhookEndpoint> list(String merchantId, boolean livemode, PageRequest page);

    long count(String merchantId, boolean livemode);

    /** The merchant's endpoints in this mode that are enabled. */
    List<WebhookEndpoint> enabledOf(String merchantId, boolean livemode);
}
