package dev.paysuite.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.paysuite.kernel.identity.IdentityClaims;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A service trusts only the gateway on its public routes: a direct call without the gateway's
 * identity token, with an expired or forged one, or with a service token (meant for internal routes)
 * is 401 with the error object. A service runs it against itself with
 * {@code @QuarkusTest class OnlyTheGatewayTest extends GatewayOnlyContract { ... }}, naming a public
 * route a merchant may {@code GET}.
 */
public abstract class GatewayOnlyContract {
    private final TestCaller merchant = TestCaller.newTestMerchant();

    /** A public route ({@code /v1/...}) that answers a merchant's {@code GET} with 200. */
    protected abstract String publicRoute();

    @Test
    void theGatewaysIdentityTokenIsAnswered() {
        merchant.request().get(publicRoute()).then().statusCode(200);
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        refused(given().get(publicRoute()).then());
        refused(TestCaller.withToken("sk_test_1234567890abcdefghijklmnop").get(publicRoute()).then());
    }

    @Test
    void anExpiredIdentityTokenIs401() {
        long past = Instant.now().minusSeconds(600).getEpochSecond();
        String expired = TestCaller.sign(merchant.identityClaims().issuedAt(past - 60).expiresAt(past),
                TestCaller.Signer.GATEWAY);
        refused(TestCaller.withToken(expired).get(publicRoute()).then());
    }

    @Test
    void anIdentityTokenSignedByAnotherKeyIs401() {
        refused(TestCaller.withToken(TestCaller.forged(merchant.identityClaims())).get(publicRoute()).then());
    }

    @Test
    void anIdentityTokenForAnotherAudienceOrFromAnotherIssuerIs401() {
        String audience = TestCaller.sign(merchant.identityClaims().audience("paysuite-elsewhere"),
                TestCaller.Signer.GATEWAY);
        refused(TestCaller.withToken(audience).get(publicRoute()).then());
        String issuer = TestCaller.sign(merchant.identityClaims().issuer("someone-else"), TestCaller.Signer.GATEWAY);
        refused(TestCaller.withToken(issuer).get(publicRoute()).then());
    }

    @Test
    void aServiceTokenOpensNoPublicRoute() {
        refused(merchant.internalRequest().get(publicRoute()).then());
        refused(TestCaller.withToken(merchant.serviceToken(TestCaller.Signer.GATEWAY)).get(publicRoute()).then());
        // Even with the merchant's role, a token for the internal audience is not the gateway's identity token
        String withRole = TestCaller.sign(merchant.serviceClaims(TestCaller.Signer.GATEWAY)
                .groups(IdentityClaims.MERCHANT_ROLE), TestCaller.Signer.GATEWAY);
        refused(TestCaller.withToken(withRole).get(publicRoute()).then());
    }

    private static void refused(ValidatableResponse answer) {
        answer.statusCode(401).body("error.type", equalTo("authentication_error"))
                .body("error.code", equalTo("caller_unauthenticated"));
    }
}
