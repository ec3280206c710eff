package dev.paysuite.gateway.adapter.in.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiDocumentationTest {

    @Test
    void theDocumentIsServedWithoutAKeyOrARateLimit() {
        given().get("/openapi").then().statusCode(200).contentType(startsWith("application/json"))
                .header("X-RateLimit-Limit", nullValue())
                .body("openapi", startsWith("3.1"))
                .body("paths", hasKey("/v1/payments"))
                .body("paths", not(hasKey("/internal/v1/instruments/{ref}")))
                .body("components.securitySchemes.keycloak.openIdConnectUrl",
                        containsString("/realms/paysuite/.well-known/openid-configuration"));
        given().get("/openapi.json").then().statusCode(200).body("info.title", equalTo("PaySuite API"));
    }

    @Test
    void theDocsPageAndItsAssetsComeFromTheGatewayUnderAPolicyOfItsOwn() {
        given().get("/docs").then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("/docs/swagger-ui-bundle.js"));
        for (String asset : new String[] {"swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js",
                "docs.js", "favicon-32x32.png"}) {
            given().get("/docs/" + asset).then().statusCode(200);
        }
        given().get("/docs/docs.js").then().contentType(startsWith("text/javascript")).body(containsString("\"/openapi\""));
    }

    @Test
    void theRestOfTheApiStillNeedsAKey() {
        given().get("/docs/other.js").then().statusCode(401);
        given().post("/openapi").then().statusCode(401);
    }
}
