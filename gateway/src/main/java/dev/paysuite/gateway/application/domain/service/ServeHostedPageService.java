package dev.paysuite.gateway.application.domain.service;

import dev.paysuite.gateway.application.domain.model.CardExchange;
import dev.paysuite.gateway.application.domain.model.CardExchangeRequest;
import dev.paysuite.gateway.application.domain.model.ForwardResult;
import dev.paysuite.gateway.application.domain.model.Headers;
import dev.paysuite.gateway.application.domain.model.HostedPageForm;
import dev.paysuite.gateway.application.domain.model.RateLimitBucket;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.domain.model.UpstreamRequest;
import dev.paysuite.gateway.application.domain.model.UpstreamResponse;
import dev.paysuite.gateway.application.port.in.ServeHostedPageUseCase;
import dev.paysuite.gateway.application.port.out.ConsumeRateLimitPort;
import dev.paysuite.gateway.application.port.out.ExchangeCardPort;
import dev.paysuite.gateway.application.port.out.IssueIdentityTokenPort;
import dev.paysuite.gateway.application.port.out.LookUpPaymentLinkPort;
import dev.paysuite.gateway.application.port.out.SendUpstreamPort;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the suite's public pages. Each request counts against its client's address (the limit
 * unauthenticated requests get), then goes to payments-service with the public identity token. A
 * payment link's form paid by card is rewritten first: the gateway asks payments-service whose link
 * it is, exchanges the card with the vault for that merchant, and forwards the token instead of the
 * card, or the vault's refusal for the page to show. So a card typed on the page reaches the vault
 * and nothing else, as an inline card on the API does.
 */
public class ServeHostedPageService implements ServeHostedPageUseCase {
    private static final Pattern LINK_FORM = Pattern.compile("/pay/([A-Za-z0-9_]{1,64})");
    /** What a page's answer may carry back to the browser. */
    private static final Set<String> PAGE_HEADERS = Set.of("content-type", "location", "cache-control",
            "content-security-policy", "x-frame-options", "referrer-policy", "x-content-type-options");
    static final String UNAVAILABLE = "Payments are unavailable right now. Nothing was charged; please try again in a moment.";

    private final ConsumeRateLimitPort rateLimits;
    private final RateLimitPolicy clientPolicy;
    private final LookUpPaymentLinkPort links;
    private final ExchangeCardPort vault;
    private final IssueIdentityTokenPort tokens;
    private final SendUpstreamPort upstreams;
    private final String upstream;

    public ServeHostedPageService(ConsumeRateLimitPort rateLimits, RateLimitPolicy clientPolicy,
            LookUpPaymentLinkPort links, ExchangeCardPort vault, IssueIdentityTokenPort tokens,
            SendUpstreamPort upstreams, String upstream) {
        this.rateLimits = rateLimits;
        this.clientPolicy = clientPolicy;
        this.links = links;
        this.vault = vault;
        this.tokens = tokens;
        this.upstreams = upstreams;
        this.upstream = upstream;
    }

    @Override
    public CompletionStage<UpstreamResponse> serve(PageRequest request) {
        return rateLimits.consume(RateLimitBucket.forClient(request.clientAddress(), clientPolicy))
                .thenCompose(decision -> {
                    if (!decision.allowed()) {
                        return CompletableFuture.completedFuture(page(429, "Too many requests",
                                "Too many requests from your address. Please wait a moment and try again."));
                    }
                    return body(request).thenCompose(body -> forward(request, body));
                });
    }

    /** The body payments-service gets: a link's card form without the card. */
    private CompletionStage<byte[]> body(PageRequest request) {
        Matcher link = LINK_FORM.matcher(request.pathAndQuery());
        boolean form = request.contentType() != null
                && request.contentType().toLowerCase().startsWith("application/x-www-form-urlencoded");
        if (!request.method().equals("POST") || !link.matches() || !form) {
            return CompletableFuture.completedFuture(request.body());
        }
        HostedPageForm page = HostedPageForm.parse(request.body());
        if (!page.paysByCard()) {
            return CompletableFuture.completedFuture(page.withoutCard());
        }
        return links.owner(link.group(1), tokens.serviceTokenForItself()).thenCompose(owner -> {
            if (owner.isEmpty()) {
                return CompletableFuture.completedFuture(page.withoutCard()); // the page says there is no such link
            }
            String serviceToken = tokens.serviceTokenFor(owner.get().asCaller());
            return vault.exchange(new CardExchangeRequest(page.card(), serviceToken, request.requestId(),
                    Optional.empty())).thenApply(exchange -> {
                        if (exchange instanceof CardExchange.Tokenized t) {
                            return page.withoutCard(HostedPageForm.SOURCE, t.token());
                        }
                        if (exchange instanceof CardExchange.Refused r) {
                            return page.withoutCard(HostedPageForm.CARD_ERROR, r.message());
                        }
                        return page.withoutCard(HostedPageForm.CARD_ERROR, UNAVAILABLE,
                                HostedPageForm.CARD_ERROR_STATUS, "503");
                    });
        }).exceptionally(failure -> page.withoutCard(HostedPageForm.CARD_ERROR, UNAVAILABLE,
                HostedPageForm.CARD_ERROR_STATUS, "503"));
    }

    private CompletionStage<UpstreamResponse> forward(PageRequest request, byte[] body) {
        Headers.Builder headers = Headers.builder()
                .add("Authorization", "Bearer " + tokens.publicToken())
                .add("Accept", "text/html")
                .add("Request-Id", request.requestId());
        if (request.contentType() != null && body.length > 0) {
            headers.add("Content-Type", request.contentType());
        }
        return upstreams.send(upstream, new UpstreamRequest(request.method(), request.pathAndQuery(), headers.build(),
                body)).thenApply(result -> {
                    if (result instanceof ForwardResult.Answered answered) {
                        UpstreamResponse r = answered.response();
                        return new UpstreamResponse(r.status(),
                                r.headers().filter(name -> PAGE_HEADERS.contains(name.toLowerCase())), r.body());
                    }
                    if (result instanceof ForwardResult.Streaming streaming) {
                        streaming.body().cancel();
                    }
                    return page(503, "Payments are unavailable", UNAVAILABLE);
                }).exceptionally(failure -> page(503, "Payments are unavailable", UNAVAILABLE));
    }

    /** A page of the gateway's own, when payments-service cannot give one. */
    static UpstreamResponse page(int status, String title, String text) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + title + "</title></head><body><main><h1>"
                + title + "</h1><p role=\"alert\">" + text + "</p></main></body></html>";
        Headers.Builder headers = Headers.builder().add("Content-Type", "text/html; charset=utf-8")
                .add("Cache-Control", "no-store");
        if (status == 503 || status == 429) {
            headers.add("Retry-After", "1");
        }
        return new UpstreamResponse(status, headers.build(), html.getBytes(StandardCharsets.UTF_8));
    }
}
