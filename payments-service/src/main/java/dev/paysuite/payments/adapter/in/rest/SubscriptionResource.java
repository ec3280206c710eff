package dev.paysuite.payments.adapter.in.rest;

import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.SubscriptionId;
import dev.paysuite.kernel.identity.IdentityClaims;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.payments.adapter.json.SubscriptionJson;
import dev.paysuite.payments.application.domain.model.Subscription;
import dev.paysuite.payments.application.domain.model.SubscriptionStatus;
import dev.paysuite.payments.application.port.in.ManageSubscriptionsUseCase;
import dev.paysuite.payments.application.port.in.SubscriptionRef;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.platform.idempotency.IdempotencyGuard;
import dev.paysuite.platform.identity.Caller;
import dev.paysuite.platform.identity.CallerContext;
import dev.paysuite.platform.web.ListJson;
import dev.paysuite.platform.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Subscriptions ({@code /v1/subscriptions}) of the merchant the gateway vouched for: a customer's
 * stored method charged every interval, each cycle an ordinary payment naming the subscription.
 */
@Path("/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(IdentityClaims.MERCHANT_ROLE)
public class SubscriptionResource {
    private final ManageSubscriptionsUseCase subscriptions;
    private final CallerContext callers;
    private final IdempotentWrites writes;

    public SubscriptionResource(ManageSubscriptionsUseCase subscriptions, CallerContext callers,
            IdempotentWrites writes) {
        this.subscriptions = subscriptions;
        this.callers = callers;
        this.writes = writes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The new subscription (its first cycle charged if due now)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionJson.class)))
    public Response create(@HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey, @Context UriInfo uri,
            CreateSubscriptionRequest body) {
        Caller caller = callers.caller();
        CreateSubscriptionRequest request = body == null ? CreateSubscriptionRequest.EMPTY : body;
        Subscription.Draft draft = request.toDraft();
        return writes.create(caller, idempotencyKey, uri, request, id -> subscriptions.get(ref(caller, id)),
                recorded -> subscriptions.create(caller.merchantId(), caller.livemode(), draft, recorded),
                SubscriptionJson::of);
    }

    @GET
    @Path("/{id}")
    public SubscriptionJson retrieve(@PathParam("id") String id) {
        return SubscriptionJson.of(subscriptions.get(ref(callers.caller(), id)));
    }

    @GET
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many objects, 1 to 100 (default 10)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "Only subscriptions in this status",
            schema = @Schema(enumeration = { "active", "past_due", "paused", "canceled", "unpaid" }))
    public ListJson<SubscriptionJson> list(@QueryParam("limit") String limit,
            @QueryParam("starting_after") String startingAfter, @QueryParam("ending_before") String endingBefore,
            @QueryParam("offset") String offset, @QueryParam("customer_id") String customerId,
            @QueryParam("status") String status, @Context UriInfo uri) {
        Caller caller = callers.caller();
        PageQuery page = new PageQuery(QueryParams.integer(limit, "limit", PageQuery.DEFAULT_LIMIT),
                QueryParams.blankToNull(startingAfter), QueryParams.blankToNull(endingBefore), QueryParams.integer(offset, "offset", 0));
        String customer = QueryParams.blankToNull(customerId);
        if (customer != null && !Subscription.isCustomerId(customer)) {
            throw ApiException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "Invalid customer_id: expected a customer's id (cus_…).", "customer_id");
        }
        SubscriptionStatus wanted = null;
        if (QueryParams.blankToNull(status) != null) {
            wanted = SubscriptionStatus.fromWire(status).orElseThrow(() -> ApiException.invalid(
                    ErrorCodes.PARAMETER_INVALID,
                    "Invalid status: use one of active, past_due, paused, canceled, unpaid.", "status"));
        }
        return ListJson.of(uri.getPath(), subscriptions.list(caller.merchantId(), caller.livemode(),
                new ManageSubscriptionsUseCase.Filter(customer, wanted), page), SubscriptionJson::of);
    }

    @POST
    @Path("/{id}/cancel")
    @APIResponse(responseCode = "200", description = "The subscription, canceled (or to be canceled at the period's end)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionJson.class)))
    public Response cancel(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey,
            @Context UriInfo uri, CancelSubscriptionRequest body) {
        CancelSubscriptionRequest request = body == null ? CancelSubscriptionRequest.EMPTY : body;
        boolean atPeriodEnd = Boolean.TRUE.equals(request.atPeriodEnd());
        return change(id, idempotencyKey, uri, request, ref -> subscriptions.cancel(ref, atPeriodEnd));
    }

    @POST
    @Path("/{id}/pause")
    @APIResponse(responseCode = "200", description = "The subscription, paused: no cycle is charged until it is resumed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionJson.class)))
    public Response pause(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        return change(id, idempotencyKey, uri, Map.of(), subscriptions::pause);
    }

    @POST
    @Path("/{id}/resume")
    @APIResponse(responseCode = "200", description = "The subscription, active again from the next period that starts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionJson.class)))
    public Response resume(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        return change(id, idempotencyKey, uri, Map.of(), subscriptions::resume);
    }

    private Response change(String id, String idempotencyKey, UriInfo uri, Object body,
            Function<SubscriptionRef, Subscription> change) {
        Caller caller = callers.caller();
        SubscriptionRef ref = ref(caller, id);
        return writes.change(caller, idempotencyKey, uri, body, () -> SubscriptionJson.of(change.apply(ref)));
    }

    /** A malformed id names no subscription: 404, like an unknown one. */
    static SubscriptionRef ref(Caller caller, String id) {
        if (!SubscriptionId.isWellFormed(id)) {
            throw ApiException.notFound("No such subscription: '" + (id.length() <= 64 ? id : id.substring(0, 64) + "…")
                    + "'", "id");
        }
        return new SubscriptionRef(caller.merchantId(), caller.livemode(), new SubscriptionId(id));
    }
}
