package dev.paysuite.webhooks.adapter.in.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.paysuite.platform.testing.TestCaller;
import dev.paysuite.webhooks.testing.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookEndpointResourceTest {
    static final String URL = "http://127.0.0.1:9/hooks";

    @Inject
    AgroalDataSource dataSource;

    final TestCaller merchant = TestCaller.newTestMerchant();
    final TestCaller stranger = TestCaller.newTestMerchant();

    static ValidatableResponse create(TestCaller caller, Map<String, Object> body) {
        return caller.request().body(body).post("/v1/webhook_endpoints").then();
    }

    static String createdId(TestCaller caller) {
        return create(caller, Map.of("url", URL, "enabled_events", List.of("*"))).statusCode(201).extract().path("id");
    }

    @Test
    void anEndpointIsCreatedReadListedUpdatedAndDeletedAndItsSecretShownOnce() {
        String secret = create(merchant, Map.of("url", URL, "enabled_events", List.of("payment.succeeded",
                "refund.succeeded"), "description", "orders")).statusCode(201)
                .body("id", startsWith("we_")).body("object", equalTo("webhook_endpoint"))
                .body("url", equalTo(URL)).body("enabled_events", equalTo(List.of("payment.succeeded", "refund.succeeded")))
                .body("description", equalTo("orders")).body("status", equalTo("enabled"))
                .body("livemode", equalTo(false)).body("secret", startsWith("whsec_")).extract().path("secret");
        String id = merchant.request().get("/v1/webhook_endpoints").then().statusCode(200)
                .body("data", hasSize(1)).body("data[0]", not(hasKey("secret"))).extract().path("data[0].id");
        merchant.request().get("/v1/webhook_endpoints/" + id).then().statusCode(200)
                .body("$", not(hasKey("secret"))).body("created_at", notNullValue());
        merchant.request().body(Map.of("url", "http://localhost:9/other", "enabled_events", List.of("*"),
                "description", "", "status", "disabled")).post("/v1/webhook_endpoints/" + id).then().statusCode(200)
                .body("url", equalTo("http://localhost:9/other")).body("enabled_events", equalTo(List.of("*")))
                .body("description", nullValue()).body("status", equalTo("disabled")).body("$", not(hasKey("secret")));
        merchant.request().body(Map.of("status", "enabled")).post("/v1/webhook_endpoints/" + id).then().statusCode(200)
                .body("status", equalTo("enabled")).body("url", equalTo("http://localhost:9/other"));
        merchant.request().delete("/v1/webhook_endpoints/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("object", equalTo("webhook_endpoint")).body("deleted", equalTo(true));
        merchant.request().get("/v1/webhook_endpoints/" + id).then().statusCode(404)
                .body("error.code", equalTo("resource_missing"));
        merchant.request().delete("/v1/webhook_endpoints/" + id).then().statusCode(404);

        // sealed at rest: the secret's text is nowhere in the row
        TestEvents db = new TestEvents(dataSource);
        assertFalse(db.string("SELECT encode(secret_sealed, 'escape') FROM webhook_endpoints WHERE id = ?", id)
                .contains(secret.substring(6)));
    }

    @Test
    void aReplayedCreationAnswersTheEndpointWithoutItsSecret() {
        String key = "create-" + System.nanoTime();
        Map<String, Object> body = Map.of("url", URL, "enabled_events", List.of("*"));
        String id = merchant.request().header("Idempotency-Key", key).body(body).post("/v1/webhook_endpoints").then()
                .statusCode(201).body("secret", startsWith("whsec_")).extract().path("id");
        merchant.request().header("Idempotency-Key", key).body(body).post("/v1/webhook_endpoints").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id))
                .body("$", not(hasKey("secret")));
    }

    @Test
    void rollingTheSecretAnswersANewOneOnce() {
        String first = create(merchant, Map.of("url", URL, "enabled_events", List.of("*"))).statusCode(201)
                .extract().path("secret");
        String id = merchant.request().get("/v1/webhook_endpoints").then().extract().path("data[0].id");
        String second = merchant.request().post("/v1/webhook_endpoints/" + id + "/roll_secret").then().statusCode(200)
                .body("id", equalTo(id)).body("secret", startsWith("whsec_")).extract().path("secret");
        assertNotEquals(first, second);
        merchant.request().get("/v1/webhook_endpoints/" + id).then().body("$", not(hasKey("secret")));
        stranger.request().post("/v1/webhook_endpoints/" + id + "/roll_secret").then().statusCode(404);
    }

    @Test
    void anotherMerchantsOrModesEndpointDoesNotExist() {
        String id = createdId(merchant);
        stranger.request().get("/v1/webhook_endpoints/" + id).then().statusCode(404);
        stranger.request().body(Map.of("description", "x")).post("/v1/webhook_endpoints/" + id).then().statusCode(404);
        stranger.request().delete("/v1/webhook_endpoints/" + id).then().statusCode(404);
        stranger.request().get("/v1/webhook_endpoints/" + id + "/attempts").then().statusCode(404);
        stranger.request().body(Map.of("event_id", "evt_nope")).post("/v1/webhook_endpoints/" + id + "/resend")
                .then().statusCode(404);
        stranger.request().body(Map.of("since", "0")).post("/v1/webhook_endpoints/" + id + "/recover")
                .then().statusCode(404);
        merchant.live().request().get("/v1/webhook_endpoints/" + id).then().statusCode(404);
        stranger.request().get("/v1/webhook_endpoints").then().statusCode(200).body("data", hasSize(0));
    }

    @Test
    void endpointsAreListedNewestFirstPageByPage() {
        TestCaller m = TestCaller.newTestMerchant();
        String a = createdId(m);
        String b = createdId(m);
        String c = createdId(m);
        m.request().get("/v1/webhook_endpoints?limit=2").then().statusCode(200).body("object", equalTo("list"))
                .body("data.id", equalTo(List.of(c, b))).body("has_more", equalTo(true)).body("total_count", equalTo(3));
        m.request().get("/v1/webhook_endpoints?limit=2&starting_after=" + b).then().statusCode(200)
                .body("data.id", equalTo(List.of(a))).body("has_more", equalTo(false));
        m.request().get("/v1/webhook_endpoints?ending_before=" + a).then().statusCode(200)
                .body("data.id", equalTo(List.of(c, b)));
        m.request().get("/v1/webhook_endpoints?limit=0").then().statusCode(400).body("error.param", equalTo("limit"));
    }

    @Test
    void urlsThatPointInsideAreRefused() {
        for (String url : List.of("http://10.0.0.5/hook", "http://192.168.1.10/hook", "http://169.254.169.254/latest",
                "http://127.0.0.2:8080/hook", "http://[::ffff:10.0.0.1]/hook", "http://[fe80::1]/hook")) {
            create(merchant, Map.of("url", url, "enabled_events", List.of("*"))).statusCode(422)
                    .body("error.type", equalTo("invalid_request_error")).body("error.code", equalTo("url_forbidden"))
                    .body("error.param", equalTo("url"));
        }
        for (String url : List.of("ftp://127.0.0.1/hook", "127.0.0.1/hook", "http://user:pw@127.0.0.1/hook",
                "http://2130706433/hook", "javascript:alert(1)")) {
            create(merchant, Map.of("url", url, "enabled_events", List.of("*"))).statusCode(400)
                    .body("error.code", equalTo("url_invalid")).body("error.param", equalTo("url"));
        }
        create(merchant, Map.of("enabled_events", List.of("*"))).statusCode(400).body("error.param", equalTo("url"));
        String id = createdId(merchant);
        merchant.request().body(Map.of("url", "http://10.1.2.3/x")).post("/v1/webhook_endpoints/" + id).then()
                .statusCode(422).body("error.param", equalTo("url"));
    }

    @Test
    void anEndpointMaySubscribeToASubscriptionsEvents() {
        List<String> types = List.of("subscription.created", "subscription.updated", "subscription.canceled");
        create(merchant, Map.of("url", URL, "enabled_events", types)).statusCode(201)
                .body("enabled_events", equalTo(types));
        create(merchant, Map.of("url", URL, "enabled_events", List.of("subscription.exploded"))).statusCode(400)
                .body("error.code", equalTo("event_type_unknown")).body("error.param", equalTo("enabled_events"));
    }

    @Test
    void badEventTypesAndStatusesAreClearErrors() {
        create(merchant, Map.of("url", URL, "enabled_events", List.of("payment.exploded"))).statusCode(400)
                .body("error.code", equalTo("event_type_unknown")).body("error.param", equalTo("enabled_events"));
        create(merchant, Map.of("url", URL, "enabled_events", List.of())).statusCode(400)
                .body("error.param", equalTo("enabled_events"));
        create(merchant, Map.of("url", URL, "enabled_events", List.of("*", "payment.succeeded"))).statusCode(400)
                .body("error.param", equalTo("enabled_events"));
        create(merchant, Map.of("url", URL, "enabled_events", List.of("*"), "status", "disabled")).statusCode(400)
                .body("error.param", equalTo("status"));
        create(merchant, Map.of("url", URL, "enabled_events", List.of("*"), "color", "red")).statusCode(400);
        String id = createdId(merchant);
        merchant.request().body(Map.of("status", "paused")).post("/v1/webhook_endpoints/" + id).then().statusCode(400)
                .body("error.param", equalTo("status"));
        merchant.request().body(Map.of()).post("/v1/webhook_endpoints/" + id + "/resend").then().statusCode(400)
                .body("error.param", equalTo("event_id"));
        merchant.request().body(Map.of("event_id", "evt_unknown")).post("/v1/webhook_endpoints/" + id + "/resend")
                .then().statusCode(404).body("error.code", equalTo("resource_missing"));
        merchant.request().body(Map.of("since", "yesterday")).post("/v1/webhook_endpoints/" + id + "/recover")
                .then().statusCode(400).body("error.param", equalTo("since"));
        merchant.request().body(Map.of()).post("/v1/webhook_endpoints/" + id + "/recover").then().statusCode(400)
                .body("error.param", equalTo("since"));
        for (Object bad : new Object[] {-1, 1.5, true, List.of(1), Map.of("a", 1), "", 1_000_000_000_000L}) {
            merchant.request().body(Map.of("since", bad)).post("/v1/webhook_endpoints/" + id + "/recover")
                    .then().statusCode(400).body("error.param", equalTo("since"));
        }
        // Unix seconds as a JSON number, as a string, or an ISO 8601 time
        for (Object since : new Object[] {1_700_000_000, "1700000000", "2023-11-14T22:13:20Z"}) {
            merchant.request().body(Map.of("since", since)).post("/v1/webhook_endpoints/" + id + "/recover")
                    .then().statusCode(200).body("since", equalTo("2023-11-14T22:13:20Z"));
        }
    }
}
