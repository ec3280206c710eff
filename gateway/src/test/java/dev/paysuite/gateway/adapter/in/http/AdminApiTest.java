package dev.paysuite.gateway.adapter.in.http;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.testing.Clients;
import dev.paysuite.gateway.testing.StubUpstream;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API against the real database, Redis and Keycloak (the realm's {@code paysuite-admin-cli}
 * client has the realm role {@code admin}), with stub services behind the gateway: keys it issues work
 * on {@code /v1/...} at once, and every change to them takes effect on the next request.
 */
@QuarkusTest
@QuarkusTestResource(StubUpstream.class)
class AdminApiTest {
    static final String ADDRESS = Clients.newLoopbackAddress();
    static String admin;

    @BeforeAll
    static void tokens() throws Exception {
        admin = KeycloakTokensTest.token("paysuite", "paysuite-admin-cli", "paysuite-admin-cli-local-secret");
    }

    static RequestSpecification asAdmin() {
        return Clients.from(ADDRESS).header("Authorization", "Bearer " + admin).contentType(ContentType.JSON);
    }

    static RequestSpecification withKey(String secret) {
        return Clients.from(ADDRESS).header("Authorization", "Bearer " + secret);
    }

    static String newMerchant() {
        return asAdmin().body("{\"name\": \"Acme Test\"}").post("/admin/merchants").then().statusCode(201)
                .extract().path("id");
    }

    static JsonPath newKey(String merchantId, String body) {
        return asAdmin().body(body).post("/admin/merchants/" + merchantId + "/keys").then().statusCode(201)
                .extract().jsonPath();
    }

    // --- The flow -----------------------------------------------------------------------------------

    @Test
    void anAdminCreatesAMerchantAndKeysThatWorkAtOnceWithoutTheirSecretsEverShownAgain() {
        String longName = "A".repeat(255);
        asAdmin().body("{\"name\": \"" + longName + "\"}").post("/admin/merchants").then().statusCode(201)
                .body("name", equalTo(longName));
        Response created = asAdmin().body("{\"name\": \"Acme Ltd\"}").post("/admin/merchants");
        created.then().statusCode(201).body("object", equalTo("merchant")).body("id", startsWith("mer_"))
                .body("name", equalTo("Acme Ltd")).body("created_at", notNullValue())
                .header("Request-Id", startsWith("req_")).header("X-Stub", nullValue());
        String merchant = created.path("id");
        asAdmin().get("/admin/merchants/" + merchant).then().statusCode(200).body("name", equalTo("Acme Ltd"));

        // an answer that shows a secret is never to be kept by any cache, and carries the security headers
        asAdmin().body("{}").post("/admin/merchants/" + merchant + "/keys").then().statusCode(201)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        JsonPath secret = newKey(merchant, "{}");
        assertEquals("api_key", secret.getString("object"));
        assertEquals(merchant, secret.getString("merchant_id"));
        assertEquals("test", secret.getString("mode"));
        assertEquals("secret", secret.getString("type"));
        assertTrue(secret.getString("secret").startsWith("sk_test_"));
        assertEquals(secret.getString("secret").substring(0, 12), secret.getString("prefix"));
        assertEquals(100, secret.getInt("rate_limit.limit"));
        assertNull(secret.getString("expires_at"));
        assertNull(secret.getString("revoked_at"));
        assertFalse(secret.prettify().contains("\"scopes\""), "a secret key has no scopes");

        JsonPath restricted = newKey(merchant, "{\"type\": \"restricted\", \"scopes\": [\"payments:read\"], "
                + "\"rate_limit\": {\"limit\": 50, \"window_seconds\": 60, \"burst\": 10}}");
        assertTrue(restricted.getString("secret").startsWith("rk_test_"));
        assertEquals(List.of("payments:read"), restricted.getList("scopes"));
        assertEquals(50, restricted.getInt("rate_limit.limit"));

        withKey(secret.getString("secret")).get("/v1/payments").then().statusCode(201).header("X-Stub", "payments");
        withKey(restricted.getString("secret")).get("/v1/payments/pay_1").then().statusCode(201);
        withKey(restricted.getString("secret")).contentType(ContentType.JSON).body("{}").post("/v1/payments").then()
                .statusCode(403).body("error.code", equalTo("insufficient_permissions"));

        asAdmin().get("/admin/merchants/" + merchant + "/keys").then().statusCode(200)
                .body("object", equalTo("list")).body("has_more", equalTo(false))
                .body("data.id", hasItems(secret.getString("id"), restricted.getString("id")))
                .body("data", everyItem(not(hasKey("secret"))));
    }

