package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static dev.paysuite.e2e.Seed003Document.assertLike;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 003 ("Payments API" 1.0, an OpenAPI 3.0.3 document) replayed through the gateway at
 * {@code /compat/aikdata/v1/payments}: each operation's documented example request gets the
 * documented status and the fields of its documented example response, the 400 example
 * ({@code card_declined}) and the 401 included.
 */
@ExtendWith(Suite.Extension.class)
class Seed003ConformanceIT {
    static final String BASE_PATH = "/compat/aikdata/v1/payments";
    static final String BASE = Suite.GATEWAY + BASE_PATH;

    /** The create-charge request the document's examples make. */
    static final String CHARGE = Seed003Document.request("/charge", "post").toString();

    /** The refund request the document's examples make, for the charge just created. */
    static String refund(String chargeId) {
        return Seed003Document.request("/refund", "post").put("charge_id", chargeId).toString();
    }

    static RequestSpecification as(String key) {
        return given().baseUri(BASE).header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    static String charge(String key, String body) {
        return as(key).body(body).post("/charge").then().statusCode(200).extract().path("id");
    }

    @Test
    void createRetrieveListAndRefundAsTheDocumentsExamples() {
        String key = Merchants.create().apiKey();
        JsonNode created = answer(as(key).body(CHARGE).post("/charge"), 200);
        assertLike(Seed003Document.answer("/charge", "post", 200), created);
        String id = created.get("id").textValue();
        assertTrue(id.startsWith("ch_"), id);
        assertEquals("Order #1234", created.get("description").textValue());
        assertEquals(Seed003Document.request("/charge", "post").get("metadata"), created.get("metadata"));

        JsonNode retrieved = answer(as(key).get("/charge/" + id), 200);
        assertLike(Seed003Document.answer("/charge/{id}", "get", 200), retrieved);
        assertEquals(id, retrieved.get("id").textValue());

        JsonNode page = answer(as(key).queryParam("limit", 20).queryParam("offset", 0)
                .queryParam("status", "succeeded").get("/charges"), 200);
        assertLike(Seed003Document.answer("/charges", "get", 200), page);
        assertEquals(1, page.get("total").intValue());
        assertEquals(20, page.get("limit").intValue());
        assertEquals(0, page.get("offset").intValue());
        assertEquals(id, page.path("data").path(0).path("id").textValue());

        JsonNode refunded = answer(as(key).body(refund(id)).post("/refund"), 200);
        assertLike(Seed003Document.answer("/refund", "post", 200), refunded);
        assertTrue(refunded.get("id").textValue().startsWith("rf_"), refunded.toString());
        assertEquals(id, refunded.get("charge_id").textValue());
        chargeBecomes(key, id, "refunded");
    }

    /** The answer's JSON, once its status and content type are the documented ones. */
    static JsonNode answer(Response response, int status) {
        response.then().statusCode(status).contentType(ContentType.JSON);
        return Seed003Document.parse(response.asString());
    }

    /** A payment learns of its refunds from refunds.events, a moment after the refund answered. */
    static void chargeBecomes(String key, String id, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(key).get("/charge/" + id).then().statusCode(200)
                .body("status", equalTo(status)));
    }

    @Test
    void theDocumentedErrorsInTheSeedsShape() {
        String key = Merchants.create().apiKey();
        // The 400 example: a declined card (the one field added to the seed's names a declining test method)
        String declining = Seed003Document.request("/charge", "post").put("payment_method_id", "pm_test_decline")
                .toString();
        JsonNode declined = answer(as(key).body(declining).post("/charge"), 400);
        assertLike(Seed003Document.answer("/charge", "post", 400), declined);
        assertEquals("card_declined", declined.at("/error/code").textValue());
        assertTrue(declined.at("/error/charge_id").textValue().startsWith("ch_"), declined.toString());
        assertTrue(declined.at("/error/type").isMissingNode(), declined.toString());
        // 401 for a bad key or none, in the same shape
        given().baseUri(BASE).contentType(ContentType.JSON).header("Authorization", "Bearer sk_test_nope")
                .body(CHARGE).post("/charge").then().statusCode(401)
                .body("error.code", equalTo("api_key_invalid")).body("error.message", notNullValue());
        given().baseUri(BASE).get("/charges").then().statusCode(401).body("error.code", equalTo("api_key_missing"));
        // An unknown charge, and an id that is no charge's (a payment's own id among them), are 404s
        for (String unknown : new String[] {"ch_doesnotexist", "abc123", "pay_abc123"}) {
            as(key).get("/charge/" + unknown).then().statusCode(404)
                    .body("error.code", equalTo("resource_missing")).body("error.message", notNullValue());
        }
        as(key).body(refund("ch_doesnotexist")).post("/refund").then().statusCode(404)
                .body("error.code", equalTo("resource_missing"));
    }

