package dev.paysuite.gateway.adapter.out.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.gateway.application.domain.model.CardExchange;
import dev.paysuite.gateway.application.domain.model.CardExchangeRequest;
import dev.paysuite.gateway.application.domain.model.ForwardResult;
import dev.paysuite.gateway.application.domain.model.Headers;
import dev.paysuite.gateway.application.domain.model.InlineCard;
import dev.paysuite.gateway.application.domain.model.UpstreamRequest;
import dev.paysuite.gateway.application.domain.model.UpstreamResponse;
import dev.paysuite.gateway.application.port.out.ExchangeCardPort;
import dev.paysuite.gateway.application.port.out.SendUpstreamPort;
import dev.paysuite.gateway.config.GatewayConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * The inline-card exchange with methods-service's vault, {@code POST /internal/v1/vault/tokens}
 * (its README, "Internal API"): body {@code {"card": {"number", "exp_month", "exp_year", "cvc"}}},
 * the gateway's service token for the caller, the client's {@code Idempotency-Key} and the request's
 * {@code Request-Id}. It goes over the upstream client every service is reached with (the
 * {@code methods} upstream's instances, pooled connections, failover), bounded by the vault
 * timeout, on the event loop. Nothing about the card is ever logged: only statuses.
 */
@Startup
@ApplicationScoped
public class HttpCardVaultAdapter implements ExchangeCardPort {
    static final String TOKENS_PATH = "/internal/v1/vault/tokens";
    private static final Logger LOG = Logger.getLogger(HttpCardVaultAdapter.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String IDEMPOTENCY_ERROR = "idempotency_error";

    private final SendUpstreamPort upstreams;
    private final String upstream;
    private final Duration timeout;

    public HttpCardVaultAdapter(SendUpstreamPort upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.upstream = config.vaultUpstream();
        this.timeout = config.vaultTimeout();
        if (!config.upstreams().containsKey(upstream)) {
            throw new IllegalStateException("paysuite.gateway.vault-upstream names '" + upstream
                    + "', which paysuite.gateway.upstreams does not define");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalStateException("paysuite.gateway.vault-timeout must be positive");
        }
    }

    @Override
    public CompletionStage<CardExchange> exchange(CardExchangeRequest request) {
        UpstreamRequest call;
        try {
            call = new UpstreamRequest("POST", TOKENS_PATH, headers(request), MAPPER.writeValueAsBytes(body(request.card())));
        } catch (Exception e) {
            // The exception's message might quote a value: its class says enough.
            LOG.errorf("Request %s: the inline card could not be written for the vault (%s)", request.requestId(),
                    e.getClass().getName());
            return CompletableFuture.completedFuture(new CardExchange.Defect(upstream, 0));
        }
        return upstreams.send(upstream, call, timeout)
                .thenApply(result -> read(result, request.requestId()))
                .exceptionally(failure -> {
                    LOG.errorf("Request %s: the call to the vault failed (%s)", request.requestId(),
                            failure.getClass().getName());
                    return new CardExchange.Unavailable(upstream);
                });
    }

    private static Headers headers(CardExchangeRequest request) {
        Headers.Builder headers = Headers.builder()
                .add("Content-Type", "application/json")
                .add("Accept", "application/json")
                .add("Authorization", "Bearer " + request.serviceToken())
                .add("Request-Id", request.requestId());
        request.idempotencyKey().ifPresent(key -> headers.add("Idempotency-Key", key));
        return headers.build();
    }

    /** The card as given; a field the client left out stays out, for the vault to name as missing. */
    private static Map<String, Object> body(InlineCard card) {
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfGiven(fields, "number", card.number());
        putIfGiven(fields, "exp_month", card.expMonth());
        putIfGiven(fields, "exp_year", card.expYear());
        putIfGiven(fields, "cvc", card.cvc());
        return Map.of("card", fields);
    }

    private static void putIfGiven(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private CardExchange read(ForwardResult result, String requestId) {
        if (result instanceof ForwardResult.Answered answered) {
            return read(answered.response(), requestId);
        }
        LOG.debugf("Request %s: the vault is unavailable (%s)", requestId, result.getClass().getSimpleName());
        return new CardExchange.Unavailable(upstream);
    }

    private CardExchange read(UpstreamResponse response, String requestId) {
        int status = response.status();
        if (status >= 500) {
            LOG.debugf("Request %s: the vault answered %d", requestId, status);
            return new CardExchange.Unavailable(upstream);
        }
        JsonNode body = parse(response.body());
        if (status == 200 || status == 201) {
            JsonNode id = body == null ? null : body.get("id");
            if (id != null && id.isTextual() && id.asText().startsWith("tok_")) {
                return new CardExchange.Tokenized(id.asText());
            }
        } else if (status >= 400 && status < 500) {
            JsonNode error = body == null ? null : body.get("error");
            String type = text(error, "type");
            if (IDEMPOTENCY_ERROR.equals(type)) {
                return new CardExchange.PassedThrough(upstream, response);
            }
            if (status == 400 && type != null && text(error, "code") != null && text(error, "message") != null) {
                return new CardExchange.Refused(status, type, text(error, "code"), text(error, "message"),
                        text(error, "param"));
            }
        }
        // 401 (the token), 404 (the path), another 4xx or an answer without a token: the gateway's
        // call or the vault is wrong, which no retry by the client mends.
        LOG.errorf("Request %s: the vault answered %d to the inline-card exchange, which the gateway's call should "
                + "never get; answered 502", requestId, status);
        return new CardExchange.Defect(upstream, status);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : MAPPER.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