    @Test
    void aRolledKeyWorksBesideItsSuccessorUntilItsGracePeriodEnds() {
        String merchant = newMerchant();
        JsonPath old = newKey(merchant, "{}");
        String oldSecret = old.getString("secret");
        withKey(oldSecret).get("/v1/payments").then().statusCode(201); // cached from now on

        JsonPath rolled = asAdmin().body("{\"grace_period_seconds\": 2}").post("/admin/keys/" + old.getString("id") + "/roll")
                .then().statusCode(201).body("object", equalTo("api_key")).extract().jsonPath();
        assertNotEquals(old.getString("id"), rolled.getString("id"));
        assertTrue(rolled.getString("secret").startsWith("sk_test_"));
        assertNull(rolled.getString("expires_at"));

        withKey(oldSecret).get("/v1/payments").then().statusCode(201);
        withKey(rolled.getString("secret")).get("/v1/payments").then().statusCode(201);
        Map<String, Object> listedOld = asAdmin().get("/admin/merchants/" + merchant + "/keys").then().extract().jsonPath()
                .getMap("data.find { it.id == '" + old.getString("id") + "' }");
        assertTrue(listedOld.get("expires_at") != null, "the rolled key shows its expiry: " + listedOld);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                withKey(oldSecret).get("/v1/payments").statusCode() == 401);
        withKey(rolled.getString("secret")).get("/v1/payments").then().statusCode(201);
        // an expired key cannot be rolled again
        asAdmin().body("{}").post("/admin/keys/" + old.getString("id") + "/roll").then().statusCode(409);
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceEvenWhenCached() {
        String merchant = newMerchant();
        JsonPath key = newKey(merchant, "{}");
        withKey(key.getString("secret")).get("/v1/payments").then().statusCode(201);
        asAdmin().post("/admin/keys/" + key.getString("id") + "/revoke").then().statusCode(200)
                .body("revoked_at", notNullValue()).body("$", not(hasKey("secret")));
        withKey(key.getString("secret")).get("/v1/payments").then().statusCode(401)
                .body("error.type", equalTo("authentication_error"));
        // revoking again changes nothing
        asAdmin().post("/admin/keys/" + key.getString("id") + "/revoke").then().statusCode(200);
    }

    @Test
    void newLimitsApplyToTheNextRequest() {
        String merchant = newMerchant();
        JsonPath key = newKey(merchant, "{}");
        String secret = key.getString("secret");
        withKey(secret).get("/v1/payments").then().statusCode(201).header("X-RateLimit-Limit", "100");
        asAdmin().body("{\"limit\": 3, \"window_seconds\": 60, \"burst\": 3}")
                .post("/admin/keys/" + key.getString("id") + "/limits").then().statusCode(200)
                .body("rate_limit.limit", equalTo(3)).body("rate_limit.burst", equalTo(3));
        // one of the three was used before the change
        withKey(secret).get("/v1/payments").then().statusCode(201).header("X-RateLimit-Limit", "3");
        withKey(secret).get("/v1/payments").then().statusCode(201);
        withKey(secret).get("/v1/payments").then().statusCode(429).body("error.code", equalTo("rate_limit_exceeded"));
    }

    @Test
    void everyChangeIsInTheAuditLogNewestFirstWithItsActor() {
        String merchant = newMerchant();
        String keyId = newKey(merchant, "{}").getString("id");
        asAdmin().body("{\"limit\": 5, \"window_seconds\": 10, \"burst\": 5}").post("/admin/keys/" + keyId + "/limits")
                .then().statusCode(200);
        asAdmin().post("/admin/keys/" + keyId + "/revoke").then().statusCode(200);

        JsonPath page = asAdmin().get("/admin/audit_events?limit=3").then().statusCode(200)
                .body("object", equalTo("list")).body("has_more", equalTo(true)).extract().jsonPath();
        assertEquals(List.of("api_key.revoked", "api_key.limits_changed", "api_key.created"), page.getList("data.action"));
        assertEquals(List.of(keyId, keyId, keyId), page.getList("data.object_id"));
        assertEquals("paysuite-admin-cli", page.getString("data[0].actor.client_id"));
        // the token's subject (the client's service account); this client's tokens carry no preferred_username
        assertTrue(page.getString("data[0].actor.subject").length() > 8, page.prettify());
        assertEquals(merchant, page.getString("data[0].merchant_id"));
        assertTrue(page.getString("data[2].details.prefix").startsWith("sk_test_"));
        assertFalse(page.prettify().contains("secret\""), "no secret in the audit log");

        String next = page.getString("data[2].id");
        asAdmin().get("/admin/audit_events?limit=1&starting_after=" + next).then().statusCode(200)
                .body("data[0].action", equalTo("merchant.created")).body("data[0].object_id", equalTo(merchant));
    }

