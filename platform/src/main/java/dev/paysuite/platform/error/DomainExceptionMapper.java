package dev.paysuite.platform.error;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorType;
import jakarta.ws.rs.core.Response;
import java.util.function.UnaryOperator;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where a domain's refusal becomes an HTTP status and the error object, for every
 * service: the kind picks the status, and the fields the domain names become API parameter names.
 */
public class DomainExceptionMapper {
    private static final int RETRY_AFTER_SECONDS = 1;

    @ServerExceptionMapper
    public Response map(DomainException e) {
        return toApiException(e).toResponse();
    }

    public static ApiException toApiException(DomainException e) {
        return toApiException(e, ApiParameters::name);
    }

    /** With {@code naming} for an endpoint whose parameters do not all follow {@link ApiParameters}. */
    public static ApiException toApiException(DomainException e, UnaryOperator<String> naming) {
        if (e.kind() == DomainException.Kind.UNAVAILABLE) {
            return ApiException.unavailable(e.message(naming), RETRY_AFTER_SECONDS);
        }
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case UNAVAILABLE -> 503;
        };
        return new ApiException(status, ErrorType.INVALID_REQUEST, e.code(), e.message(naming),
                e.field() == null ? null : naming.apply(e.field()));
    }
}
