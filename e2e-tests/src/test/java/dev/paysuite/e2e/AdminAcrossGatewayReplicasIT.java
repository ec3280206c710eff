package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two gateway replicas sharing one database and one Redis, as when the gateway is scaled out: a
 * key's rate limit is one limit whichever replica a request reaches, and a key revoked through one
 * replica is refused by the other within a second although it had the key cached (the revocation
 * is announced on Redis; the cache's time to live is 30 s). And the admin API end to end: keys it
 * issues create payments in the real services, which another merchant's key cannot see.
 */
@ExtendWith(Suite.Extension.class)
class AdminAcrossGatewayReplicasIT {
    static final String PAYMENT = "{\"amount\": 1500, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}";
    static String gatewayB;
    static String token;

    @BeforeAll
    static void replicas() throws Exception {
        gatewayB = Suite.running().secondGateway();
        token = Admins.token();
        // A replica's first requests open its connections (Redis, the database, the services) and may
        // outlast the rate limiter's timeout, which then admits uncounted: warm both up with a key of
        // their own first, so the counts below are the limiter's and not a cold start's.
        String warmUp = Admins.createKey(Suite.GATEWAY, token,
                Admins.createMerchant(Suite.GATEWAY, token, "Warm-up"), "{}").getString("secret");
        for (int i = 0; i < 3; i++) {
            status(Suite.GATEWAY, warmUp);
            status(gatewayB, warmUp);
        }
    }

    static int status(String gateway, String secret) {
        return given().baseUri(gateway).header("Authorization", "Bearer " + secret).get("/v1/payments").statusCode();
    }

    @Test
    void aKeysLimitIsOneLimitAcrossReplicas() throws Exception {
        String merchant = Admins.createMerchant(Suite.GATEWAY, token, "Replicated limits");
        String secret = Admins.createKey(Suite.GATEWAY, token, merchant,
                "{\"rate_limit\": {\"limit\": 10, \"window_seconds\": 300, \"burst\": 10}}").getString("secret");
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String gateway = i % 2 == 0 ? Suite.GATEWAY : gatewayB;
                answers.add(clients.submit(() -> status(gateway, secret)));
            }
            int admitted = 0;
            int limited = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                if (status == 200) {
                    admitted++;
                } else if (status == 429) {
                    limited++;
                } else {
                    throw new AssertionError("Unexpected status " + status);
                }
            }
            assertEquals(10, admitted, "admitted across both replicas");
            assertEquals(20, limited, "refused 429 across both replicas");
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aKeyRevokedThroughOneReplicaIsRefusedByTheOtherWithinASecond() {
        String merchant = Admins.createMerchant(Suite.GATEWAY, token, "Replicated revocation");
        JsonPath key = Admins.createKey(Suite.GATEWAY, token, merchant, "{}");
        String secret = key.getString("secret");
        assertEquals(200, status(gatewayB, secret)); // B has it cached now
        assertEquals(200, status(Suite.GATEWAY, secret));

        Admins.admin(Suite.GATEWAY, token).post("/admin/keys/" + key.getString("id") + "/revoke").then().statusCode(200);
        long revoked = System.nanoTime();
        assertEquals(401, status(Suite.GATEWAY, secret), "the replica that revoked it refuses it at once");
        long refusedAfterMillis = -1;
        while ((System.nanoTime() - revoked) / 1_000_000 < 5_000) {
            if (status(gatewayB, secret) == 401) {
                refusedAfterMillis = (System.nanoTime() - revoked) / 1_000_000;
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        System.out.println("The other replica refused the revoked key after " + refusedAfterMillis + " ms");
        assertTrue(refusedAfterMillis >= 0 && refusedAfterMillis < 1_000,
                "the other replica refused the revoked key after " + refusedAfterMillis + " ms (-1: not within 5 s)");
    }

    @Test
    void keysTheAdminIssuesCreatePaymentsThatOnlyTheirMerchantSees() {
        String merchant = Admins.createMerchant(gatewayB, token, "Issued through the admin API");
        String secret = Admins.createKey(gatewayB, token, merchant, "{}").getString("secret");
        String payment = given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + secret)
                .contentType(ContentType.JSON).body(PAYMENT).post("/v1/payments").then().statusCode(201)
                .extract().path("id");
        given().baseUri(gatewayB).header("Authorization", "Bearer " + secret).get("/v1/payments/" + payment).then()
                .statusCode(200).body("id", equalTo(payment));

        String other = Admins.createMerchant(Suite.GATEWAY, token, "Someone else");
        String otherSecret = Admins.createKey(Suite.GATEWAY, token, other, "{}").getString("secret");
        given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + otherSecret).get("/v1/payments/" + payment)
                .then().statusCode(404);
        Admins.admin(gatewayB, token).get("/admin/audit_events?limit=100").then().statusCode(200)
                .body("data.findAll { it.merchant_id == '" + merchant + "' }.action",
                        org.hamcrest.Matchers.hasItems("merchant.created", "api_key.created"));
    }
}
