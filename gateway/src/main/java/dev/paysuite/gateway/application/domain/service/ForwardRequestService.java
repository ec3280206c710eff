package dev.paysuite.gateway.application.domain.service;

import static dev.paysuite.gateway.application.domain.model.ForwardingRules.AUTHORIZATION;
import static dev.paysuite.gateway.application.domain.model.ForwardingRules.REQUEST_ID;
import static dev.paysuite.gateway.application.domain.model.ForwardingRules.X_FORWARDED_FOR;
import static dev.paysuite.gateway.application.domain.model.ForwardingRules.X_FORWARDED_HOST;
import static dev.paysuite.gateway.application.domain.model.ForwardingRules.X_FORWARDED_PROTO;

import dev.paysuite.gateway.application.domain.model.ForwardResult;
import dev.paysuite.gateway.application.domain.model.ForwardingRules;
import dev.paysuite.gateway.application.domain.model.Headers;
import dev.paysuite.gateway.application.domain.model.Routes;
import dev.paysuite.gateway.application.domain.model.UpstreamRequest;
import dev.paysuite.gateway.application.domain.model.UpstreamResponse;
import dev.paysuite.gateway.application.port.in.ForwardRequestCommand;
import dev.paysuite.gateway.application.port.in.ForwardRequestUseCase;
import dev.paysuite.gateway.application.port.out.IssueIdentityTokenPort;
import dev.paysuite.gateway.application.port.out.SendUpstreamPort;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public class ForwardRequestService implements ForwardRequestUseCase {
    private final Routes routes;
    private final ForwardingRules rules;
    private final IssueIdentityTokenPort tokens;
    private final SendUpstreamPort upstreams;

    public ForwardRequestService(Routes routes, ForwardingRules rules, IssueIdentityTokenPort tokens,
            SendUpstreamPort upstreams) {
        this.routes = routes;
        this.rules = rules;
        this.tokens = tokens;
        this.upstreams = upstreams;
    }

    @Override
    public CompletionStage<ForwardResult> forward(ForwardRequestCommand command) {
        Optional<String> upstream = routes.upstreamFor(command.path());
        if (upstream.isEmpty()) {
            return CompletableFuture.completedFuture(new ForwardResult.NoRoute());
        }
        Headers headers = rules.requestHeaders(command.headers())
                .with(REQUEST_ID, command.requestId())
                .with(X_FORWARDED_FOR, command.client().address())
                .with(X_FORWARDED_PROTO, command.client().scheme())
                .with(AUTHORIZATION, "Bearer " + tokens.tokenFor(command.caller()));
        if (command.client().host() != null) {
            headers = headers.with(X_FORWARDED_HOST, command.client().host());
        }
        UpstreamRequest request = new UpstreamRequest(command.method(), command.pathAndQuery(), headers, command.body());
        return upstreams.send(upstream.get(), request).thenApply(this::passBack);
    }

    private ForwardResult passBack(ForwardResult result) {
        if (result instanceof ForwardResult.Answered answered) {
            UpstreamResponse response = answered.response();
            return new ForwardResult.Answered(answered.upstream(), new UpstreamResponse(response.status(),
                    rules.responseHeaders(response.headers()), response.body()));
        }
        return result;
    }
}
