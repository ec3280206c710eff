package dev.paysuite.gateway.application.domain.service;

import static dev.paysuite.gateway.application.domain.model.ForwardingRules.AUTHORIZATION;
import static dev.paysuite.gateway.application.domain.model.ForwardingRules.REQUEST_ID;
import static dev.paysuite.gateway.application.domain.model.ForwardingRules.X_FORWARDED_FOR;
import static dev.paysuite.gateway.application.domain.model.ForwardingRules.X_FORWARDED_HOST;
import static dev.paysuite.gateway.application.domain.model.ForwardingRules.X_FORWARDED_PROTO;

import dev.paysuite.gateway.application.domain.model.CardExchange;
import dev.paysuite.gateway.application.domain.model.CardExchangeRequest;
import dev.paysuite.gateway.application.domain.model.ForwardResult;
import dev.paysuite.gateway.application.domain.model.ForwardingRules;
import dev.paysuite.gateway.application.domain.model.Headers;
import dev.paysuite.gateway.application.domain.model.InlineCard;
import dev.paysuite.gateway.application.domain.model.InlineCardPayment;
import dev.paysuite.gateway.application.domain.model.Routes;
import dev.paysuite.gateway.application.domain.model.UpstreamRequest;
import dev.paysuite.gateway.application.domain.model.UpstreamResponse;
import dev.paysuite.gateway.application.port.in.ForwardRequestCommand;
import dev.paysuite.gateway.application.port.in.ForwardRequestUseCase;
import dev.paysuite.gateway.application.port.out.ExchangeCardPort;
import dev.paysuite.gateway.application.port.out.IssueIdentityTokenPort;
import dev.paysuite.gateway.application.port.out.JsonBodyPort;
import dev.paysuite.gateway.application.port.out.SendUpstreamPort;
import dev.paysuite.kernel.error.ErrorType;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Forwards an admitted request to the service its path routes to. A payment created with card
 * details inline ({@link InlineCardPayment}) first has the card exchanged for a vault token, and
 * goes on with the token in the card's place: only the vault ever receives the number.
 */
public class ForwardRequestService implements ForwardRequestUseCase {
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Routes routes;
    private final ForwardingRules rules;
    private final IssueIdentityTokenPort tokens;
    private final SendUpstreamPort upstreams;
    private final JsonBodyPort json;
    private final ExchangeCardPort vault;

    public ForwardRequestService(Routes routes, ForwardingRules rules, IssueIdentityTokenPort tokens,
            SendUpstreamPort upstreams, JsonBodyPort json, ExchangeCardPort vault) {
        this.routes = routes;
        this.rules = rules;
        this.tokens = tokens;
        this.upstreams = upstreams;
        this.json = json;
        this.vault = vault;
    }

    @Override
    public CompletionStage<ForwardResult> forward(ForwardRequestCommand command) {
        Optional<String> upstream = routes.upstreamFor(command.path());
        if (upstream.isEmpty()) {
            return CompletableFuture.completedFuture(new ForwardResult.NoRoute());
        }
        String identity = tokens.tokenFor(command.caller());
        Headers headers = rules.requestHeaders(command.headers())
                .with(REQUEST_ID, command.requestId())
                .with(X_FORWARDED_FOR, command.client().address())
                .with(X_FORWARDED_PROTO, command.client().scheme())
                .with(AUTHORIZATION, "Bearer " + identity);
        if (command.client().host() != null) {
            headers = headers.with(X_FORWARDED_HOST, command.client().host());
        }
        if (!InlineCardPayment.appliesTo(command.method(), command.path())) {
            return send(upstream.get(), command, headers, command.body());
        }
        Optional<Map<String, Object>> body = json.readObject(command.body());
        InlineCardPayment.Check check = body.map(InlineCardPayment::inspect)
                .orElseGet(InlineCardPayment.Check.NoInlineCard::new);
        if (check instanceof InlineCardPayment.Check.Refused refused) {
            forget(command);
            return CompletableFuture.completedFuture(new ForwardResult.Refused(400, ErrorType.INVALID_REQUEST.wireName(),
                    refused.code(), refused.message(), refused.param()));
        }
        if (check instanceof InlineCardPayment.Check.Exchange exchange) {
            return exchangeAndSend(upstream.get(), command, headers, body.get(), exchange.card());
        }
        return send(upstream.get(), command, headers, command.body());
    }

    /**
     * Exchanges the card for a token, then sends the body with the token instead. Every answer but
     * a token ends the request here: the payment was never created, so nothing was charged.
     */
    private CompletionStage<ForwardResult> exchangeAndSend(String upstream, ForwardRequestCommand command,
            Headers headers, Map<String, Object> body, InlineCard card) {
        // The vault's internal API takes the gateway's service token, never the merchant's identity token.
        CardExchangeRequest request = new CardExchangeRequest(card, tokens.serviceTokenFor(command.caller()),
                command.requestId(), command.headers().first(IDEMPOTENCY_KEY));
        return vault.exchange(request).thenCompose(answer -> {
            forget(command);
            if (answer instanceof CardExchange.Tokenized tokenized) {
                byte[] rewritten = json.write(InlineCardPayment.withToken(body, tokenized.token()));
                return send(upstream, command, headers, rewritten);
            }
            ForwardResult result;
            if (answer instanceof CardExchange.Refused refused) {
                result = new ForwardResult.Refused(refused.status(), refused.type(), refused.code(),
                        InlineCardPayment.publicMessage(refused.message(), card),
                        InlineCardPayment.publicParam(refused.param(), card));
            } else if (answer instanceof CardExchange.PassedThrough passed) {
                result = passBack(new ForwardResult.Answered(passed.upstream(), passed.response()));
            } else if (answer instanceof CardExchange.Defect defect) {
                result = new ForwardResult.CardNotTokenized(defect.upstream(), true);
            } else if (answer instanceof CardExchange.Unavailable unavailable) {
                result = new ForwardResult.CardNotTokenized(unavailable.upstream(), false);
            } else {
                throw new IllegalStateException("Unexpected answer of the vault: " + answer.getClass().getSimpleName());
            }
            return CompletableFuture.completedFuture(result);
        });
    }

    /** The body held a card: once it is exchanged or refused, the bytes are wiped rather than left to linger. */
    private static void forget(ForwardRequestCommand command) {
        Arrays.fill(command.body(), (byte) 0);
    }

    private CompletionStage<ForwardResult> send(String upstream, ForwardRequestCommand command, Headers headers,
            byte[] body) {
        UpstreamRequest request = new UpstreamRequest(command.method(), command.pathAndQuery(), headers, body);
        return upstreams.send(upstream, request).thenApply(this::passBack);
    }

    private ForwardResult passBack(ForwardResult result) {
        if (result instanceof ForwardResult.Answered answered) {
            UpstreamResponse response = answered.response();
            return new ForwardResult.Answered(answered.upstream(), new UpstreamResponse(response.status(),
                    rules.responseHeaders(response.headers()), response.body()));
        }
        if (result instanceof ForwardResult.Streaming streaming) {
            return new ForwardResult.Streaming(streaming.upstream(), streaming.status(),
                    rules.responseHeaders(streaming.headers()), streaming.body());
        }
        return result;
    }
}