    @Test
    void offsetPagesCountEveryChargeAndFilterByStatus() {
        String key = Merchants.create().apiKey();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            created.add(charge(key, CHARGE));
        }
        as(key).body("{\"amount\": 700, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_decline\"}")
                .post("/charge").then().statusCode(400);

        Response first = as(key).queryParam("limit", 2).get("/charges");
        first.then().statusCode(200).body("data.size()", equalTo(2)).body("total", equalTo(4))
                .body("limit", equalTo(2)).body("offset", equalTo(0));
        Response second = as(key).queryParam("limit", 2).queryParam("offset", 2).get("/charges");
        second.then().statusCode(200).body("data.size()", equalTo(2)).body("total", equalTo(4))
                .body("offset", equalTo(2));
        Set<String> listed = new HashSet<>(first.path("data.id"));
        listed.addAll(second.path("data.id"));
        assertEquals(4, listed.size(), "two pages, no overlap: " + listed);
        assertTrue(listed.containsAll(created), listed.toString());

        as(key).queryParam("status", "succeeded").get("/charges").then().statusCode(200)
                .body("total", equalTo(3)).body("data.status", everyItem(equalTo("succeeded")))
                .body("limit", equalTo(10)).body("offset", equalTo(0));
        as(key).queryParam("status", "failed").get("/charges").then().statusCode(200)
                .body("total", equalTo(1)).body("data[0].amount", equalTo(700));
        as(key).queryParam("status", "completed").get("/charges").then().statusCode(400)
                .body("error.code", equalTo("parameter_invalid"));
        as(key).queryParam("limit", "lots").get("/charges").then().statusCode(400)
                .body("error.code", equalTo("parameter_invalid"));
        as(key).queryParam("limit", 1000).get("/charges").then().statusCode(400)
                .body("error.code", notNullValue()).body("error.message", notNullValue());
    }

    @Test
    void aRefundWithoutAnAmountRefundsWhatIsLeftAndAFullyRefundedChargeIsA400() {
        String key = Merchants.create().apiKey();
        String id = charge(key, CHARGE);
        as(key).body("{\"charge_id\": \"" + id + "\", \"amount\": 500}").post("/refund").then().statusCode(200)
                .body("amount", equalTo(500)).body("charge_id", equalTo(id));
        chargeBecomes(key, id, "partially_refunded");
        as(key).body("{\"charge_id\": \"" + id + "\"}").post("/refund").then().statusCode(200)
                .body("amount", equalTo(1000)).body("status", equalTo("succeeded"));
        as(key).body("{\"charge_id\": \"" + id + "\"}").post("/refund").then().statusCode(400)
                .body("error.code", notNullValue()).body("error.message", not(containsString("pay_")));
    }

    @Test
    void badInputIsA400InTheSeedsShapeNeverA5xx() {
        String key = Merchants.create().apiKey();
        as(key).body("not json").post("/charge").then().statusCode(400).body("error.code", equalTo("invalid_json"));
        as(key).body("{\"amount\": \"1500\", \"currency\": \"USD\"}").post("/charge").then().statusCode(400)
                .body("error.code", equalTo("amount_invalid"));
        as(key).body("{\"amount\": -1500, \"currency\": \"USD\"}").post("/charge").then().statusCode(400)
                .body("error.code", equalTo("amount_invalid"));
        as(key).body("{\"amount\": 123456789012345678901234567890, \"currency\": \"USD\"}").post("/charge").then()
                .statusCode(400).body("error.code", equalTo("amount_too_large"));
        as(key).body("{\"amount\": 1500, \"currency\": \"XYZ\"}").post("/charge").then().statusCode(400)
                .body("error.code", notNullValue());
        as(key).body("{\"amount\": 1500}").post("/charge").then().statusCode(400)
                .body("error.code", equalTo("parameter_missing"));
        as(key).body("{}").post("/refund").then().statusCode(400).body("error.code", equalTo("parameter_missing"));
        as(key).get("/nothing/here").then().statusCode(404).body("error.code", equalTo("url_unknown"));
        as(key).delete("/charge").then().statusCode(405).header("Allow", "POST");
    }

    @Test
    void theKeysOwnRateLimitApplies() {
        String key = Merchants.create(500, 60, 400).apiKey();
        as(key).get("/charges").then().statusCode(200).header("X-RateLimit-Limit", "500")
                .header("X-RateLimit-Remaining", notNullValue()).header("X-RateLimit-Reset", notNullValue());
    }

    @Test
    void theSeedsDocumentIsServedAtTheBasePath() {
        given().baseUri(BASE).get("/openapi.json").then().statusCode(200).contentType(ContentType.JSON)
                .body("openapi", equalTo("3.0.3"))
                .body("servers[0].url", equalTo(BASE_PATH))
                .body("paths.keySet()", org.hamcrest.Matchers.containsInAnyOrder("/charge", "/charge/{id}",
                        "/charges", "/refund"));
    }
}