    // --- Who gets in ----------------------------------------------------------------------------------

    @Test
    void onlyAnAdminsTokenGetsIn() throws Exception {
        Clients.from(ADDRESS).get("/admin/audit_events").then().statusCode(401)
                .body("error.type", equalTo("authentication_error")).header("WWW-Authenticate", startsWith("Bearer"));
        Clients.from(ADDRESS).header("Authorization", "Bearer " + GatewayTest.DEMO_KEY).get("/admin/audit_events")
                .then().statusCode(401).body("error.type", equalTo("authentication_error"));
        Clients.from(ADDRESS).header("Authorization", "Bearer " + admin + "x").get("/admin/audit_events")
                .then().statusCode(401).body("error.type", equalTo("authentication_error"));
        String partner = KeycloakTokensTest.token("paysuite", "demo-partner", "demo-partner-local-secret");
        Clients.from(ADDRESS).header("Authorization", "Bearer " + partner).contentType(ContentType.JSON)
                .body("{\"name\": \"x\"}").post("/admin/merchants").then().statusCode(403)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("insufficient_permissions"));
        // and the admin's token is still no merchant's
        Clients.from(ADDRESS).header("Authorization", "Bearer " + admin).get("/v1/payments").then().statusCode(401);
    }

    // --- Refusals -------------------------------------------------------------------------------------

    static void refused(Response r, int status, String code, String param) {
        r.then().statusCode(status).contentType(ContentType.JSON).body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo(code)).body("error.param", equalTo(param));
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        refused(asAdmin().body("{}").post("/admin/merchants"), 400, "parameter_missing", "name");
        refused(asAdmin().body("{\"name\": \"\"}").post("/admin/merchants"), 400, "parameter_invalid", "name");
        refused(asAdmin().body("{\"name\": \"" + "x".repeat(256) + "\"}").post("/admin/merchants"), 400,
                "parameter_invalid", "name");
        refused(asAdmin().body("{\"name\": \"Ac\\u0000me\"}").post("/admin/merchants"), 400, "parameter_invalid", "name");
        refused(asAdmin().body("{\"name\": 7}").post("/admin/merchants"), 400, "parameter_invalid", "name");
        refused(asAdmin().body("{\"name\": \"a\", \"colour\": \"red\"}").post("/admin/merchants"), 400,
                "parameter_unknown", "colour");
        refused(asAdmin().body("{\"name\": \"a\", \"name\": \"b\"}").post("/admin/merchants"), 400, "invalid_json", null);
        refused(asAdmin().body("{\"name\": ").post("/admin/merchants"), 400, "invalid_json", null);
        refused(asAdmin().body("[\"name\"]").post("/admin/merchants"), 400, "invalid_json", null);

        String merchant = newMerchant();
        String keys = "/admin/merchants/" + merchant + "/keys";
        refused(asAdmin().body("{\"mode\": \"prod\"}").post(keys), 400, "parameter_invalid", "mode");
        refused(asAdmin().body("{\"type\": \"public\"}").post(keys), 400, "parameter_invalid", "type");
        refused(asAdmin().body("{\"type\": \"restricted\"}").post(keys), 400, "parameter_missing", "scopes");
        refused(asAdmin().body("{\"type\": \"restricted\", \"scopes\": [\"payments:delete\"]}").post(keys), 400,
                "parameter_invalid", "scopes");
        refused(asAdmin().body("{\"scopes\": [\"payments:read\"]}").post(keys), 400, "parameter_invalid", "scopes");
        refused(asAdmin().body("{\"rate_limit\": {\"limit\": 0, \"window_seconds\": 60, \"burst\": 1}}").post(keys), 400,
                "parameter_invalid", "rate_limit[limit]");
        refused(asAdmin().body("{\"rate_limit\": {\"limit\": 10, \"window_seconds\": 60}}").post(keys), 400,
                "parameter_missing", "rate_limit[burst]");
        refused(asAdmin().body("{\"rate_limit\": {\"limit\": 10, \"window_seconds\": 1.5, \"burst\": 1}}").post(keys),
                400, "parameter_invalid", "rate_limit[window_seconds]");

        String keyId = newKey(merchant, "{}").getString("id");
        refused(asAdmin().body("{\"limit\": 10, \"window_seconds\": 60, \"burst\": 11}")
                .post("/admin/keys/" + keyId + "/limits"), 400, "parameter_invalid", "burst");
        refused(asAdmin().body("{\"limit\": 10, \"window_seconds\": 0, \"burst\": 1}")
                .post("/admin/keys/" + keyId + "/limits"), 400, "parameter_invalid", "window_seconds");
        refused(asAdmin().body("{\"grace_period_seconds\": -1}").post("/admin/keys/" + keyId + "/roll"), 400,
                "parameter_invalid", "grace_period_seconds");
        refused(asAdmin().body("{\"grace_period_seconds\": 604801}").post("/admin/keys/" + keyId + "/roll"), 400,
                "parameter_invalid", "grace_period_seconds");
        refused(asAdmin().body("{\"grace_period_seconds\": \"soon\"}").post("/admin/keys/" + keyId + "/roll"), 400,
                "parameter_invalid", "grace_period_seconds");
        refused(asAdmin().get("/admin/audit_events?limit=abc"), 400, "parameter_invalid", "limit");
        refused(asAdmin().get("/admin/audit_events?limit=101"), 400, "parameter_invalid", "limit");
        refused(asAdmin().get("/admin/audit_events?starting_after=aud_nothing"), 400, "resource_missing", "starting_after");
        // JSON only, like the API
        Response form = Clients.from(ADDRESS).header("Authorization", "Bearer " + admin)
                .contentType("application/x-www-form-urlencoded").body("name=Acme").post("/admin/merchants");
        form.then().statusCode(415).body("error.code", equalTo("unsupported_media_type"));
    }

    @Test
    void unknownMerchantsKeysAndUrlsAreNotFoundAndWrongMethodsNotAllowed() {
        refused(asAdmin().get("/admin/merchants/mer_nothing"), 404, "resource_missing", null);
        refused(asAdmin().get("/admin/merchants/mer_nothing/keys"), 404, "resource_missing", null);
        refused(asAdmin().body("{}").post("/admin/merchants/mer_nothing/keys"), 404, "resource_missing", null);
        refused(asAdmin().post("/admin/keys/key_nothing/revoke"), 404, "resource_missing", null);
        refused(asAdmin().body("{}").post("/admin/keys/key_nothing/roll"), 404, "resource_missing", null);
        refused(asAdmin().body("{\"limit\": 1, \"window_seconds\": 1, \"burst\": 1}").post("/admin/keys/key_nothing/limits"),
                404, "resource_missing", null);
        refused(asAdmin().urlEncodingEnabled(false).get("/admin/merchants/mer%00x"), 404, "resource_missing", null);
        refused(asAdmin().get("/admin/nothing"), 404, "url_unknown", null);
        refused(asAdmin().delete("/admin/merchants"), 405, "method_not_allowed", null);
        asAdmin().get("/admin/keys/key_x/roll").then().statusCode(405).header("Allow", "POST");
        assertTrue(StubUpstream.all().stream().noneMatch(r -> r.uri().startsWith("/admin")), "never forwarded");
    }

    @Test
    void aListOfAuditEventsPagesWithoutRepeats() {
        newMerchant();
        newMerchant();
        JsonPath first = asAdmin().get("/admin/audit_events?limit=1").then().statusCode(200).extract().jsonPath();
        JsonPath second = asAdmin().get("/admin/audit_events?limit=1&starting_after=" + first.getString("data[0].id"))
                .then().statusCode(200).body("data", hasItem(notNullValue())).extract().jsonPath();
        assertNotEquals(first.getString("data[0].id"), second.getString("data[0].id"));
        assertTrue(first.getString("data[0].created_at").compareTo(second.getString("data[0].created_at")) >= 0);
    }
}
