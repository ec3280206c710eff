package dev.paysuite.gateway.adapter.in.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.gateway.application.domain.model.Route;
import dev.paysuite.gateway.application.domain.model.Routes;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The merge on small documents shaped as SmallRye OpenAPI writes them, and on the real ones of this build. */
class PublicApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Routes ROUTES = new Routes(List.of(
            Route.of("/v1/payments/[^/]+/refunds?", "refunds"),
            Route.of("/v1/refunds(/.*)?", "refunds"),
            Route.of("/v1/payments(/.*)?", "payments")));
    private static final JsonNode NO_EXAMPLES = JSON.createObjectNode().putArray("examples");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode base() {
        return json("{'openapi': '3.1.0', 'components': {'schemas': {'Error': {'type': 'object'}},"
                + " 'responses': {'BadRequest': {'description': 'bad'}, 'TooManyRequests': {'description': 'slow down'}}}}");
    }

    private static JsonNode payments() {
        return json("""
                {'openapi': '3.1.0', 'paths': {
                  '/v1/payments': {'post': {
                      'parameters': [{'name': 'Idempotency-Key', 'in': 'header', 'schema': {'type': 'string'}}],
                      'requestBody': {'content': {'application/json': {'schema': {'$ref': '#/components/schemas/CreatePaymentRequest'}}}},
                      'responses': {'201': {'description': 'The payment', 'content': {'application/json': {'schema': {'$ref': '#/components/schemas/Card'}}}}}},
                    'get': {'responses': {'200': {'description': 'OK'}}}},
                  '/v1/payments/{id}': {'get': {'responses': {'200': {'description': 'OK'}}}},
                  '/v1/payments/{id}/refunds': {'get': {'responses': {'200': {'description': 'not served by payments'}}}},
                  '/q/health': {'get': {'responses': {'200': {'description': 'OK'}}}},
                  '/internal/v1/things': {'get': {'responses': {'200': {'description': 'OK'}}}}},
                 'components': {'schemas': {
                   'CreatePaymentRequest': {'type': 'object', 'required': ['amount'], 'properties': {
                     'amount': {'type': 'integer'}, 'description': {'type': 'string'},
                     'card': {'$ref': '#/components/schemas/Card'},
                     'payment_method': {'oneOf': [{'type': 'string'}, {'type': 'object'}], 'type': 'array',
                       '$ref': '#/components/schemas/JsonNode'}}},
                   'JsonNode': {'type': 'object'},
                   'Card': {'type': 'object', 'properties': {'brand': {'type': 'string'}}}}}}
                """);
    }

    private static JsonNode refunds() {
        return json("""
                {'openapi': '3.1.0', 'paths': {
                  '/v1/payments/{paymentId}/refunds': {'post': {'responses': {'200': {'description': 'OK',
                      'content': {'application/json': {'schema': {'$ref': '#/components/schemas/Card'}}}}}}},
                  '/v1/refunds': {'get': {'responses': {'200': {'description': 'OK'}}}}},
                 'components': {'schemas': {'Card': {'type': 'object', 'properties': {'last4': {'type': 'string'}}}}}}
                """);
    }

    private static ObjectNode merged(JsonNode examples) {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        services.put("payments", payments());
        services.put("refunds", refunds());
        return PublicApiDocument.merge(base(), services, ROUTES, examples);
    }

    @Test
    void onlyThePathsTheGatewayRoutesToTheirServiceAreKept() {
        JsonNode paths = merged(NO_EXAMPLES).path("paths");
        List<String> names = new java.util.ArrayList<>();
        paths.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("/v1/payments", "/v1/payments/{id}", "/v1/payments/{paymentId}/refunds", "/v1/refunds"), names);
        assertTrue(paths.path("/v1/payments/{paymentId}/refunds").has("post"), "refunds' own operation, not payments'");
        assertFalse(paths.path("/v1/payments/{paymentId}/refunds").has("get"));
    }

    @Test
    void aSchemaOfTheSameNameButOtherContentIsRenamedAndItsReferencesFollow() {
        ObjectNode document = merged(NO_EXAMPLES);
        JsonNode schemas = document.path("components").path("schemas");
        assertTrue(schemas.path("Card").path("properties").has("brand"));
        assertTrue(schemas.path("RefundsCard").path("properties").has("last4"));
        assertEquals("#/components/schemas/RefundsCard", document.path("paths").path("/v1/payments/{paymentId}/refunds")
                .path("post").path("responses").path("200").path("content").path("application/json").path("schema")
                .path("$ref").asText());
        assertEquals("#/components/schemas/Card", document.path("paths").path("/v1/payments").path("post")
                .path("responses").path("201").path("content").path("application/json").path("schema").path("$ref").asText());
    }

    @Test
    void schemasNoKeptOperationUsesAreDropped() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        ObjectNode payments = (ObjectNode) payments();
        ((ObjectNode) payments.path("components").path("schemas")).set("InternalThing", json("{'type': 'object'}"));
        services.put("payments", payments);
        JsonNode schemas = PublicApiDocument.merge(base(), services, ROUTES, NO_EXAMPLES).path("components").path("schemas");
        assertFalse(schemas.has("InternalThing"));
        assertFalse(schemas.has("JsonNode"), "no longer used once payment_method says what it takes");
        assertTrue(schemas.has("Card"), "used through CreatePaymentRequest");
        assertTrue(schemas.has("Error"));
    }

    @Test
    void propertiesNotRequiredMayBeNull() {
        JsonNode request = merged(NO_EXAMPLES).path("components").path("schemas").path("CreatePaymentRequest").path("properties");
        assertEquals(json("'integer'"), request.path("amount").path("type"));
        assertEquals(json("['string', 'null']"), request.path("description").path("type"));
        assertEquals(json("[{'$ref': '#/components/schemas/Card'}, {'type': 'null'}]"), request.path("card").path("anyOf"));
        assertEquals(json("{'oneOf': [{'type': 'string'}, {'type': 'object'}, {'type': 'null'}]}"), request.path("payment_method"),
                "what SmallRye makes of a JsonNode goes, the choices it was annotated with stay");
    }

    @Test
    void everyOperationHasTheSecurityTheErrorsAndTheHeadersOfTheGateway() {
        JsonNode create = merged(NO_EXAMPLES).path("paths").path("/v1/payments").path("post");
        assertEquals(json("[{'apiKey': []}, {'keycloak': ['payments:write']}]"), create.path("security"));
        assertEquals(json("[{'$ref': '#/components/parameters/IdempotencyKey'}]"), create.path("parameters"));
        JsonNode responses = create.path("responses");
        for (String status : List.of("400", "401", "402", "403", "409", "422", "429", "500", "503")) {
            assertTrue(responses.has(status), status + " in " + responses);
        }
        assertFalse(responses.has("404"), "no path parameter, nothing to be missing");
        assertEquals("#/components/headers/Idempotent-Replayed",
                responses.path("201").path("headers").path("Idempotent-Replayed").path("$ref").asText());
        assertEquals("#/components/headers/X-RateLimit-Remaining",
                responses.path("201").path("headers").path("X-RateLimit-Remaining").path("$ref").asText());
        JsonNode retrieve = merged(NO_EXAMPLES).path("paths").path("/v1/payments/{id}").path("get");
        assertEquals(json("[{'apiKey': []}, {'keycloak': ['payments:read']}]"), retrieve.path("security"));
        assertTrue(retrieve.path("responses").has("404"));
        assertFalse(retrieve.path("responses").path("200").path("headers").has("Idempotent-Replayed"));
    }

    @Test
    void theSharedErrorAnswersCarryTheErrorObjectAndRetryAfterWhereItApplies() {
        JsonNode responses = merged(NO_EXAMPLES).path("components").path("responses");
        assertEquals("#/components/schemas/Error", responses.path("BadRequest").path("content").path("application/json")
                .path("schema").path("$ref").asText());
        assertFalse(responses.path("BadRequest").path("headers").has("Retry-After"));
        assertTrue(responses.path("TooManyRequests").path("headers").has("Retry-After"));
    }

    @Test
    void examplesGoToTheirOperationsRequestAndAnswer() {
        JsonNode examples = json("""
                {'examples': [
                  {'operation': 'POST /v1/payments', 'summary': 'Create', 'request': {'amount': 1}, 'status': '201',
                   'response': {'brand': 'visa'}},
                  {'operation': 'POST /v1/payments', 'summary': 'Refused', 'status': '400', 'response': {'error': {}}},
                  {'operation': 'POST /v1/payments/{}/refunds', 'summary': 'Refund', 'status': '200', 'response': {'last4': '4242'}}]}
                """);
        JsonNode paths = merged(examples).path("paths");
        JsonNode create = paths.path("/v1/payments").path("post");
        assertEquals(json("{'amount': 1}"), create.path("requestBody").path("content").path("application/json")
                .path("examples").path("seed_002_1").path("value"));
        assertEquals(json("{'brand': 'visa'}"), create.path("responses").path("201").path("content")
                .path("application/json").path("examples").path("seed_002_1").path("value"));
        JsonNode refused = create.path("responses").path("400").path("content").path("application/json");
        assertEquals("#/components/schemas/Error", refused.path("schema").path("$ref").asText());
        assertEquals(json("{'error': {}}"), refused.path("examples").path("seed_002_2").path("value"));
        assertEquals("4242", paths.path("/v1/payments/{paymentId}/refunds").path("post").path("responses").path("200")
                .path("content").path("application/json").path("examples").path("seed_002_3").path("value")
                .path("last4").asText());
    }

    @Test
    void anExampleOfAnOperationNotInTheDocumentFailsTheMerge() {
        JsonNode examples = json("{'examples': [{'operation': 'GET /v1/nothing', 'status': '200', 'response': {}}]}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> merged(examples));
        assertTrue(e.getMessage().contains("GET /v1/nothing"), e.getMessage());
    }

    /** The documents this build copied from the services, with the gateway's routing table and seed 002's examples. */
    @Test
    void theServicesDocumentsOfThisBuildMerge() throws IOException {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        for (String service : ApiDocumentation.DOCUMENTED) {
            services.put(service, resource(ApiDocumentation.SERVICE_DOCUMENTS + service + "/openapi.json"));
        }
        Routes routes = shippedRoutes();
        ObjectNode document = PublicApiDocument.merge(resource("openapi/public-base.json"), services, routes,
                resource("openapi/seed-002-examples.json"));
        JsonNode paths = document.path("paths");
        for (String path : List.of("/v1/payments", "/v1/payments/{id}/capture", "/v1/refunds", "/v1/customers",
                "/v1/payment_methods/{id}/attach", "/v1/events", "/v1/webhook_endpoints/{id}")) {
            assertTrue(paths.has(path), path);
        }
        paths.fieldNames().forEachRemaining(path -> assertTrue(path.startsWith("/v1/"), path));
        assertTrue(document.path("components").path("schemas").path("PaymentJson").path("properties").has("amount"));
        assertTrue(document.path("components").path("schemas").path("PaymentJson").path("properties")
                .has("amount_refunded"), "snake_case, as the API answers");
    }

    /** The routing table the gateway ships (application.properties). */
    private static Routes shippedRoutes() throws IOException {
        Properties config = new Properties();
        try (InputStream in = PublicApiDocumentTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            config.load(in);
        }
        List<Route> table = new java.util.ArrayList<>();
        for (int i = 0; config.containsKey("paysuite.gateway.routes[" + i + "].path"); i++) {
            table.add(Route.of(config.getProperty("paysuite.gateway.routes[" + i + "].path"),
                    config.getProperty("paysuite.gateway.routes[" + i + "].upstream")));
        }
        return new Routes(table);
    }

    /**
     * payments-service's disputes ({@code /v1/disputes...}) are kept by the shipped routing table, with
     * the payments scopes; the merge keeps paths by route, not by a list of prefixes.
     */
    @Test
    void paymentsServicesDisputesAreKeptWithThePaymentsScopes() throws IOException {
        JsonNode payments = json("""
                {'openapi': '3.1.0', 'paths': {
                  '/v1/disputes': {'get': {'responses': {'200': {'description': 'A page of disputes'}}}},
                  '/v1/disputes/{id}': {'get': {'responses': {'200': {'description': 'The dispute'}}},
                    'post': {'parameters': [{'name': 'Idempotency-Key', 'in': 'header', 'schema': {'type': 'string'}}],
                      'responses': {'200': {'description': 'The dispute'}}}},
                  '/v1/disputes/{id}/close': {'post': {'responses': {'200': {'description': 'The dispute'}}}},
                  '/internal/v1/disputes/{id}': {'get': {'responses': {'200': {'description': 'OK'}}}}}}
                """);
        Map<String, JsonNode> services = new LinkedHashMap<>();
        services.put("payments", payments);
        services.put("refunds", json("""
                {'openapi': '3.1.0', 'paths': {
                  '/v1/disputes/{id}/refunds': {'get': {'responses': {'200': {'description': 'routed to payments'}}}}}}
                """));
        JsonNode paths = PublicApiDocument.merge(base(), services, shippedRoutes(), NO_EXAMPLES).path("paths");
        List<String> names = new java.util.ArrayList<>();
        paths.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("/v1/disputes", "/v1/disputes/{id}", "/v1/disputes/{id}/close"), names);
        assertEquals(json("[{'apiKey': []}, {'keycloak': ['payments:read']}]"),
                paths.path("/v1/disputes/{id}").path("get").path("security"));
        assertEquals(json("[{'apiKey': []}, {'keycloak': ['payments:write']}]"),
                paths.path("/v1/disputes/{id}").path("post").path("security"));
        assertEquals(json("[{'apiKey': []}, {'keycloak': ['payments:write']}]"),
                paths.path("/v1/disputes/{id}/close").path("post").path("security"));
        assertEquals(json("['disputes']"), paths.path("/v1/disputes").path("get").path("tags"));
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = PublicApiDocumentTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath");
            }
            return JSON.readTree(in);
        }
    }
}
