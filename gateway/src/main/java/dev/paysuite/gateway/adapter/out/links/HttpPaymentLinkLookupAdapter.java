package dev.paysuite.gateway.adapter.out.links;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.gateway.application.domain.model.ForwardResult;
import dev.paysuite.gateway.application.domain.model.Headers;
import dev.paysuite.gateway.application.domain.model.LinkOwner;
import dev.paysuite.gateway.application.domain.model.Mode;
import dev.paysuite.gateway.application.domain.model.UpstreamRequest;
import dev.paysuite.gateway.application.port.out.LookUpPaymentLinkPort;
import dev.paysuite.gateway.application.port.out.SendUpstreamPort;
import dev.paysuite.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Whose payment link a page is: payments-service's {@code GET /internal/v1/payment_links/{id}}, over the
 * pooled upstream client, bounded by the vault timeout (it is the first half of a card exchange).
 */
@ApplicationScoped
public class HttpPaymentLinkLookupAdapter implements LookUpPaymentLinkPort {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SendUpstreamPort upstreams;
    private final GatewayConfig config;

    public HttpPaymentLinkLookupAdapter(SendUpstreamPort upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.config = config;
    }

    @Override
    public CompletionStage<Optional<LinkOwner>> owner(String linkId, String serviceToken) {
        Headers headers = Headers.builder().add("Authorization", "Bearer " + serviceToken)
                .add("Accept", "application/json").build();
        return upstreams.send(config.pagesUpstream(), new UpstreamRequest("GET", "/internal/v1/payment_links/" + linkId,
                headers, null), config.vaultTimeout()).thenApply(result -> {
                    if (!(result instanceof ForwardResult.Answered answered)) {
                        throw new IllegalStateException("payments-service cannot say whose link it is: "
                                + result.getClass().getSimpleName());
                    }
                    int status = answered.response().status();
                    if (status == 404) {
                        return Optional.empty();
                    }
                    if (status != 200) {
                        throw new IllegalStateException("payments-service answered " + status + " to a link lookup");
                    }
                    try {
                        JsonNode body = MAPPER.readTree(answered.response().body());
                        return Optional.of(new LinkOwner(body.get("merchant_id").asText(),
                                body.get("livemode").asBoolean() ? Mode.LIVE : Mode.TEST));
                    } catch (IOException | RuntimeException e) {
                        throw new IllegalStateException("an unreadable link lookup", e);
                    }
                });
    }
}
