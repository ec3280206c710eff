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
        send(response, status, type.wireName(), code, message, null);
    }

    /** With the parameter the refusal is about ({@code param}), when it names one. */
    static void send(HttpServerResponse response, int status, String type, String code, String message, String param) {
        JsonObject error = new JsonObject().put("type", type).put("code", code).put("message", message);
        if (param != null) {
            error.put("param", param);
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", error).encode());
    }
}
