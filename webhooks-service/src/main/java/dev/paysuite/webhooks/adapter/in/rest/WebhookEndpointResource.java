package dev.paysuite.webhooks.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.WebhookEndpointId;
import dev.paysuite.kernel.identity.IdentityClaims;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.platform.error.ApiParameters;
import dev.paysuite.platform.error.DomainExceptionMapper;
import dev.paysuite.platform.idempotency.IdempotencyGuard;
import dev.paysuite.platform.idempotency.IdempotentChanges;
import dev.paysuite.platform.identity.Caller;
import dev.paysuite.platform.identity.CallerContext;
import dev.paysuite.platform.web.ListJson;
import dev.paysuite.platform.web.QueryParams;
import dev.paysuite.webhooks.adapter.json.WebhookEndpointJson;
import dev.paysuite.webhooks.application.domain.model.Delivery;
import dev.paysuite.webhooks.application.port.in.WebhookEndpointsUseCase;
import dev.paysuite.webhooks.application.port.in.WebhookEndpointsUseCase.WithSecret;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Webhook endpoints ({@code /v1/webhook_endpoints}) of the merchant the gateway vouched for, in the
 * caller's mode. The signing secret is in the creation and roll answers only; a replay of either
 * (same Idempotency-Key) answers without it: the stored answer never holds a secret.
 */
@Path("/v1/webhook_endpoints")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(IdentityClaims.MERCHANT_ROLE)
public class WebhookEndpointResource {
    private final WebhookEndpointsUseCase endpoints;
    private final CallerContext callers;
    private final IdempotentChanges changes;

