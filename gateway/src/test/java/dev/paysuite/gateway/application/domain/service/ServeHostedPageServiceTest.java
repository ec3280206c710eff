package dev.paysuite.gateway.application.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.application.domain.model.CardExchange;
import dev.paysuite.gateway.application.domain.model.ForwardResult;
import dev.paysuite.gateway.application.domain.model.Headers;
import dev.paysuite.gateway.application.domain.model.LinkOwner;
import dev.paysuite.gateway.application.domain.model.Mode;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.domain.model.UpstreamResponse;
import dev.paysuite.gateway.application.port.in.ServeHostedPageUseCase.PageRequest;
import dev.paysuite.gateway.application.port.out.LookUpPaymentLinkPort;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class ServeHostedPageServiceTest {
    static final String CARD_FORM = "method=card&card_name=Ada&card_number=4242+4242+4242+4242&exp_month=12"
            + "&exp_year=2030&cvc=123&source=tok_forged&card_error=forged";

    final FakePorts.RateLimits rateLimits = new FakePorts.RateLimits();
    final FakePorts.Vault vault = new FakePorts.Vault();
    final FakePorts.Upstreams upstreams = new FakePorts.Upstreams();
    final List<String> lookedUp = new ArrayList<>();
    Optional<LinkOwner> owner = Optional.of(new LinkOwner("mer_1", Mode.TEST));
    final LookUpPaymentLinkPort links = (id, token) -> {
        lookedUp.add(id + " " + token);
        return CompletableFuture.completedFuture(owner);
    };
    final ServeHostedPageService service = new ServeHostedPageService(rateLimits, new RateLimitPolicy(3, 60, 3),
            links, vault, new FakePorts.Tokens(), upstreams, "payments");

    {
        upstreams.answer = new ForwardResult.Answered("payments", new UpstreamResponse(200,
                Headers.builder().add("Content-Type", "text/html").add("Set-Cookie", "x=1").build(),
                "<html></html>".getBytes(StandardCharsets.UTF_8)));
    }

    UpstreamResponse serve(String method, String path, String form) {
        CompletionStage<UpstreamResponse> answer = service.serve(new PageRequest(method, path,
                form == null ? null : "application/x-www-form-urlencoded",
                form == null ? null : form.getBytes(StandardCharsets.UTF_8), "10.0.0.1", "req_1"));
        return answer.toCompletableFuture().join();
    }

    String forwardedBody() {
        return new String(upstreams.requests.get(0).body(), StandardCharsets.UTF_8);
    }

    @Test
    void aPageIsForwardedWithThePublicTokenAndOnlyPageHeadersComeBack() {
        UpstreamResponse answer = serve("GET", "/pay/plink_1", null);
        assertEquals(200, answer.status());
        assertEquals("Bearer public-token", upstreams.requests.get(0).headers().first("Authorization").orElseThrow());
        assertEquals("payments", upstreams.names.get(0));
        assertFalse(answer.headers().contains("Set-Cookie"));
        assertTrue(lookedUp.isEmpty());
    }

    @Test
    void aCardIsExchangedForTheLinksMerchantAndNeverForwarded() {
        vault.answer = new CardExchange.Tokenized("tok_abc");
        serve("POST", "/pay/plink_1", CARD_FORM);
        assertEquals(List.of("plink_1 service-token-for-itself"), lookedUp);
        assertEquals("service-token-for-mer_1-test", vault.requests.get(0).serviceToken());
        assertEquals("4242424242424242", vault.requests.get(0).card().number());
        assertEquals(12, vault.requests.get(0).card().expMonth());
        String body = forwardedBody();
        assertEquals("method=card&card_name=Ada&source=tok_abc", body);
        assertFalse(body.contains("4242"));
    }

    @Test
    void whatTheVaultRefusesTravelsAsTheErrorToShow() {
        vault.answer = new CardExchange.Refused(400, "card_error", "card_number_invalid", "Your card number is incorrect.",
                "card[number]");
        serve("POST", "/pay/plink_1", CARD_FORM);
        assertEquals("method=card&card_name=Ada&card_error=Your+card+number+is+incorrect.", forwardedBody());
    }

    @Test
    void aVaultOutageIsA503PageWithNothingCharged() {
        vault.answer = new CardExchange.Unavailable("methods");
        serve("POST", "/pay/plink_1", CARD_FORM);
        assertTrue(forwardedBody().contains("card_error_status=503"));
        assertFalse(forwardedBody().contains("source="));
    }

    @Test
    void anUnknownLinkIsForwardedWithoutTheCardForItsPage() {
        owner = Optional.empty();
        serve("POST", "/pay/plink_1", CARD_FORM);
        assertTrue(vault.requests.isEmpty());
        assertEquals("method=card&card_name=Ada", forwardedBody());
    }

    @Test
    void walletsAndChallengesPassWithoutAnyExchange() {
        serve("POST", "/pay/plink_1", "method=bitcoin&source=tok_forged");
        assertEquals("method=bitcoin", forwardedBody());
        upstreams.requests.clear();
        serve("POST", "/3ds/3ds_abc", "outcome=approve");
        assertEquals("outcome=approve", forwardedBody());
        assertTrue(vault.requests.isEmpty());
    }

    @Test
    void eachClientAddressIsRateLimited() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, serve("GET", "/pay/plink_1", null).status());
        }
        UpstreamResponse refused = serve("GET", "/pay/plink_1", null);
        assertEquals(429, refused.status());
        assertEquals(3, upstreams.requests.size());
    }

    @Test
    void whenPaymentsCannotAnswerThePageSaysSo() {
        upstreams.answer = new ForwardResult.Unavailable("payments");
        UpstreamResponse answer = serve("GET", "/pay/plink_1", null);
        assertEquals(503, answer.status());
        assertTrue(new String(answer.body(), StandardCharsets.UTF_8).contains("Nothing was charged"));
    }
}
