package dev.paysuite.payments.adapter.in.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.paysuite.platform.testing.TestCaller;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaymentLinkResourceTest {
    final TestCaller merchant = TestCaller.newTestMerchant();

    String create(String body) {
        return merchant.request().body(body).post("/v1/payment_links").then().statusCode(201).extract().path("id");
    }

    @Test
    void aLinkIsCreatedRetrievedListedAndDeactivated() {
        String id = merchant.request().body("""
                {"amount": 1000, "currency": "usd", "description": "Concert ticket", "metadata": {"order": "42"},
                 "redirect_url": "https://shop.example/thanks", "reusable": true, "expires_at": 4102444800}""")
                .post("/v1/payment_links").then().statusCode(201)
                .body("id", startsWith("plink_"))
                .body("object", equalTo("payment_link"))
                .body("url", startsWith("http://localhost:8080/pay/plink_"))
                .body("active", equalTo(true))
                .body("amount", equalTo(1000))
                .body("currency", equalTo("USD"))
                .body("payment_method_types", equalTo(java.util.List.of("card")))
                .body("reusable", equalTo(true))
                .body("expires_at", equalTo("2100-01-01T00:00:00Z"))
                .body("redirect_url", equalTo("https://shop.example/thanks"))
                .body("metadata.order", equalTo("42"))
                .body("livemode", equalTo(false))
                .extract().path("id");
        merchant.request().get("/v1/payment_links/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("url", equalTo("http://localhost:8080/pay/" + id));
        merchant.request().get("/v1/payment_links?limit=1").then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].id", equalTo(id));
        merchant.request().post("/v1/payment_links/" + id + "/deactivate").then().statusCode(200)
                .body("active", equalTo(false));
        merchant.request().post("/v1/payment_links/" + id + "/deactivate").then().statusCode(200)
                .body("active", equalTo(false));
        merchant.request().get("/v1/payment_links/" + id).then().body("active", equalTo(false));
    }

    @Test
    void lineItemsAddUp() {
        merchant.request().body("""
                {"currency": "jpy", "line_items": [{"name": "Ramen", "quantity": 2, "unit_amount": 900},
                 {"name": "Gyoza", "unit_amount": 450}]}""")
                .post("/v1/payment_links").then().statusCode(201)
                .body("amount", equalTo(2250))
                .body("line_items[0].amount", equalTo(1800))
                .body("line_items[1].quantity", equalTo(1))
                .body("description", nullValue());
    }

    @Test
    void badInputIsA400NamingTheParameter() {
        String[][] cases = {
                {"{\"currency\": \"usd\"}", "amount"},
                {"{\"amount\": 100}", "currency"},
                {"{\"amount\": 100, \"currency\": \"usd\", \"redirect_url\": \"javascript:alert(1)\"}", "redirect_url"},
                {"{\"amount\": 100, \"currency\": \"usd\", \"expires_at\": 946684800}", "expires_at"},
                {"{\"amount\": 100, \"currency\": \"usd\", \"expires_at\": \"soon\"}", "expires_at"},
                {"{\"amount\": 100, \"currency\": \"usd\", \"payment_method_types\": [\"bitcoin\"]}", "payment_method_types"},
                {"{\"currency\": \"usd\", \"line_items\": [{\"name\": \"x\", \"quantity\": 0, \"unit_amount\": 5}]}",
                        "line_items[0][quantity]"},
                {"{\"amount\": 100, \"currency\": \"usd\", \"reusable\": \"yes\"}", "reusable"},
                {"{\"amount\": 100, \"currency\": \"usd\", \"colour\": \"red\"}", "colour"},
        };
        for (String[] c : cases) {
            merchant.request().body(c[0]).post("/v1/payment_links").then().statusCode(400)
                    .body("error.type", equalTo("invalid_request_error"))
                    .body("error.param", equalTo(c[1]));
        }
    }

    @Test
    void anotherMerchantsOrModesLinkDoesNotExist() {
        String id = create("{\"amount\": 500, \"currency\": \"eur\"}");
        TestCaller.newTestMerchant().request().get("/v1/payment_links/" + id).then().statusCode(404);
        merchant.live().request().get("/v1/payment_links/" + id).then().statusCode(404);
        TestCaller.newTestMerchant().request().post("/v1/payment_links/" + id + "/deactivate").then().statusCode(404);
        merchant.request().get("/v1/payment_links/plink_doesnotexist").then().statusCode(404)
                .body("error.code", equalTo("resource_missing"));
        merchant.request().get("/v1/payment_links/not-an-id").then().statusCode(404);
    }

    @Test
    void theSameIdempotencyKeyMakesOneLink() {
        String key = "link-" + System.nanoTime();
        String first = merchant.request().header("Idempotency-Key", key).body("{\"amount\": 700, \"currency\": \"usd\"}")
                .post("/v1/payment_links").then().statusCode(201).extract().path("id");
        merchant.request().header("Idempotency-Key", key).body("{\"amount\": 700, \"currency\": \"usd\"}")
                .post("/v1/payment_links").then().statusCode(201).body("id", equalTo(first));
    }

    @Test
    void theGatewayLearnsWhoseLinkItIs() {
        String id = create("{\"amount\": 500, \"currency\": \"eur\"}");
        TestCaller.withToken(TestCaller.sign(merchant.serviceClaims(TestCaller.Signer.GATEWAY), TestCaller.Signer.GATEWAY))
                .get("/internal/v1/payment_links/" + id).then().statusCode(200)
                .body("merchant_id", equalTo(merchant.merchantId()))
                .body("livemode", equalTo(false))
                .body("payable", equalTo(true));
        merchant.request().get("/internal/v1/payment_links/" + id).then().statusCode(401);
    }
}
