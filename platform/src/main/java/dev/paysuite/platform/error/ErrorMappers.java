package dev.paysuite.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.error.ErrorType;
import dev.paysuite.platform.persistence.TransientFailures;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns everything an inbound adapter can throw into the error object. Nothing internal (stack
 * traces, SQL, class names) ever reaches an answer; unexpected failures are logged and answered
 * with a generic {@code api_error}.
 */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    /** During an outage every request meets it: one WARN per this many milliseconds, the rest at DEBUG. */
    private static final long OUTAGE_WARN_EVERY_MS = 10_000;
    private static final AtomicLong lastOutageWarning = new AtomicLong();

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return e.toResponse();
    }

    /** RESTEasy Reactive wraps some body-reading failures in a 400; answer for the Jackson failure inside. */
    private Response fromJackson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownProperty(u);
        }
        if (e instanceof JsonMappingException m) {
            return jsonMapping(m);
        }
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        String param = path(e);
        return ApiException.invalid(ErrorCodes.PARAMETER_UNKNOWN, "Received unknown parameter: " + param, param)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return wrongType(e);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return wrongType(e);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        ApiException api = apiCause(e);
        if (api != null) {
            return api.toResponse();
        }
        if (e.getCause() instanceof StreamReadException unreadable && duplicateKey(unreadable) != null) {
            return malformedJson(unreadable);
        }
        return wrongType(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        ApiException api = apiCause(e);
        if (api != null) {
            return api.toResponse();
        }
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            return ApiException.invalid(ErrorCodes.INVALID_JSON,
                    "The request body gives " + duplicate + " more than once.", duplicate).toResponse();
        }
        return ApiException.invalid(ErrorCodes.INVALID_JSON,
                "The request body is not valid JSON.", null).toResponse();
    }

    /** A request never makes these (they are mistakes in our own types), but when one does, it still answers the error object. */
    @ServerExceptionMapper
    public Response invalidDefinition(InvalidDefinitionException e) {
        return unexpected(e);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e) {
        return new ApiException(401, ErrorType.AUTHENTICATION, ErrorCodes.CALLER_UNAUTHENTICATED,
                "This service only answers requests forwarded by the gateway with a valid identity token "
                        + "(and, on internal routes, a trusted service's token).",
                null).toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return new ApiException(403, ErrorType.AUTHENTICATION, ErrorCodes.CALLER_FORBIDDEN,
                "The caller is not allowed to do this.", null).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        ApiException api = apiCause(e);
        if (api != null) {
            return api.toResponse();
        }
        if (e.getCause() instanceof JsonProcessingException jackson) {
            return fromJackson(jackson);
        }
        if (status >= 500) {
            return unexpected(e);
        }
        String code = switch (status) {
            case 404 -> ErrorCodes.URL_UNKNOWN;
            case 405 -> ErrorCodes.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCodes.NOT_ACCEPTABLE;
            case 415 -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            case 401 -> ErrorCodes.CALLER_UNAUTHENTICATED;
            default -> ErrorCodes.PARAMETER_INVALID;
        };
        String message = switch (status) {
            case 404 -> "Unrecognized request URL.";
            case 405 -> "This URL does not accept that HTTP method.";
            case 415 -> "Send the request body as application/json.";
            case 406 -> "This API answers application/json only.";
            default -> "The request could not be understood.";
        };
        ErrorType type = status == 401 ? ErrorType.AUTHENTICATION : ErrorType.INVALID_REQUEST;
        return new ApiException(status, type, code, message, null).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        ApiException api = apiCause(e);
        if (api != null) {
            return api.toResponse();
        }
        if (clientWentAway(e)) {
            // Nothing failed here, and nobody is left to answer; an ERROR per such request drowns the
            // real ones under load.
            LOG.debugf("The client went away before its answer was written: %s", e.getMessage());
            return Response.status(499).build();
        }
        if (TransientFailures.isTransient(e)) {
            // The database cannot answer now (unreachable, out of connections, restarting) or the
            // transaction lost a race: nothing was committed, and the same request may simply be retried.
            long now = System.currentTimeMillis();
            long last = lastOutageWarning.get();
            if (now - last >= OUTAGE_WARN_EVERY_MS && lastOutageWarning.compareAndSet(last, now)) {
                LOG.warnf("Answering 503: the database cannot answer now (%s)", TransientFailures.reason(e));
            } else {
                LOG.debugf("Answering 503: %s", TransientFailures.reason(e));
            }
            return ApiException.unavailable("We cannot take this request right now; retry it in a moment with the "
                    + "same Idempotency-Key.", 1).toResponse();
        }
        LOG.error("Unexpected failure while answering a request", e);
        return new ApiException(500, ErrorType.API, ErrorCodes.INTERNAL_ERROR,
                "Something went wrong on our end. The request may be retried with the same Idempotency-Key.",
                null).toResponse();
    }

    /**
     * The request's connection was closed by the client while its body was read or its answer
     * written (a client that gave up waiting): Vert.x's closed-connection exceptions, which no
     * database or outbound call raises.
     */
    static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedChannelException || t instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private static Response wrongType(JsonMappingException e) {
        String param = path(e);
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("end-of-input")) {
            return ApiException.invalid(ErrorCodes.INVALID_JSON, "The request body is not valid JSON.", null)
                    .toResponse();
        }
        if (param.isEmpty()) {
            return ApiException.invalid(ErrorCodes.INVALID_JSON,
                    "The request body must be a JSON object.", null).toResponse();
        }
        return ApiException.invalid(ErrorCodes.PARAMETER_INVALID,
                "Invalid value for " + param + ": " + expected(e), param).toResponse();
    }

    private static String expected(JsonMappingException e) {
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (target == null) {
            return "wrong type.";
        }
        if (Number.class.isAssignableFrom(target) || target == long.class || target == int.class) {
            return "expected an integer.";
        }
        if (target == String.class) {
            return "expected a string.";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "expected a boolean.";
        }
        if (java.util.Map.class.isAssignableFrom(target)) {
            return "expected an object.";
        }
        return "wrong type.";
    }

    /** The API's name for where a body went wrong: {@code amount}, {@code metadata[order_id]}, {@code items[0]}. */
    static String path(JsonMappingException e) {
        StringBuilder name = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            String part = r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex());
            name.append(name.length() == 0 ? part : "[" + part + "]");
        }
        return name.toString();
    }

    /** An ApiException that a framework (Jackson, most often) wrapped on its way out. */
    private static ApiException apiCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        return null;
    }

    /** The key a body gave twice (the parser refuses duplicates for bodies), as the API names it; null otherwise. */
    private static String duplicateKey(JsonProcessingException e) {
        if (!(e instanceof StreamReadException read) || read.getProcessor() == null
                || e.getOriginalMessage() == null || !e.getOriginalMessage().startsWith("Duplicate field")) {
            return null;
        }
        return ApiParameters.of(read.getProcessor().getParsingContext());
    }
}
