package dev.paysuite.dialects.support;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.paysuite.dialects.DialectRefusal;
import dev.paysuite.kernel.error.ErrorCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON as the dialects read and write it: numbers with a fraction are read as {@code BigDecimal}
 * with the digits sent (so {@code 100.10} keeps its scale and never passes through a double),
 * duplicate keys and trailing data are refused, decimals are written as plain digits.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A request body: a JSON object, or an empty object when there is no body. */
    public static ObjectNode requestObject(byte[] body) {
        if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return object();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw DialectRefusal.invalid(ErrorCodes.INVALID_JSON,
                    "The request body is not valid JSON.", null);
        }
        if (node == null || !node.isObject()) {
            throw DialectRefusal.invalid(ErrorCodes.INVALID_JSON,
                    "The request body must be a JSON object.", null);
        }
        return (ObjectNode) node;
    }

    /** A canonical answer's body (always a JSON object from our services); an empty object if it is not one. */
    public static ObjectNode answerObject(byte[] body) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : MAPPER.readTree(body);
            return node != null && node.isObject() ? (ObjectNode) node : object();
        } catch (IOException e) {
            return object();
        }
    }

    /** A JSON text (a canonical event); an empty object if it is not one. */
    public static ObjectNode parse(String text) {
        return answerObject(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }

    public static String text(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    /** A field as text, null when absent or JSON null; a field of another type is refused, naming it. */
    public static String optionalText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw DialectRefusal.invalid(ErrorCodes.PARAMETER_INVALID, "Invalid " + field + ": expected a string.",
                    field);
        }
        return value.textValue();
    }
}
