package dev.paysuite.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import com.networknt.schema.oas.OpenApi31;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public API document at the gateway ({@code GET /openapi}) and its reader ({@code /docs}),
 * against the running suite: served without a key; every route of the gateway's routing table
 * (read from the gateway's own configuration, not copied here) documented, and every documented
 * operation served; every example valid against its schema, and real answers too.
 */
@ExtendWith(Suite.Extension.class)
class PublicOpenApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}/]+}");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head");
    private static JsonNode document;

    @BeforeAll
    static void fetch() throws IOException {
        Response answer = given().baseUri(Suite.GATEWAY).get("/openapi");
        answer.then().statusCode(200).contentType(startsWith("application/json"));
        document = JSON.readTree(answer.asByteArray());
    }

    @Test
    void theDocumentIsServedWithoutAKeyAndNamesBothWaysToAuthenticate() {
        assertTrue(document.path("openapi").asText().startsWith("3."), document.path("openapi").asText());
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertEquals("bearer", schemes.path("apiKey").path("scheme").asText());
        assertEquals("openIdConnect", schemes.path("keycloak").path("type").asText());
        assertTrue(schemes.path("keycloak").path("openIdConnectUrl").asText().endsWith(
                "/realms/paysuite/.well-known/openid-configuration"));
        assertTrue(document.path("components").path("schemas").has("Error"));
        given().baseUri(Suite.GATEWAY).get("/openapi").then().statusCode(200)
                .header("X-RateLimit-Limit", org.hamcrest.Matchers.nullValue());
    }

    /** The gateway's routing table as it reads it: {@code paysuite.gateway.routes[i]} of its configuration. */
    private static List<Pattern> routes() throws IOException {
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(Suite.ROOT.resolve("gateway/src/main/resources/application.properties"))) {
            config.load(in);
        }
        List<Pattern> routes = new ArrayList<>();
        for (int i = 0; config.containsKey("paysuite.gateway.routes[" + i + "].path"); i++) {
            routes.add(Pattern.compile(config.getProperty("paysuite.gateway.routes[" + i + "].path")));
        }
        assertFalse(routes.isEmpty(), "the gateway's configuration has a routing table");
        return routes;
    }

    private static List<String> paths() {
        List<String> paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    private static String concrete(String template, String value) {
        return TEMPLATE.matcher(template).replaceAll(Matcher.quoteReplacement(value));
    }

    @Test
    void everyRouteOfTheGatewayIsDocumentedAndEveryDocumentedPathIsRouted() throws IOException {
        List<Pattern> routes = routes();
        List<String> paths = paths();
        for (String path : paths) {
            assertTrue(path.startsWith("/v1/"), "only the public API: " + path);
            assertTrue(routes.stream().anyMatch(r -> r.matcher(concrete(path, "x")).matches()),
                    path + " is documented but the gateway routes it nowhere");
        }
        for (Pattern route : routes) {
            assertTrue(paths.stream().anyMatch(p -> route.matcher(concrete(p, "x")).matches()),
                    "the gateway routes " + route + " but the document has no path there");
        }
    }

    /**
     * Each documented operation, sent through the gateway: whatever it answers (a 404 for an id that
     * does not exist, a 400 for an empty body), never that the URL or the method is unknown.
     */
    @Test
    void everyDocumentedOperationIsServed() throws Exception {
        String key = Merchants.create().apiKey();
        String payment = given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON)
                .body("{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                .post("/v1/payments").then().statusCode(201).extract().path("id");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> unserved = new ArrayList<>();
        int probed = 0;
        for (String path : paths()) {
            // under a payment, its own id (a refund of an unknown payment waits for news of it);
            // elsewhere an id that does not exist
            String target = concrete(path, path.startsWith("/v1/payments/") ? payment : "xyz_doesnotexist");
            Iterator<Map.Entry<String, JsonNode>> operations = document.path("paths").path(path).fields();
            while (operations.hasNext()) {
                String method = operations.next().getKey();
                if (!METHODS.contains(method)) {
                    continue;
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Suite.GATEWAY + target))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key);
                if (method.equals("post")) {
                    request.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString("{}"));
                } else {
                    request.method(method.toUpperCase(), HttpRequest.BodyPublishers.noBody());
                }
                HttpResponse<InputStream> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                String body;
                try (InputStream in = answer.body()) {
                    // a stream answers its head at once and stays open: its head is enough
                    boolean stream = answer.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
                    body = stream || method.equals("head") ? "" : new String(in.readAllBytes());
                }
                probed++;
                String code = body.isEmpty() ? "" : JSON.readTree(body).path("error").path("code").asText();
                if (answer.statusCode() == 405 || (answer.statusCode() == 404 && code.equals("url_unknown"))) {
                    unserved.add(method.toUpperCase() + " " + path + ": " + answer.statusCode() + " " + body);
                }
            }
        }
        assertTrue(probed >= 30, "probed " + probed + " operations");
        assertTrue(unserved.isEmpty(), "documented but not served: " + unserved);
    }

    private static JsonSchemaFactory schemas() {
        boolean v31 = document.path("openapi").asText().startsWith("3.1");
        // OpenAPI 3.1's schemas are JSON Schema 2020-12 (nullable as type: [x, "null"]); 3.0's are its own
        // dialect of draft 4 (nullable: true)
        JsonMetaSchema dialect = v31 ? OpenApi31.getInstance() : OpenApi30.getInstance();
        return JsonSchemaFactory.getInstance(v31 ? SpecVersion.VersionFlag.V202012 : SpecVersion.VersionFlag.V4,
                builder -> builder.metaSchema(dialect).defaultMetaSchemaIri(dialect.getIri()));
    }

    /** Errors of {@code value} against {@code schema}, its references resolved in the document's components. */
    private static Set<ValidationMessage> validate(JsonSchemaFactory factory, JsonNode schema, JsonNode value) {
        ObjectNode root = schema.deepCopy();
        root.set("components", document.path("components"));
        return factory.getSchema(root).validate(value);
    }

    private static JsonNode resolved(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            return document.at(ref.substring(1));
        }
        return node;
    }

    @Test
    void everyExampleValidatesAgainstItsSchema() {
        JsonSchemaFactory factory = schemas();
        List<String> invalid = new ArrayList<>();
        int checked = 0;
        for (String path : paths()) {
            Iterator<Map.Entry<String, JsonNode>> operations = document.path("paths").path(path).fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                List<Map.Entry<String, JsonNode>> media = new ArrayList<>();
                resolved(operation.getValue().path("requestBody")).path("content").fields()
                        .forEachRemaining(m -> media.add(Map.entry("request", m.getValue())));
                operation.getValue().path("responses").fields().forEachRemaining(r -> resolved(r.getValue())
                        .path("content").fields().forEachRemaining(m -> media.add(Map.entry(r.getKey(), m.getValue()))));
                for (Map.Entry<String, JsonNode> m : media) {
                    List<JsonNode> values = new ArrayList<>();
                    m.getValue().path("examples").elements().forEachRemaining(e -> values.add(resolved(e).path("value")));
                    if (m.getValue().has("example")) {
                        values.add(m.getValue().get("example"));
                    }
                    for (JsonNode value : values) {
                        checked++;
                        Set<ValidationMessage> errors = validate(factory, m.getValue().path("schema"), value);
                        if (!errors.isEmpty()) {
                            invalid.add(operation.getKey().toUpperCase() + " " + path + " " + m.getKey() + ": " + errors);
                        }
                    }
                }
            }
        }
        assertTrue(checked >= 9, "seed 002's requests and answers are in the document: " + checked + " examples");
        assertTrue(invalid.isEmpty(), "examples not valid against their schema: " + invalid);
    }

    private static JsonNode answerSchema(String method, String path, String status) {
        return resolved(document.path("paths").path(path).path(method).path("responses").path(status))
                .path("content").path("application/json").path("schema");
    }

    /** What the API really answers is what the document says: the schemas are not just consistent with the examples. */
    @Test
    void realAnswersValidateAgainstTheirSchemas() throws IOException {
        JsonSchemaFactory factory = schemas();
        String key = Merchants.create().apiKey();
        Response created = given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON)
                .body("{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\", "
                        + "\"metadata\": {\"order_id\": \"12345\"}}")
                .post("/v1/payments");
        created.then().statusCode(201);
        assertEquals(Set.of(), validate(factory, answerSchema("post", "/v1/payments", "201"),
                JSON.readTree(created.asByteArray())));
        Response list = given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key).get("/v1/payments");
        list.then().statusCode(200);
        assertEquals(Set.of(), validate(factory, answerSchema("get", "/v1/payments", "200"), JSON.readTree(list.asByteArray())));
        Response missing = given().baseUri(Suite.GATEWAY).header("Authorization", "Bearer " + key).get("/v1/payments/pay_nope");
        missing.then().statusCode(404);
        assertEquals(Set.of(), validate(factory, answerSchema("get", "/v1/payments/{id}", "404"),
                JSON.readTree(missing.asByteArray())));
        Response refused = given().baseUri(Suite.GATEWAY).get("/v1/payments");
        refused.then().statusCode(401);
        assertEquals(Set.of(), validate(factory, answerSchema("get", "/v1/payments", "401"),
                JSON.readTree(refused.asByteArray())));
    }

    /** Swagger UI at /docs, every asset from the gateway itself. */
    @Test
    void theDocsPageLoadsEverythingFromTheGateway() {
        String page = given().baseUri(Suite.GATEWAY).get("/docs").then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page);
        int n = 0;
        while (assets.find()) {
            String asset = assets.group(1);
            assertTrue(asset.startsWith("/") && !asset.startsWith("//"), "served by the gateway: " + asset);
            given().baseUri(Suite.GATEWAY).get(asset).then().statusCode(200);
            n++;
        }
        assertTrue(n >= 4, "the page's stylesheet and scripts: " + n);
        given().baseUri(Suite.GATEWAY).get("/docs/docs.js").then().statusCode(200)
                .body(containsString("\"/openapi\"")).body(not(containsString("http")));
        String policy = given().baseUri(Suite.GATEWAY).get("/docs").header("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("http"), policy);
    }
}
