package dev.paysuite.payments.adapter.in.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.paysuite.kernel.identity.IdentityClaims;
import dev.paysuite.platform.testing.TestCaller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

/** The page as the gateway forwards it: the public identity token, a card already exchanged for a token. */
@QuarkusTest
class HostedPaymentPageResourceTest {
    final TestCaller merchant = TestCaller.newTestMerchant();

    static RequestSpecification customer() {
        String token = TestCaller.sign(Jwt.issuer(IdentityClaims.ISSUER).audience(IdentityClaims.AUDIENCE)
                .subject(IdentityClaims.PUBLIC_SUBJECT).groups(IdentityClaims.PUBLIC_ROLE).expiresIn(60),
                TestCaller.Signer.GATEWAY);
        return RestAssured.given().redirects().follow(false).header("Authorization", "Bearer " + token);
    }

    String link(String body) {
        return merchant.request().body(body).post("/v1/payment_links").then().statusCode(201).extract().path("id");
    }

    static Response pay(String link, String form) {
        return customer().contentType("application/x-www-form-urlencoded").body(form).post("/pay/" + link);
    }

    @Test
    void thePageShowsTheAmountAndACardFormWithAutocomplete() {
        String id = link("{\"amount\": 1000, \"currency\": \"usd\", \"description\": \"Concert <ticket>\"}");
        customer().get("/pay/" + id).then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Cache-Control", "no-store")
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("id=\"amount\" class=\"amount\">$10.00<"))
                .body(containsString("Concert &lt;ticket&gt;"))
                .body(containsString("autocomplete=\"cc-number\""))
                .body(containsString("autocomplete=\"cc-exp-month\""))
                .body(containsString("autocomplete=\"cc-exp-year\""))
                .body(containsString("autocomplete=\"cc-csc\""))
                .body(containsString("autocomplete=\"cc-name\""))
                .body(containsString("<label for=\"card-number\">"));
    }

    @Test
    void payingGoesToTheReceiptAndTheLinkIsThenPaid() {
        String id = link("{\"amount\": 1000, \"currency\": \"usd\", \"redirect_url\": \"https://shop.example/done\"}");
        String location = pay(id, "method=card&source=tok_visa&card_name=Ada+Lovelace").then().statusCode(303)
                .header("Location", startsWith("/pay/" + id + "/receipt?payment_id=pay_"))
                .extract().header("Location");
        String paymentId = location.substring(location.indexOf("payment_id=") + "payment_id=".length());
        customer().get("/pay/" + id + "/receipt?payment_id=" + paymentId).then().statusCode(200)
                .body(containsString("id=\"receipt\""))
                .body(containsString("<td id=\"payment-id\">" + paymentId + "</td>"))
                .body(containsString("content=\"3;url=https://shop.example/done\""))
                .body(containsString("id=\"continue\""));
        merchant.request().get("/v1/payments/" + paymentId).then().statusCode(200)
                .body("status", equalTo("succeeded"))
                .body("payment_link", equalTo(id))
                .body("amount", equalTo(1000))
                .body("metadata.cardholder_name", equalTo("Ada Lovelace"));
        merchant.request().get("/v1/payments?payment_link=" + id).then().body("data.size()", equalTo(1));
        // one-time: paid now
        customer().get("/pay/" + id).then().statusCode(410).body(containsString("already been paid"));
        pay(id, "method=card&source=tok_visa").then().statusCode(410);
        merchant.request().get("/v1/payment_links/" + id).then().body("active", equalTo(false));
        // a payment of another link has no receipt here
        String other = link("{\"amount\": 1000, \"currency\": \"usd\", \"reusable\": true}");
        customer().get("/pay/" + other + "/receipt?payment_id=" + paymentId).then().statusCode(404);
    }

    @Test
    void aDeclinedCardShowsTheErrorAndLeavesTheLinkOpen() {
        String id = link("{\"amount\": 1000, \"currency\": \"usd\"}");
        pay(id, "method=card&source=tok_chargeDeclined").then().statusCode(402)
                .body(containsString("id=\"error\""))
                .body(containsString("Your card was declined."));
        customer().get("/pay/" + id).then().statusCode(200);
        merchant.request().get("/v1/payments?payment_link=" + id + "&status=succeeded").then()
                .body("data.size()", equalTo(0));
    }

    @Test
    void whatTheVaultRefusedIsShownInThePage() {
        String id = link("{\"amount\": 1000, \"currency\": \"usd\"}");
        pay(id, "method=card&card_error=Your+card+number+is+incorrect.").then().statusCode(400)
                .body(containsString("Your card number is incorrect."));
        pay(id, "method=card").then().statusCode(400).body(containsString("Enter your card details."));
        pay(id, "method=bitcoin&source=tok_visa").then().statusCode(400).body(containsString("does not take bitcoin"));
    }

    @Test
    void aBitcoinLinkIsPaidFromTheSimulatedWallet() {
        String id = link("{\"amount\": 100000, \"currency\": \"btc\"}");
        customer().get("/pay/" + id).then().statusCode(200)
                .body(containsString("0.00100000 BTC"))
                .body(not(containsString("cc-number")))
                .body(containsString("value=\"bitcoin\""));
        pay(id, "method=bitcoin").then().statusCode(303).header("Location", containsString("/receipt?payment_id="));
        merchant.request().get("/v1/payments?payment_link=" + id).then()
                .body("data[0].currency", equalTo("BTC")).body("data[0].amount", equalTo(100000));
    }

    @Test
    void unknownExpiredAndDeactivatedLinksAreSaidSo() {
        customer().get("/pay/plink_nothere").then().statusCode(404).contentType(startsWith("text/html"));
        customer().get("/pay/%3Cscript%3E").then().statusCode(404);
        String id = link("{\"amount\": 1000, \"currency\": \"usd\", \"reusable\": true}");
        merchant.request().post("/v1/payment_links/" + id + "/deactivate").then().statusCode(200);
        customer().get("/pay/" + id).then().statusCode(410).body(containsString("no longer active"));
    }

    @Test
    void withoutTheGatewaysTokenThereIsNoPage() {
        String id = link("{\"amount\": 1000, \"currency\": \"usd\"}");
        RestAssured.given().get("/pay/" + id).then().statusCode(401);
        merchant.request().get("/pay/" + id).then().statusCode(403);
    }

    @Test
    void receiptsOfProcessingPaymentsRefresh() {
        String id = link("{\"amount\": 1000, \"currency\": \"usd\", \"reusable\": true}");
        customer().get("/pay/" + id + "/receipt?payment_id=pay_nothere").then().statusCode(404)
                .body(endsWith("</html>\n"));
    }
}