    public WebhookEndpointResource(WebhookEndpointsUseCase endpoints, CallerContext callers,
            IdempotentChanges changes) {
        this.endpoints = endpoints;
        this.callers = callers;
        this.changes = changes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The endpoint with its signing secret (shown this once)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookEndpointJson.class)))
    public Response create(@HeaderParam(IdempotencyGuard.HEADER) String key, @Context UriInfo uri,
            EndpointRequest body) {
        Caller caller = callers.caller();
        EndpointRequest r = body == null ? EndpointRequest.EMPTY : body;
        if (r.status() != null) {
            throw DomainExceptionMapper.toApiException(DomainException.invalid(ErrorCodes.PARAMETER_UNKNOWN,
                    "A new endpoint is enabled; {status} is changed by an update.", "status"));
        }
        return withSecret(caller, key, uri, r, 201, () -> endpoints.create(new WebhookEndpointsUseCase.CreateEndpoint(
                caller.merchantId(), caller.livemode(), r.url(), r.enabledEvents(), r.description(), r.dialect())));
    }

    @GET
    @Path("/{id}")
    public WebhookEndpointJson retrieve(@PathParam("id") String id) {
        Caller caller = callers.caller();
        return WebhookEndpointJson.of(mapped(() -> endpoints.get(caller.merchantId(), caller.livemode(),
                new WebhookEndpointId(id))));
    }

    @GET
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many objects, 1 to 100 (default 10)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "How many objects to skip (default 0)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
    public ListJson<WebhookEndpointJson> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @QueryParam("starting_after") String startingAfter, @QueryParam("ending_before") String endingBefore,
            @Context UriInfo uri) {
        Caller caller = callers.caller();
        PageQuery page = page(limit, offset, startingAfter, endingBefore);
        return ListJson.of(uri.getPath(), mapped(() -> endpoints.list(caller.merchantId(), caller.livemode(), page)),
                WebhookEndpointJson::of);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The endpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookEndpointJson.class)))
    public Response update(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String key,
            @Context UriInfo uri, EndpointRequest body) {
        Caller caller = callers.caller();
        EndpointRequest r = body == null ? EndpointRequest.EMPTY : body;
        if (r.dialect() != null) {
            throw DomainExceptionMapper.toApiException(DomainException.invalid(ErrorCodes.PARAMETER_UNKNOWN,
                    "An endpoint's {dialect} is chosen when it is created; create another endpoint for another dialect.",
                    "dialect"));
        }
        return idempotent(caller, key, uri, r, 200, () -> WebhookEndpointJson.of(endpoints.update(
                new WebhookEndpointsUseCase.UpdateEndpoint(caller.merchantId(), caller.livemode(),
                        new WebhookEndpointId(id), r.url(), r.enabledEvents(), r.description(), r.status()))));
    }

    @DELETE
    @Path("/{id}")
    public WebhookEndpointJson.Deleted delete(@PathParam("id") String id) {
        Caller caller = callers.caller();
        return WebhookEndpointJson.Deleted.of(mapped(() -> endpoints.delete(caller.merchantId(), caller.livemode(),
                new WebhookEndpointId(id))));
    }

    @POST
    @Path("/{id}/roll_secret")
    @APIResponse(responseCode = "200", description = "The endpoint with its new signing secret (shown this once)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookEndpointJson.class)))
    public Response rollSecret(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String key,
            @Context UriInfo uri) {
        Caller caller = callers.caller();
        return withSecret(caller, key, uri, Map.of(), 200, () -> endpoints.rollSecret(caller.merchantId(),
                caller.livemode(), new WebhookEndpointId(id)));
    }

    @GET
    @Path("/{id}/attempts")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many objects, 1 to 100 (default 10)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "How many objects to skip (default 0)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
    public ListJson<DeliveryAttemptJson> attempts(@PathParam("id") String id, @QueryParam("event_id") String eventId,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @QueryParam("starting_after") String startingAfter, @QueryParam("ending_before") String endingBefore,
            @Context UriInfo uri) {
        Caller caller = callers.caller();
        PageQuery page = page(limit, offset, startingAfter, endingBefore);
        EventId event = blank(eventId) ? null : new EventId(eventId);
        return ListJson.of(uri.getPath(), mapped(() -> endpoints.attempts(caller.merchantId(), caller.livemode(),
                new WebhookEndpointId(id), event, page)), DeliveryAttemptJson::of);
    }

    @POST
    @Path("/{id}/resend")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The delivery made",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryJson.class)))
    public Response resend(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String key,
            @Context UriInfo uri, ResendRequest body) {
        Caller caller = callers.caller();
        if (body == null || blank(body.eventId())) {
            throw DomainExceptionMapper.toApiException(DomainException.missing("eventId"));
        }
        return idempotent(caller, key, uri, body, 200, () -> {
            Delivery d = endpoints.resend(caller.merchantId(), caller.livemode(), new WebhookEndpointId(id),
                    new EventId(body.eventId()));
            return new DeliveryJson(d.id().value(), "webhook_delivery", d.endpointId().value(), d.eventId().value(),
                    d.state().wireName());
        });
    }

    @POST
    @Path("/{id}/recover")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "How many deliveries were made again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecoveredJson.class)))
    public Response recover(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String key,
            @Context UriInfo uri, RecoverRequest body) {
        Caller caller = callers.caller();
        if (body == null || body.since() == null || body.since().isNull()
                || (body.since().isTextual() && blank(body.since().asText()))) {
            throw DomainExceptionMapper.toApiException(DomainException.missing("since"));
        }
        Instant since = since(body.since());
        return idempotent(caller, key, uri, body, 200, () -> {
            int made = endpoints.recover(caller.merchantId(), caller.livemode(), new WebhookEndpointId(id), since);
            return new RecoveredJson("webhook_recovery", id, WebhookEndpointJson.timestamp(since), made);
        });
    }

    /** The answer to a resend: the delivery made. */
    public record DeliveryJson(String id, String object, String endpointId, String eventId, String state) {
    }

    /** The answer to a recover: how many deliveries were made. */
    public record RecoveredJson(String object, String endpointId, String since, int deliveriesCreated) {
    }

    private static Instant since(JsonNode value) {
        try {
            if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0
                    && value.asLong() <= 999_999_999_999L) {
                return Instant.ofEpochSecond(value.asLong());
            }
            if (value.isTextual()) {
                String text = value.asText();
                if (text.matches("[0-9]{1,12}")) {
                    return Instant.ofEpochSecond(Long.parseLong(text));
                }
                return Instant.parse(text);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            // refused below
        }
        throw DomainExceptionMapper.toApiException(DomainException.invalid(ErrorCodes.PARAMETER_INVALID,
                "{since} must be a Unix timestamp in seconds or an ISO 8601 time (2026-01-31T12:00:00Z).", "since"));
    }

    private Response withSecret(Caller caller, String key, UriInfo uri, Object request, int status,
            Supplier<WithSecret> change) {
        // a replay answers the endpoint without its secret (never stored in clear)
        return changes.run(caller, key, uri, request, status, () -> mapped(change),
                made -> WebhookEndpointJson.of(made.endpoint()),
                made -> WebhookEndpointJson.withSecret(made.endpoint(), made.secret().reveal()));
    }

    private Response idempotent(Caller caller, String key, UriInfo uri, Object request, int status,
            Supplier<Object> change) {
        return changes.run(caller, key, uri, request, status, () -> mapped(change), answer -> answer);
    }

    static PageQuery page(String limit, String offset, String startingAfter, String endingBefore) {
        return mapped(() -> new PageQuery(QueryParams.integer(limit, "limit", PageQuery.DEFAULT_LIMIT),
                blank(startingAfter) ? null : startingAfter, blank(endingBefore) ? null : endingBefore,
                QueryParams.integer(offset, "offset", 0)));
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static <T> T mapped(Supplier<T> action) {
        try {
            return action.get();
        } catch (DomainException e) {
            throw DomainExceptionMapper.toApiException(e, ApiParameters::name);
        }
    }

}
