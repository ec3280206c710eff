package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The gateway's admin API as an operator uses it: a client-credentials token of the realm's admin client. */
final class Admins {
    static final String KEYCLOAK = System.getenv().getOrDefault("KEYCLOAK_URL", "http://localhost:18180");

    private Admins() {
    }

    static String token() {
        return given().baseUri(KEYCLOAK).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_id", "paysuite-admin-cli")
                .formParam("client_secret", "paysuite-admin-cli-local-secret")
                .post("/realms/paysuite/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    static RequestSpecification admin(String gateway, String token) {
        return given().baseUri(gateway).header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static String createMerchant(String gateway, String token, String name) {
        return admin(gateway, token).body("{\"name\": \"" + name + "\"}").post("/admin/merchants").then()
                .statusCode(201).extract().path("id");
    }

    /** A new key of the merchant: its id, and its secret (shown this once). */
    static JsonPath createKey(String gateway, String token, String merchantId, String body) {
        return admin(gateway, token).body(body).post("/admin/merchants/" + merchantId + "/keys").then()
                .statusCode(201).extract().jsonPath();
    }
}
