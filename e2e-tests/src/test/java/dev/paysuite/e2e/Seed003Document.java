package dev.paysuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Seed 003's published OpenAPI document (src/test/resources/seed003-openapi.json, as published) and
 * its examples: each operation's request, made of its properties' examples, and its example answers.
 */
final class Seed003Document {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The fields whose example values the example requests decide; the others are checked by type. */
    private static final Set<String> DECIDED = Set.of("amount", "currency", "status");
    private static final JsonNode DOCUMENT = read();

    private Seed003Document() {
    }

    /** The request body the document's examples make for an operation: each property's example. */
    static ObjectNode request(String path, String method) {
        JsonNode properties = operation(path, method)
                .at("/requestBody/content/application~1json/schema/properties");
        ObjectNode body = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            body.set(property.getKey(), property.getValue().get("example"));
        }
        assertTrue(body.size() > 0, path);
        return body;
    }

    /** The example answer the document gives for an operation's {@code status}. */
    static JsonNode answer(String path, String method, int status) {
        JsonNode example = operation(path, method).path("responses").path(String.valueOf(status))
                .at("/content/application~1json/example");
        assertTrue(example.isObject(), path + " " + status);
        return example;
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every field of the example is in the answer with the same JSON type; the amount, currency and
     * status with the same value; nested objects likewise, and a list's every item like the example's first.
     */
    static void assertLike(JsonNode example, JsonNode actual) {
        assertNotNull(actual, "no answer");
        for (Map.Entry<String, JsonNode> field : example.properties()) {
            String name = field.getKey();
            JsonNode expected = field.getValue();
            JsonNode value = actual.get(name);
            assertNotNull(value, name + " missing from " + actual);
            assertEquals(expected.getNodeType(), value.getNodeType(), name + " in " + actual);
            if (DECIDED.contains(name)) {
                assertEquals(expected, value, name + " in " + actual);
            } else if (expected.isObject()) {
                assertLike(expected, value);
            } else if (expected.isArray() && !expected.isEmpty()) {
                assertTrue(value.size() > 0, name + " is empty in " + actual);
                for (JsonNode item : value) {
                    assertLike(expected.get(0), item);
                }
            }
        }
    }

    private static JsonNode operation(String path, String method) {
        JsonNode operation = DOCUMENT.path("paths").path(path).path(method);
        assertTrue(operation.isObject(), method + " " + path);
        return operation;
    }

    private static JsonNode read() {
        try (InputStream in = Seed003Document.class.getResourceAsStream("/seed003-openapi.json")) {
            return JSON.readTree(Objects.requireNonNull(in, "seed003-openapi.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
