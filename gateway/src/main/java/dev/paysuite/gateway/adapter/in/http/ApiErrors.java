package dev.paysuite.gateway.adapter.in.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * The refusals the gateway answers itself, as the error object every service answers:
 * {@code {"error": {"type", "code", "message"}}} ({@code param} and {@code details} are null here, so omitted).
 */
final class ApiErrors {
    static final String INVALID_REQUEST = "invalid_request_error";
    static final String AUTHENTICATION = "authentication_error";
    static final String RATE_LIMIT = "rate_limit_error";
    static final String API = "api_error";

    static final String API_KEY_MISSING = "api_key_missing";
    static final String API_KEY_INVALID = "api_key_invalid";
    static final String RATE_LIMIT_EXCEEDED = "rate_limit_exceeded";
    static final String URL_UNKNOWN = "url_unknown";
    static final String REQUEST_TOO_LARGE = "request_too_large";
    static final String REQUEST_INVALID = "request_invalid";
    static final String UPSTREAM_UNAVAILABLE = "upstream_unavailable";
    static final String UPSTREAM_TIMEOUT = "upstream_timeout";
    static final String SERVICE_UNAVAILABLE = "service_unavailable";
    static final String INTERNAL_ERROR = "internal_error";

    private ApiErrors() {
    }

    static void send(HttpServerResponse response, int status, String type, String code, String message) {
        JsonObject error = new JsonObject().put("type", type).put("code", code).put("message", message);
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", error).encode());
    }
}
