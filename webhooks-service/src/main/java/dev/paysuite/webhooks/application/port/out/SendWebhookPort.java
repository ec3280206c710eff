package dev.paysuite.webhooks.application.port.out;

import dev.paysuite.webhooks.application.domain.model.AttemptOutcome;
import dev.paysuite.webhooks.application.domain.model.DeliveryUrl;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * POSTs one delivery to {@code url}, connecting to one of {@code addresses} (those the URL policy
 * checked: never resolved again), with a timeout, no redirect followed and a bounded read of the
 * answer. Never throws for what the receiver or the network did: that is the outcome.
 */
public interface SendWebhookPort {
    AttemptOutcome post(DeliveryUrl url, List<InetAddress> addresses, Map<String, String> headers, String body);
}
