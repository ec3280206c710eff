package dev.paysuite.payments.adapter.in.rest;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.DisputeId;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.identity.IdentityClaims;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.payments.adapter.json.DisputeJson;
import dev.paysuite.payments.application.domain.model.Dispute;
import dev.paysuite.payments.application.domain.model.DisputeEvidence;
import dev.paysuite.payments.application.domain.model.DisputeStatus;
import dev.paysuite.payments.application.port.in.DisputeRef;
import dev.paysuite.payments.application.port.in.ManageDisputesUseCase;
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
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Disputes ({@code /v1/disputes}) of the merchant the gateway vouched for: opened by the acquirer,
 * answered here with evidence (then submitted) or accepted, decided by the issuer.
 */
@Path("/v1/disputes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(IdentityClaims.MERCHANT_ROLE)
public class DisputeResource {
    private final ManageDisputesUseCase disputes;
    private final CallerContext callers;
    private final IdempotentWrites writes;
    private final Clock clock;

    public DisputeResource(ManageDisputesUseCase disputes, CallerContext callers, IdempotentWrites writes,
            Clock clock) {
        this.disputes = disputes;
        this.callers = callers;
        this.writes = writes;
        this.clock = clock;
    }

    @GET
    @Path("/{id}")
    public DisputeJson retrieve(@PathParam("id") String id) {
        return json(disputes.get(ref(callers.caller(), id)));
    }

    @GET
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many objects, 1 to 100 (default 10)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    @Parameter(name = "payment_id", in = ParameterIn.QUERY, description = "Only the disputes of this payment")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "Only disputes in this status",
            schema = @Schema(enumeration = { "needs_response", "under_review", "won", "lost", "closed" }))
    public ListJson<DisputeJson> list(@QueryParam("limit") String limit,
            @QueryParam("starting_after") String startingAfter, @QueryParam("ending_before") String endingBefore,
            @QueryParam("offset") String offset, @QueryParam("payment_id") String paymentId,
            @QueryParam("status") String status, @Context UriInfo uri) {
        Caller caller = callers.caller();
        PageQuery page = new PageQuery(QueryParams.integer(limit, "limit", PageQuery.DEFAULT_LIMIT),
                QueryParams.blankToNull(startingAfter), QueryParams.blankToNull(endingBefore), QueryParams.integer(offset, "offset", 0));
        PaymentId payment = null;
        if (QueryParams.blankToNull(paymentId) != null) {
            if (!PaymentId.isWellFormed(paymentId)) {
                throw ApiException.invalid(ErrorCodes.PARAMETER_INVALID,
                        "Invalid payment_id: expected a payment's id (pay_…).", "payment_id");
            }
            payment = new PaymentId(paymentId);
        }
        DisputeStatus wanted = null;
        if (QueryParams.blankToNull(status) != null) {
            wanted = DisputeStatus.fromWire(status).orElseThrow(() -> ApiException.invalid(
                    ErrorCodes.PARAMETER_INVALID,
                    "Invalid status: use one of needs_response, under_review, won, lost, closed.", "status"));
        }
        return ListJson.of(uri.getPath(), disputes.list(caller.merchantId(), caller.livemode(),
                new ManageDisputesUseCase.Filter(payment, wanted), page), this::json);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The dispute with the evidence added (under review if submitted)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisputeJson.class)))
    public Response update(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey,
            @Context UriInfo uri, UpdateDisputeRequest body) {
        return giveEvidence(id, idempotencyKey, uri, body, false);
    }

    @POST
    @Path("/{id}/submit")
    @APIResponse(responseCode = "200", description = "The dispute, its evidence submitted: under review until decided",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisputeJson.class)))
    public Response submit(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey,
            @Context UriInfo uri, UpdateDisputeRequest body) {
        return giveEvidence(id, idempotencyKey, uri, body, true);
    }

    /** Adds the body's evidence; submits it all when {@code submit} or the body says so. */
    private Response giveEvidence(String id, String idempotencyKey, UriInfo uri, UpdateDisputeRequest body,
            boolean submit) {
        UpdateDisputeRequest request = body == null ? UpdateDisputeRequest.EMPTY : body;
        DisputeEvidence evidence = request.toEvidence();
        boolean submitting = submit || Boolean.TRUE.equals(request.submit());
        return change(id, idempotencyKey, uri, request, ref -> disputes.giveEvidence(ref, evidence, submitting));
    }

    @POST
    @Path("/{id}/accept")
    @APIResponse(responseCode = "200", description = "The dispute, accepted: lost, the amount stays with the cardholder",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisputeJson.class)))
    public Response accept(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        return change(id, idempotencyKey, uri, Map.of(), disputes::accept);
    }

    /** Stripe's name for accepting a dispute. */
    @POST
    @Path("/{id}/close")
    @APIResponse(responseCode = "200", description = "The same as /accept: the dispute is lost",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisputeJson.class)))
    public Response close(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        return change(id, idempotencyKey, uri, Map.of(), disputes::accept);
    }

    private Response change(String id, String idempotencyKey, UriInfo uri, Object body,
            Function<DisputeRef, Dispute> change) {
        Caller caller = callers.caller();
        DisputeRef ref = ref(caller, id);
        return writes.change(caller, idempotencyKey, uri, body, () -> json(change.apply(ref)));
    }

    private DisputeJson json(Dispute dispute) {
        return DisputeJson.of(dispute, Now.of(clock));
    }

    /** A malformed id names no dispute: 404, like an unknown one. */
    static DisputeRef ref(Caller caller, String id) {
        if (!DisputeId.isWellFormed(id)) {
            throw ApiException.notFound("No such dispute: '" + (id.length() <= 64 ? id : id.substring(0, 64) + "…")
                    + "'", "id");
        }
        return new DisputeRef(caller.merchantId(), caller.livemode(), new DisputeId(id));
    }
}
