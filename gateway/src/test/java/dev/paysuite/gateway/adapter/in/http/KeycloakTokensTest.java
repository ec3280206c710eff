package dev.paysuite.gateway.adapter.in.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.gateway.testing.Clients;
import dev.paysuite.gateway.testing.IdentityTokens;
import dev.paysuite.gateway.testing.StubUpstream;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * Keycloak access tokens at the gateway, against the real Keycloak the build starts (KEYCLOAK_URL,
 * realm {@code paysuite} of deploy/keycloak): a partner's client-credentials token reads what its
 * scopes allow as the merchant it names; a token of another realm, an admin's token naming no
 * merchant and a tampered one are refused.
 */
@QuarkusTest
@QuarkusTestResource(StubUpstream.class)
class KeycloakTokensTest {
    static final String ADDRESS = Clients.newLoopbackAddress();
    static final String KEYCLOAK = System.getenv().getOrDefault("KEYCLOAK_URL", "http://localhost:18180");

    static String token(String realm, String client, String secret) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + client
                        + "&client_secret=" + secret)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return new ObjectMapper().readTree(answer.body()).get("access_token").asText();
    }

    static RequestSpecification as(String token) {
        return Clients.from(ADDRESS).header("Authorization", "Bearer " + token);
    }

    @Test
    void aPartnersTokenReadsAsItsMerchantWhatItsScopesAllow() throws Exception {
        String partner = token("paysuite", "demo-partner", "demo-partner-local-secret");
        String forwarded = as(partner).get("/v1/payments/pay_1").then().statusCode(201)
                .header("X-Stub", "payments").extract().header("Request-Id");
        JsonWebToken identity = IdentityTokens.verify(StubUpstream.received(forwarded).header("Authorization"));
        assertEquals("mer_demo", identity.getSubject());
        assertEquals("payments:read events:read", identity.getClaim("scope").toString());
        assertEquals("oauth_demo-partner", identity.getClaim("key_id").toString());
        as(partner).get("/v1/events").then().statusCode(201);
        as(partner).contentType(ContentType.JSON).body("{\"amount\": 1000, \"currency\": \"usd\"}").post("/v1/payments")
                .then().statusCode(403).body("error.code", equalTo("insufficient_permissions"))
                .body("error.message", containsString("payments:write"));
    }

    @Test
    void tokensOfAnotherRealmWithoutAMerchantOrTamperedAreRefused() throws Exception {
        String stranger = token("other", "stranger", "stranger-local-secret");
        as(stranger).get("/v1/payments").then().statusCode(401).body("error.code", equalTo("api_key_invalid"));
        String admin = token("paysuite", "paysuite-admin-cli", "paysuite-admin-cli-local-secret");
        as(admin).get("/v1/payments").then().statusCode(401);

        // the partner's token with another merchant written into it: its signature no longer holds
        String[] parts = token("paysuite", "demo-partner", "demo-partner-local-secret").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"mer_demo\"", "\"mer_victim\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        as(tampered).get("/v1/payments").then().statusCode(401);
        as("eyJhbGciOiJub25lIn0.eyJtZXJjaGFudF9pZCI6Im1lcl9kZW1vIn0.").get("/v1/payments").then().statusCode(401);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        // the realm's own signature and issuer, the merchant and the scopes, but not meant for the gateway
        String elsewhere = token("paysuite", "test-other-audience", "test-other-audience-local-secret");
        as(elsewhere).get("/v1/payments/pay_1").then().statusCode(401).body("error.code", equalTo("api_key_invalid"))
                .body("error.type", equalTo("authentication_error"));
    }

    @Test
    void anExpiredTokenIsRefusedThoughItWasGoodAMomentAgo() throws Exception {
        String expiring = token("paysuite", "test-expiring-partner", "test-expiring-partner-local-secret");
        long expiresAt = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(expiring.split("\\.")[1]))
                .get("exp").asLong();
        as(expiring).get("/v1/payments/pay_1").then().statusCode(201); // it lives 2 s (the realm's test client)
        long wait = expiresAt * 1000 + 1100 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait); // no leeway: a second past exp is enough
        }
        as(expiring).get("/v1/payments/pay_1").then().statusCode(401).body("error.code", equalTo("api_key_invalid"));
    }
}
