package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hosted pages in a real browser (Debian's headless Chromium, driven by Playwright from
 * e2e-tests/browser): a customer opens a payment link through the gateway, pays, meets errors and
 * 3-D Secure, on a desktop and a phone-sized screen, and axe-core checks every page. What the
 * browser reports is checked against the API. Screenshots of every step:
 * e2e-tests/target/browser-screenshots/&lt;scenario&gt;/NN-step.png.
 */
@ExtendWith({Browser.Installed.class, Suite.Extension.class})
class HostedPaymentPageBrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VISA = "4242424242424242";
    private static final String DECLINED = "4000000000000002";
    private static final String EXPIRED = "4000000000000069";
    private static final String THREE_D_SECURE = "4000002500003155";
    private static final List<String> CARD_FIELDS = List.of("card-name", "card-number", "card-exp-month",
            "card-exp-year", "card-cvc");
    private static final Map<String, String> AUTOCOMPLETE = Map.of("card-name", "cc-name", "card-number", "cc-number",
            "card-exp-month", "cc-exp-month", "card-exp-year", "cc-exp-year", "card-cvc", "cc-csc");
    private static final Pattern PAYMENT_ID = Pattern.compile("[?&]payment_id=(pay_[A-Za-z0-9]+)");

    private static ShopServer shop;

    @BeforeAll
    static void shop() {
        shop = ShopServer.start();
    }

    @AfterAll
    static void closeShop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void aCustomerPaysWithTheKeyboardSeesTheReceiptAndIsSentBackToTheShop() {
        String redirect = shop.url("/thanks?order=1042");
        Link link = createLink(Map.of("amount", 1000, "currency", "usd", "description", "Coffee beans, 1 kg",
                "redirect_url", redirect, "payment_method_types", List.of("card"), "reusable", true));

        JsonNode result = Browser.run("pay-link", "a-pay-by-keyboard", Map.of("url", link.url(), "attempts",
                List.of(attempt("visa", card(VISA), Map.of("keyboard", true, "followRedirect", true)))));

        JsonNode page = result.path("page");
        assertEquals(200, result.path("status").asInt(), "the link's page");
        assertEquals("en", page.path("lang").asText());
        assertThat("a viewport meta", page.path("viewportMeta").asText(), containsString("width=device-width"));
        assertEquals("Coffee beans, 1 kg", page.path("h1").asText());
        assertEquals("$10.00", page.path("amount").asText());
        for (String field : CARD_FIELDS) {
            JsonNode f = page.path("fields").path(field);
            assertEquals(AUTOCOMPLETE.get(field), f.path("autocomplete").asText(null), "#" + field + " autocomplete");
            assertFalse(f.path("label").asText("").isBlank(), "#" + field + " has a <label for> with text");
        }
        if (page.path("fields").has("email")) {
            assertEquals("email", page.path("fields").path("email").path("autocomplete").asText(null), "#email autocomplete");
        }
        assertThat(page.path("payButton").path("text").asText(), containsString("$10.00"));
        assertEquals("submit", page.path("payButton").path("type").asText());
        assertNoSeriousViolations("a-pay-by-keyboard", result);

        JsonNode visa = result.path("attempts").get(0);
        List<String> focus = texts(visa.path("focusOrder"));
        List<String> cardFocus = focus.stream().filter(CARD_FIELDS::contains).toList();
        assertEquals(CARD_FIELDS, cardFocus, "Tab goes through the card fields in reading order: " + focus);
        assertEquals("receipt", visa.path("outcome").asText(), "after Enter: " + visa);
        assertFalse(visa.path("cardNumberInPage").asBoolean(), "no page shows the card number");
        JsonNode receipt = visa.path("receipt");
        String paymentId = receipt.path("paymentId").asText();
        assertThat(paymentId, startsWith("pay_"));
        assertThat(receipt.path("url").asText(), containsString("payment_id=" + paymentId));
        assertEquals("$10.00", receipt.path("amount").asText());
        assertEquals(redirect, receipt.path("continueHref").asText(), "#continue leads to the link's redirect_url");
        assertThat(receipt.path("metaRefresh").asText(), containsString(redirect));
        assertEquals(redirect, visa.path("redirectedTo").asText(), "the browser followed the redirect");
        assertThat(shop.requests(), hasItem(URI.create("/thanks?order=1042")));

        api().get("/v1/payments/" + paymentId).then().statusCode(200)
                .body("status", equalTo("succeeded"))
                .body("amount", equalTo(1000))
                .body("currency", equalTo("USD"))
                .body("payment_link", equalTo(link.id()))
                .body("payment_method_details.card.last4", equalTo("4242"));
    }

    @Test
    void aDeclinedAndAnExpiredCardShowTheirErrorsAndNothingSucceeds() {
        Link link = createLink(Map.of("amount", 2500, "currency", "usd", "description", "Concert ticket",
                "payment_method_types", List.of("card"), "reusable", true));

        JsonNode result = Browser.run("pay-link", "b-declined-and-expired", Map.of("url", link.url(), "attempts",
                List.of(attempt("declined", card(DECLINED), Map.of()), attempt("expired", card(EXPIRED), Map.of()))));

        JsonNode declined = result.path("attempts").get(0);
        assertEquals("error", declined.path("outcome").asText(), "after a declined card: " + declined);
        assertEquals("Your card was declined.", declined.path("error").asText());
        assertEquals("alert", declined.path("errorPage").path("errorRole").asText(), "#error is announced (role=alert)");
        assertEquals("$25.00", declined.path("errorPage").path("amount").asText(), "the form is shown again");
        assertTrue(declined.path("errorPage").path("payButton").isObject(), "the pay button is there to try again");
        assertFalse(declined.path("cardNumberInPage").asBoolean(), "the re-rendered form does not echo the card number");
        JsonNode expired = result.path("attempts").get(1);
        assertEquals("error", expired.path("outcome").asText(), "after an expired card: " + expired);
        assertEquals("Your card has expired.", expired.path("error").asText());
        assertFalse(expired.path("cardNumberInPage").asBoolean(), "the re-rendered form does not echo the card number");
        assertNoSeriousViolations("b-declined-and-expired", result);

        List<JsonNode> payments = paymentsOf(link.id());
        for (JsonNode p : payments) {
            assertFalse(p.path("status").asText().equals("succeeded"), "no payment of the link succeeded: " + p);
            assertEquals(link.id(), p.path("payment_link").asText());
        }
    }

    @Test
    void threeDSecureInsideThePageApprovedPaysAndFailedShowsTheFormAgain() {
        Link link = createLink(Map.of("amount", 3000, "currency", "usd", "description", "Headphones",
                "payment_method_types", List.of("card"), "reusable", true));

        JsonNode result = Browser.run("pay-link", "c-3ds-in-page", Map.of("url", link.url(), "attempts", List.of(
                attempt("approve", card(THREE_D_SECURE), Map.of("challenge", "approve")),
                attempt("fail", card(THREE_D_SECURE), Map.of("challenge", "fail")))));

        JsonNode approved = result.path("attempts").get(0);
        assertChallengeShown(approved);
        assertEquals("receipt", approved.path("outcome").asText(), "after approving: " + approved);
        String paid = approved.path("receipt").path("paymentId").asText();
        api().get("/v1/payments/" + paid).then().statusCode(200)
                .body("status", equalTo("succeeded"))
                .body("payment_link", equalTo(link.id()));

        JsonNode failed = result.path("attempts").get(1);
        assertChallengeShown(failed);
        assertEquals("error", failed.path("outcome").asText(), "after failing the challenge: " + failed);
        assertThat(failed.path("error").asText().toLowerCase(), containsString("authenticat"));
        assertEquals("$30.00", failed.path("errorPage").path("amount").asText(), "the payment page again");
        assertFalse(failed.path("cardNumberInPage").asBoolean(), "no page shows the card number");
        String failedId = paymentIdIn(failed.path("url").asText());
        List<JsonNode> payments = paymentsOf(link.id());
        if (failedId == null) {
            failedId = payments.stream().filter(p -> !p.path("id").asText().equals(paid))
                    .map(p -> p.path("id").asText()).findFirst().orElseThrow();
        }
        api().get("/v1/payments/" + failedId).then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("payment_link", equalTo(link.id()));
        assertEquals(1, payments.stream().filter(p -> p.path("status").asText().equals("succeeded")).count(),
                "one payment of the link succeeded: " + payments);
        assertNoSeriousViolations("c-3ds-in-page", result);
    }

    @Test
    void threeDSecureForAnApiPaymentReturnsTheBrowserToTheReturnUrl() {
        for (String answer : List.of("approve", "fail")) {
            String returnUrl = shop.url("/return/" + answer);
            JsonNode created = json(api().body(Map.of("amount", 4200, "currency", "USD",
                    "payment_method_id", "pm_test_3ds_required", "return_url", returnUrl))
                    .post("/v1/payments").then().statusCode(201)
                    .body("status", equalTo("requires_action"))
                    .body("next_action.type", equalTo("redirect_to_url"))
                    .extract().asString());
            String id = created.path("id").asText();
            String challenge = created.path("next_action").path("redirect_to_url").path("url").asText();
            assertThat(challenge, containsString("/3ds/"));

            JsonNode result = Browser.run("challenge", "d-3ds-redirect-" + answer,
                    Map.of("url", challenge, "answer", answer, "returnUrl", returnUrl));

            assertEquals(200, result.path("status").asInt(), "the challenge page");
            assertTrue(result.path("challenge").path("approve").asBoolean() && result.path("challenge").path("fail").asBoolean(),
                    "the challenge page offers #approve and #fail: " + result.path("challenge"));
            assertThat(result.path("landed").asText(), startsWith(returnUrl));
            assertEquals(id, paymentIdIn(result.path("landed").asText()), "return_url gets the payment's id");
            assertThat(shop.requests(), hasItem(URI.create("/return/" + answer + "?payment_id=" + id)));
            api().get("/v1/payments/" + id).then().statusCode(200)
                    .body("status", equalTo(answer.equals("approve") ? "succeeded" : "failed"));
            assertNoSeriousViolations("d-3ds-redirect-" + answer, result);
        }
    }

    @Test
    void onAPhoneThePageAndTheReceiptFitTheScreen() {
        Link link = createLink(Map.of("amount", 1000, "currency", "usd", "description",
                "A rather long description of what is being bought, to see that it wraps on a narrow screen",
                "payment_method_types", List.of("card"), "reusable", true));

        JsonNode result = Browser.run("pay-link", "e-phone", Map.of("url", link.url(),
                "viewport", Map.of("width", 390, "height", 844), "mobile", true,
                "attempts", List.of(attempt("visa", card(VISA), Map.of()))));

        JsonNode page = result.path("page");
        assertEquals(390, page.path("scroll").path("innerWidth").asInt(), "laid out at the phone's width");
        assertNoHorizontalScroll("the payment page", page.path("scroll"));
        assertTrue(page.path("payButton").path("visible").asBoolean(), "the pay button is shown");
        assertTrue(page.path("payButton").path("insideViewportWidth").asBoolean(), "the pay button fits the screen's width");
        JsonNode visa = result.path("attempts").get(0);
        assertEquals("receipt", visa.path("outcome").asText(), "after paying: " + visa);
        assertNoHorizontalScroll("the receipt", visa.path("receipt").path("scroll"));
        assertTrue(result.path("axe").has("payment-page") && result.path("axe").has("visa-receipt"),
                "axe ran on the payment page and the receipt: " + result.path("axe"));
        assertNoSeriousViolations("e-phone", result);
    }

    @Test
    void onAPhoneTheChallengePageFitsTheScreen() {
        Link link = createLink(Map.of("amount", 1000, "currency", "usd", "description", "Phone and 3-D Secure",
                "payment_method_types", List.of("card"), "reusable", true));

        JsonNode result = Browser.run("pay-link", "e-phone-3ds", Map.of("url", link.url(),
                "viewport", Map.of("width", 390, "height", 844), "mobile", true,
                "attempts", List.of(attempt("approve", card(THREE_D_SECURE), Map.of("challenge", "approve")))));

        JsonNode attempt = result.path("attempts").get(0);
        assertChallengeShown(attempt);
        assertNoHorizontalScroll("the challenge page", attempt.path("challenge").path("scroll"));
        assertEquals("receipt", attempt.path("outcome").asText(), "after approving: " + attempt);
        assertTrue(result.path("axe").has("approve-challenge") && result.path("axe").has("approve-receipt"),
                "axe ran on the challenge and the receipt: " + result.path("axe"));
        assertNoSeriousViolations("e-phone-3ds", result);
    }

    @Test
    void linksInOtherCurrenciesShowTheirAmountsAndABitcoinLinkPaysInBitcoin() {
        Link jpy = createLink(Map.of("amount", 1000, "currency", "jpy", "description", "Matcha"));
        Link kwd = createLink(Map.of("amount", 1500, "currency", "kwd", "description", "Dates"));
        Link eth = createLink(Map.of("amount", 1_000_000, "currency", "eth", "description", "Gas money",
                "payment_method_types", List.of("ethereum")));
        Link btc = createLink(Map.of("amount", 100_000, "currency", "btc", "description", "A sticker",
                "payment_method_types", List.of("bitcoin"), "reusable", true));

        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("jpy", jpy.url());
        urls.put("kwd", kwd.url());
        urls.put("eth", eth.url());
        JsonNode pages = Browser.run("pages", "f-currencies", Map.of("urls", urls)).path("pages");
        assertEquals("¥1,000", pages.path("jpy").path("amount").asText());
        assertThat(pages.path("kwd").path("amount").asText(), containsString("1.500"));
        assertThat(pages.path("kwd").path("amount").asText(), containsString("KWD"));
        assertEquals("0.001000000 ETH", pages.path("eth").path("amount").asText());
        assertEquals(List.of("ethereum"), methodsOffered(pages.path("eth")), "an ETH link offers only ethereum");

        JsonNode result = Browser.run("pay-link", "f-bitcoin", Map.of("url", btc.url(),
                "attempts", List.of(attempt("bitcoin", null, Map.of("method", "bitcoin")))));
        JsonNode page = result.path("page");
        assertEquals("0.00100000 BTC", page.path("amount").asText());
        assertEquals(List.of("bitcoin"), methodsOffered(page), "a BTC link offers only bitcoin");
        assertFalse(page.path("fields").path("card-number").path("visible").asBoolean(false),
                "a BTC link shows no card number field");
        JsonNode paid = result.path("attempts").get(0);
        assertEquals("receipt", paid.path("outcome").asText(), "after paying in bitcoin: " + paid);
        assertEquals("0.00100000 BTC", paid.path("receipt").path("amount").asText());
        api().get("/v1/payments/" + paid.path("receipt").path("paymentId").asText()).then().statusCode(200)
                .body("status", equalTo("succeeded"))
                .body("amount", equalTo(100_000))
                .body("currency", equalTo("BTC"))
                .body("payment_method_details.type", equalTo("bitcoin"))
                .body("payment_link", equalTo(btc.id()));
        assertNoSeriousViolations("f-bitcoin", result);
    }

    @Test
    void aPaidOneTimeLinkAndADeactivatedLinkAreGone() {
        Link once = createLink(Map.of("amount", 500, "currency", "usd", "description", "One-time",
                "payment_method_types", List.of("card"), "reusable", false));
        JsonNode paid = Browser.run("pay-link", "g-one-time", Map.of("url", once.url(),
                "attempts", List.of(attempt("visa", card(VISA), Map.of())))).path("attempts").get(0);
        assertEquals("receipt", paid.path("outcome").asText(), "the one payment of a one-time link: " + paid);
        Link deactivated = createLink(Map.of("amount", 700, "currency", "usd", "description", "Withdrawn offer"));
        api().post("/v1/payment_links/" + deactivated.id() + "/deactivate").then().statusCode(200)
                .body("active", equalTo(false));

        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("paid-one-time", once.url());
        urls.put("deactivated", deactivated.url());
        JsonNode result = Browser.run("pages", "g-gone", Map.of("urls", urls));
        for (String name : urls.keySet()) {
            JsonNode page = result.path("pages").path(name);
            assertEquals(410, page.path("status").asInt(), name + ": " + page);
            assertFalse(page.path("h1").asText("").isBlank(), name + ": a heading says why");
            assertFalse(page.path("form").asBoolean(), name + ": no form to pay with");
            assertTrue(page.path("methods").isEmpty(), name + ": no way to pay");
        }
        assertNoSeriousViolations("g-gone", result);
    }

    // --- helpers ---

    private record Link(String id, String url) {
    }

    private static RequestSpecification api() {
        return given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + Suite.DEMO_KEY)
                .contentType(ContentType.JSON);
    }

    private static Link createLink(Map<String, Object> body) {
        JsonNode link = json(api().body(body).post("/v1/payment_links").then().statusCode(201)
                .body("id", startsWith("plink_"))
                .body("active", equalTo(true))
                .extract().asString());
        String url = link.path("url").asText();
        assertEquals(Suite.GATEWAY + "/pay/" + link.path("id").asText(), url, "the link's public url is the gateway's");
        return new Link(link.path("id").asText(), url);
    }

    private static List<JsonNode> paymentsOf(String linkId) {
        JsonNode list = json(api().queryParam("payment_link", linkId).get("/v1/payments").then().statusCode(200)
                .extract().asString());
        List<JsonNode> payments = new ArrayList<>();
        list.path("data").forEach(payments::add);
        assertThat("the link's payments: " + list, payments.size(), greaterThan(0));
        return payments;
    }

    private static Map<String, Object> card(String number) {
        return Map.of("name", "Ada Lovelace", "number", number, "expMonth", "12",
                "expYear", String.valueOf(Year.now().getValue() + 3), "cvc", "123", "email", "ada@example.com");
    }

    private static Map<String, Object> attempt(String label, Map<String, Object> card, Map<String, Object> options) {
        Map<String, Object> a = new LinkedHashMap<>(options);
        a.put("label", label);
        if (card != null) {
            a.put("card", card);
        }
        return a;
    }

    private static void assertChallengeShown(JsonNode attempt) {
        JsonNode challenge = attempt.path("challenge");
        assertThat("the 3-D Secure challenge page: " + attempt, challenge.path("url").asText(), containsString("/3ds/"));
        assertFalse(challenge.path("h1").asText("").isBlank(), "the challenge page has a heading");
        assertTrue(challenge.path("approve").asBoolean() && challenge.path("fail").asBoolean(),
                "the challenge page offers #approve and #fail");
        assertEquals("post", challenge.path("method").asText(), "the answer is a POST form");
    }

    private static void assertNoSeriousViolations(String scenario, JsonNode result) {
        List<String> serious = Browser.seriousViolations(scenario, result);
        assertTrue(serious.isEmpty(), scenario + ": axe-core found serious or critical violations:\n"
                + String.join("\n", serious));
    }

    private static void assertNoHorizontalScroll(String what, JsonNode scroll) {
        assertThat("no horizontal scroll on " + what + ": " + scroll, scroll.path("scrollWidth").asInt(),
                lessThanOrEqualTo(scroll.path("innerWidth").asInt()));
        assertTrue(scroll.path("innerWidth").asInt() > 0, what + " was measured: " + scroll);
    }

    private static List<String> methodsOffered(JsonNode page) {
        return texts(page.path("methods"), "value");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    private static String paymentIdIn(String url) {
        Matcher m = PAYMENT_ID.matcher(url);
        return m.find() ? m.group(1) : null;
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
