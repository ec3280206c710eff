package dev.paysuite.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * What every service answers on Quarkus's health endpoints. A service runs it against itself with
 * {@code @QuarkusTest class HealthTest extends ServiceHealthContract {}}.
 */
public abstract class ServiceHealthContract {

    @Test
    void theServiceIsReadyWithItsDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void itIsLive() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
