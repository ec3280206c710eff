package dev.paysuite.dialects.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.dialects.ApiError;
import dev.paysuite.dialects.DialectAnswer;
import dev.paysuite.dialects.Exchange;
import dev.paysuite.dialects.Translation;
import java.util.Map;
import java.util.Objects;

/**
 * An exchange whose request and answer are JSON objects: the dialect gives how the request's
 * query and body translate, how a canonical success reads, and how it writes errors; a canonical
 * error (status 400 and up) is read from the canonical error object and written the dialect's way.
 */
public record JsonExchange(String method, String path, Request request, Success success, Errors errors)
        implements Exchange {

    /** The canonical request for the dialect's query parameters and body (an empty object when none). */
    @FunctionalInterface
    public interface Request {
        Translation translate(Map<String, String> query, ObjectNode body);
    }

    /** A canonical success (status below 400) in the dialect's words. */
    @FunctionalInterface
    public interface Success {
        DialectAnswer translate(int status, ObjectNode canonical);
    }

    /** A canonical error in the dialect's words; {@code canonical} is the whole canonical error body. */
    @FunctionalInterface
    public interface Errors {
        DialectAnswer translate(int status, ApiError error, ObjectNode canonical);
    }

    public JsonExchange {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(success, "success");
        Objects.requireNonNull(errors, "errors");
    }

    @Override
    public Translation request(String query, byte[] body) {
        return request.translate(Query.parse(query), Json.requestObject(body));
    }

    @Override
    public DialectAnswer answer(int status, byte[] body) {
        ObjectNode canonical = Json.answerObject(body);
        if (status >= 400) {
            return errors.translate(status, canonicalError(canonical), canonical);
        }
        return success.translate(status, canonical);
    }

    /** The fields of a canonical error object ({@code {"error": {...}}}); an empty one if the body is not one. */
    public static ApiError canonicalError(ObjectNode canonical) {
        JsonNode error = canonical.path("error");
        return new ApiError(text(error, "type"), text(error, "code"), text(error, "message"), text(error, "param"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
