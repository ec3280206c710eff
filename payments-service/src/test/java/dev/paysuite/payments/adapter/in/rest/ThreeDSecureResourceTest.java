package dev.paysuite.payments.adapter.in.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.platform.testing.TestCaller;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated issuer's 3-D Secure challenge page, as a payer reaches it through the gateway (its public token). */
@QuarkusTest
class ThreeDSecureResourceTest {
    static final String RETURN_URL = "https://shop.example/return?order=7";
    final TestCaller merchant = TestCaller.newTestMerchant();

    @Inject
    AgroalDataSource dataSource;

    /** The challenge's path on this service: the next_action URL is on the gateway's public URL. */
    static String path(String nextActionUrl) {
        return URI.create(nextActionUrl).getPath();
    }

    /** The payer answers the challenge, without following where it sends them. */
    static Response answerOnly(String nextActionUrl, String outcome) {
        return TestCaller.publicVisitor().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("outcome=" + outcome).post(path(nextActionUrl));
    }

    ExtractableResponse<Response> create(String captureMethod, String returnUrl) {
        return merchant.request().body("""
                {"amount": 900, "currency": "USD", "payment_method_id": "pm_test_3ds_required",
                 "description": "Order <b>#7</b>", "capture_method": "%s"%s}""".formatted(captureMethod,
                returnUrl == null ? "" : ", \"return_url\": \"" + returnUrl + "\""))
                .post("/v1/payments").then().statusCode(201)
                .body("status", equalTo("requires_action"))
                .body("return_url", equalTo(returnUrl))
                .body("next_action.redirect_to_url.url", matchesPattern("http://localhost:8080/3ds/3ds_[A-Za-z0-9_-]{24}"))
                .extract();
    }

    @Test
    void theChallengePageShowsThePaymentAndTheTwoAnswers() {
        ExtractableResponse<Response> created = create("automatic", RETURN_URL);
        String page = TestCaller.publicVisitor().get(path(created.path("next_action.redirect_to_url.url")))
                .then().statusCode(200)
                .contentType("text/html;charset=utf-8")
                .extract().asString();
        for (String expected : List.of("<html lang=\"en\">", "name=\"viewport\"", "<h1>Confirm your payment</h1>",
                "9.00 USD", "Order &lt;b&gt;#7&lt;/b&gt;", "<form method=\"post\">",
                "<button type=\"submit\" id=\"approve\" name=\"outcome\" value=\"approve\">Complete authentication</button>",
                "<button type=\"submit\" id=\"fail\" name=\"outcome\" value=\"fail\">Fail authentication</button>")) {
            assertTrue(page.contains(expected), expected + " in " + page);
        }
        for (String external : List.of("src=", "href=", "<script", "@import", "url(")) {
            assertTrue(!page.contains(external), "no external resource: " + external);
        }
    }

    @Test
    void approvingSendsThePayerBackToTheReturnUrlWithThePaymentSucceeded() {
        ExtractableResponse<Response> created = create("automatic", RETURN_URL);
        String id = created.path("id");
        String url = created.path("next_action.redirect_to_url.url");
        merchant.request().post("/v1/payments/" + id + "/confirm").then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("payment_authentication_incomplete"))
                .body("error.message", containsString("3-D Secure"));

        answerOnly(url, "approve").then().statusCode(303)
                .header("Location", equalTo(RETURN_URL + "&payment_id=" + id));
        merchant.request().get("/v1/payments/" + id).then().statusCode(200)
                .body("status", equalTo("succeeded")).body("next_action", nullValue())
                .body("amount_captured", equalTo(900));
        assertEquals(List.of("payment.created", "payment.requires_action", "payment.processing", "payment.succeeded"),
                outboxTypes(id));

