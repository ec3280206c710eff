package dev.paysuite.webhooks.application.port.in;

import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.WebhookEndpointId;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.webhooks.application.domain.model.Delivery;
import dev.paysuite.webhooks.application.domain.model.SigningSecret;
import dev.paysuite.webhooks.application.domain.model.WebhookEndpoint;
import java.time.Instant;
import java.util.List;

/** A merchant's webhook endpoints, their delivery log, resend and recover. Another merchant's, or mode's, endpoint does not exist. */
public interface WebhookEndpointsUseCase {

    /** {@code dialect}: null for the canonical API, or the name of the dialect its deliveries are written in. */
    record CreateEndpoint(String merchantId, boolean livemode, String url, List<String> enabledEvents,
            String description, String dialect) {
    }

    /** Null fields stay as they are; an empty description clears it; {@code status} is enabled or disabled. */
    record UpdateEndpoint(String merchantId, boolean livemode, WebhookEndpointId id, String url,
            List<String> enabledEvents, String description, String status) {
    }

    /** An endpoint with the secret shown this once (creation, roll). */
    record WithSecret(WebhookEndpoint endpoint, SigningSecret secret) {
    }

    WithSecret create(CreateEndpoint command);

    WebhookEndpoint get(String merchantId, boolean livemode, WebhookEndpointId id);

    Page<WebhookEndpoint> list(String merchantId, boolean livemode, PageQuery page);

    WebhookEndpoint update(UpdateEndpoint command);

    WebhookEndpoint delete(String merchantId, boolean livemode, WebhookEndpointId id);

    WithSecret rollSecret(String merchantId, boolean livemode, WebhookEndpointId id);

    /** The endpoint's attempts, newest first, all or those of one event. */
    Page<AttemptLine> attempts(String merchantId, boolean livemode, WebhookEndpointId id, EventId eventId,
            PageQuery page);

    /** One new delivery of the event to the endpoint, whatever happened to earlier ones. */
    Delivery resend(String merchantId, boolean livemode, WebhookEndpointId id, EventId eventId);

    /** New deliveries of every event since {@code since} the endpoint subscribes to and never received; answers how many. */
    int recover(String merchantId, boolean livemode, WebhookEndpointId id, Instant since);
}
