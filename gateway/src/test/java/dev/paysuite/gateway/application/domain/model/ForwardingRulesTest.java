package dev.paysuite.gateway.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardingRulesTest {
    final ForwardingRules rules = new ForwardingRules(List.of("Content-Type", "Accept", "Idempotency-Key", "User-Agent"));

    @Test
    void onlyTheListedClientHeadersGoToAService() {
        Headers client = Headers.builder()
                .add("content-type", "application/json").add("ACCEPT", "application/json")
                .add("Idempotency-Key", "idem-1").add("User-Agent", "curl/8")
                .add("Authorization", "Bearer sk_test_secret").add("Cookie", "a=b").add("Connection", "keep-alive")
                .add("Request-Id", "req_fromtheclient").add("X-Forwarded-For", "6.6.6.6").add("X-Custom", "x")
                .add("Host", "api.example").add("Content-Length", "12").add("Transfer-Encoding", "chunked")
                .build();
        Headers forwarded = rules.requestHeaders(client);
        assertEquals(Set.of("content-type", "ACCEPT", "Idempotency-Key", "User-Agent"), forwarded.names());
        assertEquals(Optional.of("idem-1"), forwarded.first("idempotency-key"));
    }

    @Test
    void credentialsAndHopByHopHeadersCannotBeListedForForwarding() {
        for (String header : List.of("Authorization", "connection", "Request-Id", "X-Forwarded-For", "Host", "TE")) {
            assertThrows(IllegalArgumentException.class, () -> new ForwardingRules(List.of(header)), header);
        }
    }

    @Test
    void aServicesAnswerComesBackWithoutHopByHopHeadersOrWhatTheGatewaySets() {
        Headers service = Headers.builder()
                .add("Content-Type", "application/json").add("Idempotent-Replayed", "true").add("Set-Cookie", "a=1")
                .add("Set-Cookie", "b=2").add("Retry-After", "3")
                .add("Connection", "keep-alive, X-Hop").add("X-Hop", "x").add("Keep-Alive", "timeout=5")
                .add("Transfer-Encoding", "chunked").add("Proxy-Authenticate", "Basic").add("Upgrade", "h2c")
                .add("Content-Length", "10").add("Request-Id", "req_service").add("X-RateLimit-Limit", "9")
                .add("x-ratelimit-remaining", "9").add("X-RateLimit-Reset", "9")
                .build();
        Headers back = rules.responseHeaders(service);
        assertEquals(Set.of("Content-Type", "Idempotent-Replayed", "Set-Cookie", "Retry-After"), back.names());
        assertEquals(List.of("a=1", "b=2"), back.all("set-cookie"));
    }

    @Test
    void headersCompareCaseInsensitivelyAndReplaceOnWith() {
        Headers h = Headers.builder().add("authorization", "Bearer a").add("AUTHORIZATION", "Bearer b").build();
        assertEquals(List.of("Bearer a", "Bearer b"), h.all("Authorization"));
        Headers replaced = h.with("Authorization", "Bearer token");
        assertEquals(List.of("Bearer token"), replaced.all("authorization"));
        assertTrue(replaced.names().contains("Authorization"));
    }

    @Test
    void credentialsNeverPrint() {
        Headers h = Headers.builder().add("Authorization", "Bearer sk_test_secret").add("Accept", "text/plain").build();
        assertFalse(h.toString().contains("sk_test_secret"));
        assertTrue(h.toString().contains("text/plain"));
    }

    @Test
    void anEventStreamIsStreamedWhateverItsParametersAndNothingElseIs() {
        assertTrue(ForwardingRules.isStreamed("GET", 200, "text/event-stream"));
        assertTrue(ForwardingRules.isStreamed("GET", 200, "Text/Event-Stream; charset=utf-8"));
        assertTrue(ForwardingRules.isStreamed("POST", 201, " text/event-stream ;charset=UTF-8"));
        assertFalse(ForwardingRules.isStreamed("GET", 200, "application/json"));
        assertFalse(ForwardingRules.isStreamed("GET", 200, "text/event-streams"));
        assertFalse(ForwardingRules.isStreamed("GET", 200, "text/plain; x=text/event-stream"));
        assertFalse(ForwardingRules.isStreamed("GET", 200, null));
        // Answers without a body are read as any answer.
        assertFalse(ForwardingRules.isStreamed("HEAD", 200, "text/event-stream"));
        assertFalse(ForwardingRules.isStreamed("GET", 204, "text/event-stream"));
        assertFalse(ForwardingRules.isStreamed("GET", 304, "text/event-stream"));
    }
}
