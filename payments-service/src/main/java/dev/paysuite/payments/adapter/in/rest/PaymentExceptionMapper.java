package dev.paysuite.payments.adapter.in.rest;

import dev.paysuite.payments.application.domain.model.PaymentException;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.platform.error.ErrorType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where a payments-domain refusal becomes an HTTP status and the error object. */
public class PaymentExceptionMapper {

    @ServerExceptionMapper
    public Response map(PaymentException e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
        };
        return new ApiException(status, ErrorType.INVALID_REQUEST, e.code(), e.getMessage(), e.param()).toResponse();
    }
}