        TestCaller.publicVisitor().get(path(url)).then().statusCode(200)
                .body(containsString("already")).body(not(containsString("id=\"approve\"")));
        answerOnly(url, "fail").then().statusCode(409).contentType("text/html;charset=utf-8")
                .body(containsString("already been answered"));
        merchant.request().get("/v1/payments/" + id).then().body("status", equalTo("succeeded"));
    }

    @Test
    void approvingAManualCapturePaymentLeavesItToCapture() {
        ExtractableResponse<Response> created = create("manual", "http://localhost:3000/done");
        String id = created.path("id");
        answerOnly(created.path("next_action.redirect_to_url.url"), "approve").then().statusCode(303)
                .header("Location", equalTo("http://localhost:3000/done?payment_id=" + id));
        merchant.request().get("/v1/payments/" + id).then().body("status", equalTo("requires_capture"));
        assertEquals("payment.requires_capture", last(outboxTypes(id)));
    }

    @Test
    void failingFailsThePaymentAndWithoutAReturnUrlThePageSaysSo() {
        ExtractableResponse<Response> created = create("automatic", null);
        String id = created.path("id");
        String page = answerOnly(created.path("next_action.redirect_to_url.url"), "fail").then().statusCode(200)
                .contentType("text/html;charset=utf-8").extract().asString();
        assertTrue(page.contains("<div id=\"result\""), page);
        assertTrue(page.contains("failed"), page);
        merchant.request().get("/v1/payments/" + id).then().body("status", equalTo("failed"))
                .body("failure_code", equalTo("payment_authentication_failed"))
                .body("failure_message", containsString("3-D Secure"));
        assertEquals("payment.failed", last(outboxTypes(id)));
        merchant.request().post("/v1/payments/" + id + "/confirm").then().statusCode(400)
                .body("error.code", equalTo("payment_unexpected_state"));
    }

    @Test
    void approvingWithoutAReturnUrlShowsTheResult() {
        ExtractableResponse<Response> created = create("automatic", null);
        String page = answerOnly(created.path("next_action.redirect_to_url.url"), "approve").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("<div id=\"result\"") && page.contains("succeeded"), page);
    }

    @Test
    void anUnknownChallengeIsA404PageAndABadAnswerA400Page() {
        TestCaller.publicVisitor().get("/3ds/3ds_AAAAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404)
                .contentType("text/html;charset=utf-8").body(containsString("<h1>Authentication not found</h1>"));
        TestCaller.publicVisitor().get("/3ds/nope").then().statusCode(404).contentType("text/html;charset=utf-8");
        answerOnly("http://localhost:8080/3ds/3ds_AAAAAAAAAAAAAAAAAAAAAAAA", "approve").then().statusCode(404);

        ExtractableResponse<Response> created = create("automatic", RETURN_URL);
        String url = created.path("next_action.redirect_to_url.url");
        for (String outcome : List.of("maybe", "", "APPROVE")) {
            answerOnly(url, outcome).then().statusCode(400).contentType("text/html;charset=utf-8")
                    .body(containsString("outcome must be approve or fail"));
        }
        TestCaller.publicVisitor().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .post(path(url)).then().statusCode(400);
        merchant.request().get("/v1/payments/" + created.path("id")).then().body("status", equalTo("requires_action"));
    }

    @Test
    void onlyThePublicTokenOpensThePage() {
        String url = create("automatic", null).path("next_action.redirect_to_url.url");
        RestAssured.given().get(path(url)).then().statusCode(401);
        merchant.request().get(path(url)).then().statusCode(403);
        TestCaller.publicVisitor().get("/v1/payments").then().statusCode(403);
    }

    @Test
    void aReturnUrlThatIsNoAbsoluteHttpUrlIsRefusedNamingIt() {
        for (String bad : List.of("\"/relative\"", "\"javascript:alert(1)\"", "\"ftp://x.example/\"", "42",
                "\"https://x.example/" + "a".repeat(2048) + "\"")) {
            merchant.request().body("{\"amount\": 900, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\","
                    + " \"return_url\": " + bad + "}").post("/v1/payments").then().statusCode(400)
                    .body("error.param", equalTo("return_url"));
        }
    }

    private List<String> outboxTypes(String paymentId) {
        List<String> types = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT event_type FROM outbox WHERE message_key = ? ORDER BY id")) {
            ps.setString(1, paymentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return types;
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }
}
