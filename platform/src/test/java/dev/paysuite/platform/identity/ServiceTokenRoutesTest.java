package dev.paysuite.platform.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.platform.testing.TestCaller;
import dev.paysuite.platform.testing.TestCaller.Signer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Public routes take the gateway's identity token only, internal routes a trusted service's token
 * only (this app trusts payments-service and the gateway, application.properties); each refusal is
 * 401 with the error object.
 */
@QuarkusTest
class ServiceTokenRoutesTest {
    static final String PUBLIC = "/v1/test/caller";
    static final String INTERNAL = "/internal/v1/test/caller";
    final TestCaller merchant = TestCaller.newTestMerchant();

    @Inject
    JWTParser parser;

    @Test
    void anIdentityTokenVerifiedOnceStaysGoodAndAForgeryStaysRefused() {
        assertTrue(parser instanceof CachingJwtParser, "the identity tokens go through the caching parser");
        String token = merchant.token();
        for (int i = 0; i < 3; i++) {
            TestCaller.withToken(token).get(PUBLIC).then().statusCode(200)
                    .body("merchant_id", equalTo(merchant.merchantId()));
        }
        String forged = TestCaller.forged(merchant.identityClaims());
        for (int i = 0; i < 2; i++) {
            refused(TestCaller.withToken(forged).get(PUBLIC).then());
        }
        long past = Instant.now().minusSeconds(300).getEpochSecond();
        String expired = TestCaller.sign(merchant.identityClaims().issuedAt(past - 30).expiresAt(past), Signer.GATEWAY);
        refused(TestCaller.withToken(expired).get(PUBLIC).then());
    }

    @Test
    void aTrustedServiceActsForAMerchantOnInternalRoutes() {
        merchant.internalRequest().get(INTERNAL).then().statusCode(200)
                .body("merchant_id", equalTo(merchant.merchantId())).body("livemode", equalTo(false));
        merchant.live().internalRequest().get(INTERNAL).then().statusCode(200).body("livemode", equalTo(true));
        TestCaller.withToken(merchant.serviceToken(Signer.GATEWAY)).get(INTERNAL).then().statusCode(200)
                .body("merchant_id", equalTo(merchant.merchantId()));
    }

    @Test
    void theGatewaysIdentityTokenOpensPublicRoutesOnly() {
        merchant.request().get(PUBLIC).then().statusCode(200).body("merchant_id", equalTo(merchant.merchantId()));
        refused(merchant.request().get(INTERNAL).then());
    }

    @Test
    void aServiceTokenOpensNoPublicRoute() {
        refused(merchant.internalRequest().get(PUBLIC).then());
    }

    @Test
    void internalRoutesRefuseWhatNoTrustedServiceSigned() {
        refused(given().get(INTERNAL).then());
        refused(TestCaller.withToken(TestCaller.forged(merchant.serviceClaims(Signer.PAYMENTS_SERVICE))).get(INTERNAL)
                .then());
        refused(TestCaller.withToken(TestCaller.sign(merchant.serviceClaims(new Signer("reconciler", "gateway")),
                Signer.GATEWAY)).get(INTERNAL).then());
        long past = Instant.now().minusSeconds(300).getEpochSecond();
        refused(TestCaller.withToken(TestCaller.sign(merchant.serviceClaims(Signer.PAYMENTS_SERVICE)
                .issuedAt(past - 30).expiresAt(past), Signer.PAYMENTS_SERVICE)).get(INTERNAL).then());
        refused(TestCaller.withToken(TestCaller.sign(merchant.serviceClaims(Signer.PAYMENTS_SERVICE)
                .audience("paysuite-services"), Signer.PAYMENTS_SERVICE)).get(INTERNAL).then());
    }

    private static void refused(ValidatableResponse answer) {
        answer.statusCode(401).body("error.type", equalTo("authentication_error"))
                .body("error.code", equalTo("caller_unauthenticated"));
    }
}
