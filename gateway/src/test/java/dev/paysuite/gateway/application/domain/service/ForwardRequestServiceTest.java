package dev.paysuite.gateway.application.domain.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.adapter.out.json.JacksonJsonBodyAdapter;
import dev.paysuite.gateway.application.domain.model.CardExchange;
import dev.paysuite.gateway.application.domain.model.CardExchangeRequest;
import dev.paysuite.gateway.application.domain.model.Caller;
import dev.paysuite.gateway.application.domain.model.ClientConnection;
import dev.paysuite.gateway.application.domain.model.ForwardResult;
import dev.paysuite.gateway.application.domain.model.ForwardingRules;
import dev.paysuite.gateway.application.domain.model.Headers;
import dev.paysuite.gateway.application.domain.model.InlineCard;
import dev.paysuite.gateway.application.domain.model.Mode;
import dev.paysuite.gateway.application.domain.model.Route;
import dev.paysuite.gateway.application.domain.model.Routes;
import dev.paysuite.gateway.application.domain.model.StreamedBody;
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

    static final String NUMBER = "4111111111111111";
    static final String SEED_001 = """
            {"amount": 2500, "currency": "USD", "payment_method": {"type": "card", "card_number": "4111111111111111",
             "exp_month": 12, "exp_year": 2026, "cvc": "123"}, "description": "Payment for order #12345",
             "customer_id": "cust_abc123", "metadata": {"rate": 1.50, "big": 123456789012345678901234567890}}""";

    final FakePorts.Upstreams upstreams = new FakePorts.Upstreams();
    final FakePorts.Vault vault = new FakePorts.Vault();
    final ForwardRequestService service = new ForwardRequestService(
            new Routes(List.of(Route.of("/v1/refunds(/.*)?", "refunds"), Route.of("/v1/payments(/.*)?", "payments"))),
            new ForwardingRules(List.of("Content-Type", "Idempotency-Key")), new FakePorts.Tokens(), upstreams,
            new JacksonJsonBodyAdapter(), vault);

    ForwardResult create(String body, Headers headers) {
        return service.forward(new ForwardRequestCommand(CALLER, "req_1", "POST", "/v1/payments", null, headers,
                new ClientConnection("203.0.113.9", "https", null), body.getBytes(StandardCharsets.UTF_8)))
                .toCompletableFuture().join();
    }

    ForwardResult create(String body) {
        return create(body, Headers.builder().add("Content-Type", "application/json").add("Idempotency-Key", "idem-1").build());
    }

    String sentBody() {
        return new String(upstreams.requests.get(upstreams.requests.size() - 1).body(), StandardCharsets.UTF_8);
    }

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
    void aStreamedAnswerComesBackWithoutHopByHopHeadersItsBodyUntouched() {
        StreamedBody body = new StreamedBody() {
            @Override
            public void open(Sink sink) {
            }

            @Override
            public void pause() {
            }

            @Override
            public void resume() {
            }

            @Override
            public void cancel() {
            }
        };
        upstreams.answer = new ForwardResult.Streaming("payments", 200, Headers.builder()
                .add("Content-Type", "text/event-stream").add("Transfer-Encoding", "chunked").add("Connection", "keep-alive")
                .add("Request-Id", "req_theservices").add("X-RateLimit-Remaining", "1").add("X-Service", "kept").build(), body);
        var streaming = assertInstanceOf(ForwardResult.Streaming.class, forward("/v1/payments", null, Headers.empty(), null));
        assertEquals("payments", streaming.upstream());
        assertEquals(200, streaming.status());
        assertEquals(Set.of("Content-Type", "X-Service"), streaming.headers().names());
        assertSame(body, streaming.body());
    }

    @Test
    void aServiceThatCannotAnswerIsReportedAsSuch() {
        ForwardResult down = new ForwardResult.Unavailable("payments");
        upstreams.answer = down;
        assertSame(down, forward("/v1/payments", null, Headers.empty(), null));
    }

    // --- A card given inline ---------------------------------------------------------------------

    @Test
    void anInlineCardIsExchangedAndThePaymentGoesOnWithTheTokenInItsPlace() {
        vault.answer = new CardExchange.Tokenized("tok_1");
        upstreams.answer = new ForwardResult.Answered("payments", new UpstreamResponse(201, Headers.empty(), null));
        byte[] original = SEED_001.getBytes(StandardCharsets.UTF_8);
        ForwardResult result = service.forward(new ForwardRequestCommand(CALLER, "req_1", "POST", "/v1/payments", null,
                Headers.builder().add("Content-Type", "application/json").add("Idempotency-Key", "idem-1").build(),
                new ClientConnection("203.0.113.9", "https", null), original)).toCompletableFuture().join();

        assertInstanceOf(ForwardResult.Answered.class, result);
        CardExchangeRequest exchanged = vault.requests.get(0);
        assertEquals(new InlineCard(NUMBER, "card_number", 12, 2026, "123"), exchanged.card());
        assertEquals("service-token-for-mer_1-live", exchanged.serviceToken());
        assertEquals("req_1", exchanged.requestId());
        assertEquals(Optional.of("idem-1"), exchanged.idempotencyKey());

        assertEquals(List.of("payments"), upstreams.names);
        assertEquals("{\"amount\":2500,\"currency\":\"USD\",\"source\":\"tok_1\",\"description\":\"Payment for order "
                + "#12345\",\"customer_id\":\"cust_abc123\",\"metadata\":{\"rate\":1.50,\"big\":"
                + "123456789012345678901234567890}}", sentBody());
        assertEquals(Optional.of("idem-1"), upstreams.requests.get(0).headers().first("Idempotency-Key"));
        // The client's bytes are wiped once the card is exchanged.
        assertArrayEquals(new byte[original.length], original);
    }

    @Test
    void theSameRequestWithTheSameTokenIsForwardedIdentically() {
        vault.answer = new CardExchange.Tokenized("tok_same");
        upstreams.answer = new ForwardResult.Answered("payments", new UpstreamResponse(201, Headers.empty(), null));
        create(SEED_001);
        String first = sentBody();
        create(SEED_001);
        assertEquals(first, sentBody());
        assertEquals(2, vault.requests.size());
    }

    @Test
    void withoutAnIdempotencyKeyTheVaultIsAskedWithoutOne() {
        vault.answer = new CardExchange.Tokenized("tok_1");
        upstreams.answer = new ForwardResult.Answered("payments", new UpstreamResponse(201, Headers.empty(), null));
        create(SEED_001, Headers.empty());
        assertEquals(Optional.empty(), vault.requests.get(0).idempotencyKey());
    }

    @Test
    void bodiesWithoutAnInlineCardAreForwardedByteForByte() {
        upstreams.answer = new ForwardResult.Answered("payments", new UpstreamResponse(201, Headers.empty(), null));
        for (String body : List.of("{\"amount\": 1000, \"currency\": \"usd\", \"payment_method\": \"card\"}",
                "{\"amount\": 1000, \"payment_method\": {\"type\": \"card\"", "amount=1000&payment_method[type]=card",
                "[{\"payment_method\": {\"type\": \"card\"}}]",
                "{\"payment_method\": {\"type\": \"card\"}, \"payment_method\": \"card\"}", "")) {
            create(body);
            assertEquals(body, sentBody());
        }
        assertTrue(vault.requests.isEmpty());
    }

    @Test
    void onlyCreatingAPaymentExchangesACard() {
        upstreams.answer = new ForwardResult.Answered("payments", new UpstreamResponse(200, Headers.empty(), null));
        forwardBody("/v1/payments/pay_1/confirm", SEED_001);
        assertEquals(SEED_001, sentBody());
        assertTrue(vault.requests.isEmpty());
    }

    ForwardResult forwardBody(String path, String body) {
        return service.forward(new ForwardRequestCommand(CALLER, "req_1", "POST", path, null, Headers.empty(),
                new ClientConnection("203.0.113.9", "https", null), body.getBytes(StandardCharsets.UTF_8)))
                .toCompletableFuture().join();
    }

    @Test
    void aCardTheGatewayCannotExchangeIsRefusedWithoutAskingTheVault() {
        var refused = assertInstanceOf(ForwardResult.Refused.class,
                create(SEED_001.replace("\"type\": \"card\"", "\"type\": \"paypal\"")));
        assertEquals(400, refused.status());
        assertEquals("invalid_request_error", refused.type());
        assertEquals("parameter_invalid", refused.code());
        assertEquals("payment_method[type]", refused.param());

        refused = assertInstanceOf(ForwardResult.Refused.class, create(SEED_001.replace("\"amount\"", "\"card_token\": \"tok_visa\", \"amount\"")));
        assertEquals("payment_method", refused.param());
        assertTrue(vault.requests.isEmpty());
        assertTrue(upstreams.requests.isEmpty());
    }

    @Test
    void theVaultsRefusalNamesTheClientsField() {
        vault.answer = new CardExchange.Refused(400, "card_error", "card_number_invalid",
                "card[number] is not a valid card number.", "card[number]");
        var refused = assertInstanceOf(ForwardResult.Refused.class, create(SEED_001));
        assertEquals(400, refused.status());
        assertEquals("card_error", refused.type());
        assertEquals("card_number_invalid", refused.code());
        assertEquals("payment_method[card_number]", refused.param());
        assertEquals("payment_method[card_number] is not a valid card number.", refused.message());
        assertTrue(upstreams.requests.isEmpty());
    }

    @Test
    void theVaultsIdempotencyErrorIsPassedBackAsItIs() {
        vault.answer = new CardExchange.PassedThrough("methods", new UpstreamResponse(422, Headers.builder()
                .add("Content-Type", "application/json").add("Connection", "close").build(),
                "{\"error\":{\"type\":\"idempotency_error\"}}".getBytes(StandardCharsets.UTF_8)));
        var answered = assertInstanceOf(ForwardResult.Answered.class, create(SEED_001));
        assertEquals("methods", answered.upstream());
        assertEquals(422, answered.response().status());
        assertEquals(Set.of("Content-Type"), answered.response().headers().names());
        assertTrue(upstreams.requests.isEmpty());
    }

    @Test
    void aVaultThatCannotTokenizeEndsTheRequestWithNothingForwarded() {
        vault.answer = new CardExchange.Unavailable("methods");
        assertEquals(new ForwardResult.CardNotTokenized("methods", false), create(SEED_001));
        vault.answer = new CardExchange.Defect("methods", 404);
        assertEquals(new ForwardResult.CardNotTokenized("methods", true), create(SEED_001));
        assertTrue(upstreams.requests.isEmpty());
    }
}
