package dev.paysuite.webhooks.adapter.out.signing;

import dev.paysuite.webhooks.application.domain.model.SigningSecret;
import dev.paysuite.webhooks.application.port.out.SignWebhookPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link SignWebhookPort} by {@link StandardWebhooksSignature}. */
@ApplicationScoped
public class StandardWebhooksSigner implements SignWebhookPort {
    @Override
    public Map<String, String> headers(List<SigningSecret> secrets, String webhookId, Instant at, String body) {
        StandardWebhooksSignature.Headers h = StandardWebhooksSignature.headers(secrets, webhookId, at, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", h.webhookId());
        headers.put("webhook-timestamp", h.webhookTimestamp());
        headers.put("webhook-signature", h.webhookSignature());
        return headers;
    }
}
