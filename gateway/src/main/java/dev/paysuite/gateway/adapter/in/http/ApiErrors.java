package dev.paysuite.gateway.adapter.in.http;

import dev.paysuite.kernel.error.ErrorType;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Writes the refusals the gateway answers itself as the error object every service answers
 * ({@code {"error": {"type", "code", "message"}}}; {@code param} and {@code details} are null here,
 * so omitted), with the types and codes every module shares (the kernel's {@code ErrorType} and
 * {@code ErrorCodes}).
 */
final class ApiErrors {

    private ApiErrors() {
    }

    static void send(HttpServerResponse response, int status, ErrorType type, String code, String message) {
        JsonObject error = new JsonObject().put("type", type.wireName()).put("code", code).put("message", message);
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", error).encode());
    }
}
