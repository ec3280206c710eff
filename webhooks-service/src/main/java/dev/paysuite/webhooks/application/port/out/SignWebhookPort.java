package dev.paysuite.webhooks.application.port.out;

import dev.paysuite.webhooks.application.domain.model.SigningSecret;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Standard Webhooks signing: the {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature} headers of one attempt. */
public interface SignWebhookPort {
    Map<String, String> headers(List<SigningSecret> secrets, String webhookId, Instant at, String body);
}
