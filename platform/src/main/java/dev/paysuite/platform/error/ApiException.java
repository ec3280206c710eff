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

    public ApiException(int status, ErrorType type, String code, String message, String param) {
        this(status, type, code, message, param, null);
    }

    public ApiException(int status, ErrorType type, String code, String message, String param,
            Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.body = ApiError.of(type, code, message, param, details);
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
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
