package dev.paysuite.gateway.adapter.in.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContractDocumentsTest {

    @Test
    void theAsyncApiDocumentIsServedWithoutAKey() {
        given().get("/asyncapi").then().statusCode(200).contentType(startsWith("application/yaml"))
                .body(containsString("asyncapi: 3.0.0"))
                .body(containsString("payments.events")).body(containsString("refunds.events"))
                .body(containsString("methods.events")).body(containsString("paymentsequence"));
    }

    @Test
    void otherMethodsOnItAreTheApisBusiness() {
        given().post("/asyncapi").then().statusCode(401);
    }
}
