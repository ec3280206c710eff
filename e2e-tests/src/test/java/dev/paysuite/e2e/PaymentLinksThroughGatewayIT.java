package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payment links through the gateway against the running suite: the API with a key, the public page
 * without one, a card typed on the page exchanged at the vault by the gateway (payments-service
 * sees a token), scopes and merchant isolation, and one-time links paid once under concurrency.
 */
@ExtendWith(Suite.Extension.class)
class PaymentLinksThroughGatewayIT {
    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Suite.GATEWAY;
    }

    static RequestSpecification as(String apiKey) {
        return given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    static RequestSpecification customer() {
        return given().redirects().follow(false);
    }

    static String link(String apiKey, String body) {
        return as(apiKey).body(body).post("/v1/payment_links").then().statusCode(201).extract().path("id");
    }

    static Response payByCard(String link, String number, String expYear) {
        return customer().contentType("application/x-www-form-urlencoded")
                .body("method=card&card_name=Grace+Hopper&card_number=" + number.replace(" ", "+")
                        + "&exp_month=12&exp_year=" + expYear + "&cvc=123")
                .post("/pay/" + link);
    }

    static String paymentOf(Response redirect) {
        String location = redirect.then().statusCode(303).extract().header("Location");
        return location.substring(location.indexOf("payment_id=") + "payment_id=".length());
    }

    @Test
    void aLinkMadeWithAKeyIsPaidOnItsPublicPage() {
        Merchants.Merchant merchant = Merchants.create();
        String id = as(merchant.apiKey()).body("""
                {"amount": 2500, "currency": "usd", "description": "Workshop seat",
                 "redirect_url": "https://shop.example/thanks", "metadata": {"campaign": "autumn"}}""")
                .post("/v1/payment_links").then().statusCode(201)
                .body("url", startsWith(Suite.GATEWAY + "/pay/plink_"))
                .extract().path("id");
        // no key needed for the page; its card goes to the vault, never to payments-service
        customer().get("/pay/" + id).then().statusCode(200).contentType(startsWith("text/html"))
                .header("Request-Id", startsWith("req_"))
                .body(containsString("$25.00")).body(containsString("Workshop seat"));
        String payment = paymentOf(payByCard(id, "4242 4242 4242 4242", "2034"));
        customer().get("/pay/" + id + "/receipt?payment_id=" + payment).then().statusCode(200)
                .body(containsString("Payment received")).body(containsString(payment))
                .body(containsString("url=https://shop.example/thanks"));
        as(merchant.apiKey()).get("/v1/payments/" + payment).then().statusCode(200)
                .body("status", equalTo("succeeded"))
                .body("payment_link", equalTo(id))
                .body("source", startsWith("tok_"))
                .body("payment_method_details.card.last4", equalTo("4242"))
                .body("metadata.campaign", equalTo("autumn"))
                .body("metadata.cardholder_name", equalTo("Grace Hopper"));
        as(merchant.apiKey()).get("/v1/payment_links/" + id).then().body("active", equalTo(false));
        customer().get("/pay/" + id).then().statusCode(410);
    }

    @Test
    void cardErrorsAreShownInThePage() {
        Merchants.Merchant merchant = Merchants.create();
        String id = link(merchant.apiKey(), "{\"amount\": 1000, \"currency\": \"eur\", \"reusable\": true}");
        payByCard(id, "4000000000000002", "2034").then().statusCode(402)
                .body(containsString("role=\"alert\"")).body(containsString("Your card was declined."));
        payByCard(id, "4000000000000069", "2034").then().statusCode(402)
                .body(containsString("Your card has expired."));
        payByCard(id, "4242424242424241", "2034").then().statusCode(400).body(containsString("id=\"error\""));
        payByCard(id, "4242424242424242", "2019").then().statusCode(400).body(containsString("id=\"error\""));
        as(merchant.apiKey()).get("/v1/payments?payment_link=" + id + "&status=succeeded").then()
                .body("data.size()", equalTo(0));
        as(merchant.apiKey()).get("/v1/payments?payment_link=" + id).then().body("data.size()", equalTo(2));
    }

    @Test
    void aOneTimeLinkIsPaidOnceEvenWhenCustomersRace() throws Exception {
        Merchants.Merchant merchant = Merchants.create();
        String id = link(merchant.apiKey(), "{\"amount\": 990, \"currency\": \"usd\"}");
        var pool = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Integer>> tries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tries.add(CompletableFuture.supplyAsync(() -> payByCard(id, "4242424242424242", "2034").statusCode(), pool));
        }
        List<Integer> statuses = tries.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        org.junit.jupiter.api.Assertions.assertEquals(1, statuses.stream().filter(s -> s == 303).count(), statuses.toString());
        as(merchant.apiKey()).get("/v1/payments?payment_link=" + id).then().body("data.size()", equalTo(1));
    }

    @Test
    void multiCurrencyLinksShowAndChargeMinorUnits() {
        Merchants.Merchant merchant = Merchants.create();
        String[][] cases = {
                {"{\"amount\": 1000, \"currency\": \"jpy\"}", "¥1,000", "card", "JPY", "1000"},
                {"{\"amount\": 1500, \"currency\": \"kwd\"}", "KWD 1.500", "card", "KWD", "1500"},
                {"{\"amount\": 100000, \"currency\": \"btc\"}", "0.00100000 BTC", "bitcoin", "BTC", "100000"},
                {"{\"amount\": 2500000, \"currency\": \"eth\"}", "0.002500000 ETH", "ethereum", "ETH", "2500000"},
        };
        for (String[] c : cases) {
            String id = link(merchant.apiKey(), c[0]);
            customer().get("/pay/" + id).then().statusCode(200).body(containsString(c[1]));
            Response paid = c[2].equals("card") ? payByCard(id, "4242424242424242", "2034")
                    : customer().contentType("application/x-www-form-urlencoded").body("method=" + c[2]).post("/pay/" + id);
            String payment = paymentOf(paid);
            as(merchant.apiKey()).get("/v1/payments/" + payment).then().statusCode(200)
                    .body("status", equalTo("succeeded")).body("currency", equalTo(c[3]))
                    .body("amount", equalTo(Integer.parseInt(c[4])));
        }
        // a crypto link offers only its coin
        String btc = link(merchant.apiKey(), "{\"amount\": 100000, \"currency\": \"btc\"}");
        customer().get("/pay/" + btc).then().body(not(containsString("cc-number")))
                .body(not(containsString("value=\"ethereum\"")));
    }

    @Test
    void scopesAndMerchantsAreKeptApart() {
        Merchants.Merchant owner = Merchants.create();
        Merchants.Merchant other = Merchants.create();
        String id = link(owner.apiKey(), "{\"amount\": 700, \"currency\": \"usd\", \"reusable\": true}");
        as(other.apiKey()).get("/v1/payment_links/" + id).then().statusCode(404);
        as(other.apiKey()).post("/v1/payment_links/" + id + "/deactivate").then().statusCode(404);
        as(other.apiKey()).get("/v1/payment_links").then().statusCode(200).body("data.size()", equalTo(0));
        String reader = Merchants.restrictedKey(owner, "payments:read");
        as(reader).get("/v1/payment_links/" + id).then().statusCode(200);
        as(reader).body("{\"amount\": 700, \"currency\": \"usd\"}").post("/v1/payment_links").then().statusCode(403);
        as(reader).post("/v1/payment_links/" + id + "/deactivate").then().statusCode(403);
        given().get("/v1/payment_links/" + id).then().statusCode(401);
        as(owner.apiKey()).post("/v1/payment_links/" + id + "/deactivate").then().statusCode(200)
                .body("active", equalTo(false));
        customer().get("/pay/" + id).then().statusCode(410).body(containsString("no longer active"));
    }

    @Test
    void thePagesRefuseWhatTheyDoNotTake() throws Exception {
        customer().get("/pay/plink_nothere").then().statusCode(404).contentType(startsWith("text/html"));
        customer().delete("/pay/plink_nothere").then().statusCode(405).header("Allow", "GET, POST");
        customer().contentType("application/x-www-form-urlencoded").body("method=card&card_number=" + "4".repeat(20_000))
                .post("/pay/plink_nothere").then().statusCode(413);
        // the internal lookup is never routed, whatever key asks
        as(Merchants.create().apiKey()).get("/internal/v1/payment_links/plink_nothere").then().statusCode(404);
        // an address a service would refuse is refused here, as a page
        RawHttp.Response malformed = RawHttp.send(Suite.GATEWAY_PORT, "GET", "/pay/plink_x?a=<x>", List.of(), null, false);
        org.junit.jupiter.api.Assertions.assertEquals(400, malformed.status());
        org.junit.jupiter.api.Assertions.assertTrue(malformed.header("Content-Type").startsWith("text/html"));
    }
}
