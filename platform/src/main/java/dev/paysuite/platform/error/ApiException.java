package dev.paysuite.platform.error;

import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.error.ErrorType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Thrown by inbound adapters to answer with the error object; the mapper turns it into the response. */
public class ApiException extends RuntimeException {
    private final int status;
    private final ApiError body;
    private final Integer retryAfterSeconds;

    public ApiException(int status, ErrorType type, String code, String message, String param) {
        this(status, type, code, message, param, null);
    }

    public ApiException(int status, ErrorType type, String code, String message, String param,
            Map<String, Object> details) {
        this(status, ApiError.of(type, code, message, param, details), null);
    }

    private ApiException(int status, ApiError body, Integer retryAfterSeconds) {
        super(body.error().message(), null, false, false);
        this.status = status;
        this.body = body;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 503: we cannot take the request right now; it may be retried after {@code retryAfterSeconds}. */
    public static ApiException unavailable(String message, int retryAfterSeconds) {
        return new ApiException(503, ApiError.of(ErrorType.API, ErrorCodes.SERVICE_UNAVAILABLE, message, null, null),
                retryAfterSeconds);
    }

    public static ApiException invalid(String code, String message, String param) {
        return new ApiException(400, ErrorType.INVALID_REQUEST, code, message, param);
    }

    public static ApiException notFound(String message, String param) {
        return new ApiException(404, ErrorType.INVALID_REQUEST, ErrorCodes.RESOURCE_MISSING, message, param);
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return body;
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        if (retryAfterSeconds != null) {
            response.header("Retry-After", retryAfterSeconds);
        }
        return response.build();
    }
}
