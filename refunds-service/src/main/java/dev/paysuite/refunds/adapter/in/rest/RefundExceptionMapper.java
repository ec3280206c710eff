package dev.paysuite.refunds.adapter.in.rest;

import dev.paysuite.platform.error.ApiException;
import dev.paysuite.platform.error.ErrorType;
import dev.paysuite.refunds.application.domain.model.RefundException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where a refunds-domain refusal becomes an HTTP status and the error object. */
public class RefundExceptionMapper {

    @ServerExceptionMapper
    public Response map(RefundException e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
        };
        return new ApiException(status, ErrorType.INVALID_REQUEST, e.code(), e.getMessage(), e.param()).toResponse();
    }
}
