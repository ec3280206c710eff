package dev.paysuite.gateway.application.domain.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.application.domain.model.Caller;
import dev.paysuite.gateway.application.domain.model.ClientConnection;
import dev.paysuite.gateway.application.domain.model.ForwardResult;
import dev.paysuite.gateway.application.domain.model.ForwardingRules;
import dev.paysuite.gateway.application.domain.model.Headers;
import dev.paysuite.gateway.application.domain.model.Mode;
import dev.paysuite.gateway.application.domain.model.Route;
import dev.paysuite.gateway.application.domain.model.Routes;
import dev.paysuite.gateway.application.domain.model.UpstreamRequest;
import dev.paysuite.gateway.application.domain.model.UpstreamResponse;
import dev.paysuite.gateway.application.port.in.ForwardRequestCommand;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardRequestServiceTest {
    static final Caller CALLER = new Caller("mer_1", Mode.LIVE, "key_1");

    final FakePorts.Upstreams upstreams = new FakePorts.Upstreams();
    final ForwardRequestService service = new ForwardRequestService(
            new Routes(List.of(Route.of("/v1/refunds(/.*)?", "refunds"), Route.of("/v1/payments(/.*)?", "payments"))),
            new ForwardingRules(List.of("Content-Type", "Idempotency-Key")), new FakePorts.Tokens(), upstreams);

    ForwardResult forward(String path, String query, Headers headers, String host) {
        return service.forward(new ForwardRequestCommand(CALLER, "req_1", "POST", path, query, headers,
                new ClientConnection("203.0.113.9", "https", host), "{\"amount\":1}".getBytes(StandardCharsets.UTF_8)))
                .toCompletableFuture().join();
    }

    @Test
    void aRequestGoesToItsRoutesServiceWithTheCallersIdentityInsteadOfTheClientsCredentials() {
        upstreams.answer = new ForwardResult.Answered("payments", new UpstreamResponse(201, Headers.empty(), null));
        forward("/v1/payments/pay_1/capture", "expand=x", Headers.builder()
                .add("Authorization", "Bearer sk_live_secret").add("Content-Type", "application/json")
                .add("Idempotency-Key", "idem-1").add("X-Forwarded-For", "6.6.6.6").add("X-Other", "x").build(),
                "api.paysuite.dev");
        assertEquals(List.of("payments"), upstreams.names);
        UpstreamRequest sent = upstreams.requests.get(0);
        assertEquals("POST", sent.method());
        assertEquals("/v1/payments/pay_1/capture?expand=x", sent.pathAndQuery());
        assertArrayEquals("{\"amount\":1}".getBytes(StandardCharsets.UTF_8), sent.body());
        Headers h = sent.headers();
        assertEquals(List.of("Bearer token-for-mer_1-live-key_1"), h.all("Authorization"));
        assertEquals(Optional.of("req_1"), h.first("Request-Id"));
        assertEquals(List.of("203.0.113.9"), h.all("X-Forwarded-For"));
        assertEquals(Optional.of("https"), h.first("X-Forwarded-Proto"));
        assertEquals(Optional.of("api.paysuite.dev"), h.first("X-Forwarded-Host"));
        assertEquals(Optional.of("idem-1"), h.first("Idempotency-Key"));
        assertEquals(Optional.of("application/json"), h.first("Content-Type"));
        assertFalse(h.contains("X-Other"));
    }

    @Test
    void withoutAQueryOrAHostNeitherIsMadeUp() {
        upstreams.answer = new ForwardResult.Answered("payments", new UpstreamResponse(200, Headers.empty(), null));
        forward("/v1/refunds", null, Headers.empty(), null);
        assertEquals(List.of("refunds"), upstreams.names);
        assertEquals("/v1/refunds", upstreams.requests.get(0).pathAndQuery());
        assertFalse(upstreams.requests.get(0).headers().contains("X-Forwarded-Host"));
    }

    @Test
    void aPathNoRouteMatchesIsNotSentAnywhere() {
        assertInstanceOf(ForwardResult.NoRoute.class, forward("/v1/customers", null, Headers.empty(), null));
        assertTrue(upstreams.names.isEmpty());
    }

    @Test
    void theServicesAnswerComesBackWithoutHopByHopHeaders() {
        upstreams.answer = new ForwardResult.Answered("payments", new UpstreamResponse(402, Headers.builder()
                .add("Content-Type", "application/json").add("Transfer-Encoding", "chunked")
                .add("X-RateLimit-Limit", "1").build(), "{\"error\":{}}".getBytes(StandardCharsets.UTF_8)));
        var answered = assertInstanceOf(ForwardResult.Answered.class, forward("/v1/payments", null, Headers.empty(), null));
        assertEquals(402, answered.response().status());
        assertEquals(Set.of("Content-Type"), answered.response().headers().names());
        assertEquals("{\"error\":{}}", new String(answered.response().body(), StandardCharsets.UTF_8));
    }

    @Test
    void aServiceThatCannotAnswerIsReportedAsSuch() {
        ForwardResult down = new ForwardResult.Unavailable("payments");
        upstreams.answer = down;
        assertSame(down, forward("/v1/payments", null, Headers.empty(), null));
    }
}
