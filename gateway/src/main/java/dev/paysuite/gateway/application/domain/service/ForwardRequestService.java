package dev.paysuite.gateway.application.domain.service;

import dev.paysuite.gateway.application.domain.model.Caller;
import dev.paysuite.gateway.application.domain.model.Routes;
import dev.paysuite.gateway.application.domain.model.UpstreamException;
import dev.paysuite.gateway.application.domain.model.UpstreamRequest;
import dev.paysuite.gateway.application.domain.model.UpstreamResponse;
import dev.paysuite.gateway.application.port.in.ForwardRequestUseCase;
import dev.paysuite.gateway.application.port.out.IssueIdentityTokenPort;
import dev.paysuite.gateway.application.port.out.SendUpstreamPort;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public class ForwardRequestService implements ForwardRequestUseCase {
    public static final String AUTHORIZATION = "Authorization";

    private final Routes routes;
    private final IssueIdentityTokenPort tokens;
    private final SendUpstreamPort upstreams;

    public ForwardRequestService(Routes routes, IssueIdentityTokenPort tokens, SendUpstreamPort upstreams) {
        this.routes = routes;
        this.tokens = tokens;
        this.upstreams = upstreams;
    }

    @Override
    public CompletionStage<UpstreamResponse> forward(Caller caller, String path, UpstreamRequest request) {
        var upstream = routes.upstreamFor(path);
        if (upstream.isEmpty()) {
            return CompletableFuture.failedFuture(
                    new UpstreamException(UpstreamException.Kind.NO_ROUTE, "no route for " + path));
        }
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.keySet().removeIf(AUTHORIZATION::equalsIgnoreCase);
        headers.put(AUTHORIZATION, List.of("Bearer " + tokens.tokenFor(caller)));
        return upstreams.send(upstream.get(),
                new UpstreamRequest(request.method(), request.pathAndQuery(), headers, request.body()));
    }
}
