package dev.paysuite.refunds.adapter.in.rest;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.identity.IdentityClaims;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.platform.idempotency.IdempotencyGuard;
import dev.paysuite.platform.idempotency.IdempotentRequest;
import dev.paysuite.platform.idempotency.StoredAnswer;
import dev.paysuite.platform.identity.Caller;
import dev.paysuite.platform.identity.CallerContext;
import dev.paysuite.platform.web.Answers;
import dev.paysuite.platform.web.ListJson;
import dev.paysuite.platform.web.QueryParams;
import dev.paysuite.refunds.adapter.json.RefundJson;
import dev.paysuite.refunds.application.domain.model.Refund;
import dev.paysuite.refunds.application.domain.model.RefundException;
import dev.paysuite.refunds.application.domain.model.RefundStatus;
import dev.paysuite.refunds.application.port.in.CreateRefundCommand;
import dev.paysuite.refunds.application.port.in.CreateRefundUseCase;
import dev.paysuite.refunds.application.port.in.GetRefundUseCase;
import dev.paysuite.refunds.application.port.in.ListRefundsQuery;
import dev.paysuite.refunds.application.port.in.ListRefundsUseCase;
import dev.paysuite.refunds.application.port.in.RefundRef;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The refunds part of the canonical API, for the merchant the gateway vouched for. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(IdentityClaims.MERCHANT_ROLE)
public class RefundResource {
    private final CreateRefundUseCase createRefund;
    private final GetRefundUseCase getRefund;
    private final ListRefundsUseCase listRefunds;
    private final PaymentNewsWait paymentNews;
    private final CallerContext callers;
    private final IdempotencyGuard idempotency;
    private final Transactions transactions;
    private final Answers answers;

    public RefundResource(CreateRefundUseCase createRefund, GetRefundUseCase getRefund, ListRefundsUseCase listRefunds,
            PaymentNewsWait paymentNews, CallerContext callers, IdempotencyGuard idempotency, Transactions transactions,
            Answers answers) {
        this.createRefund = createRefund;
        this.getRefund = getRefund;
        this.listRefunds = listRefunds;
        this.paymentNews = paymentNews;
        this.callers = callers;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.answers = answers;
    }

    @POST
    @Path("/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The refund",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefundJson.class)))
    public Response create(@HeaderParam(IdempotencyGuard.HEADER) String key, @Context UriInfo uri,
            CreateRefundRequest body) {
        CreateRefundRequest request = body == null ? CreateRefundRequest.EMPTY : body;
        return refund(request.paymentId(), request, key, uri);
    }

    @POST
    @Path("/payments/{paymentId}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The refund",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefundJson.class)))
    public Response refundPayment(@PathParam("paymentId") String paymentId,
            @HeaderParam(IdempotencyGuard.HEADER) String key, @Context UriInfo uri, CreateRefundRequest body) {
        CreateRefundRequest request = body == null ? CreateRefundRequest.EMPTY : body;
        if (request.paymentId() != null && !request.paymentId().equals(paymentId)) {
            throw ApiException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "payment_id in the body names another payment than the URL.", "payment_id");
        }
        return refund(paymentId, request, key, uri);
    }

    /** Seed 002's spelling of the same thing. */
    @POST
    @Path("/payments/{paymentId}/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The refund",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RefundJson.class)))
    public Response refundPaymentAlias(@PathParam("paymentId") String paymentId,
            @HeaderParam(IdempotencyGuard.HEADER) String key, @Context UriInfo uri, CreateRefundRequest body) {
        return refundPayment(paymentId, key, uri, body);
    }

    @GET
    @Path("/refunds/{id}")
    public RefundJson retrieve(@PathParam("id") String id) {
        Caller caller = callers.caller();
        return RefundJson.of(getRefund.get(new RefundRef(caller.merchantId(), caller.livemode(), id)));
    }

    @GET
    @Path("/refunds")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many objects, 1 to 100 (default 10)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "How many objects to skip (default 0)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
    public ListJson<RefundJson> list(@QueryParam("payment_id") String paymentId, @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @QueryParam("starting_after") String startingAfter, @QueryParam("ending_before") String endingBefore,
            @Context UriInfo uri) {
        return page(paymentId, status, limit, offset, startingAfter, endingBefore, uri);
    }

    @GET
    @Path("/payments/{paymentId}/refunds")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many objects, 1 to 100 (default 10)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "How many objects to skip (default 0)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
    public ListJson<RefundJson> listForPayment(@PathParam("paymentId") String paymentId, @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @QueryParam("starting_after") String startingAfter, @QueryParam("ending_before") String endingBefore,
            @Context UriInfo uri) {
        // The path names a payment: one this merchant does not have is 404, like every route that
        // names a resource (the query filter of GET /v1/refunds only narrows a list). A payment
        // created a moment ago is waited for as a refund of it would be.
        Caller caller = callers.caller();
        PaymentId payment = new PaymentId(paymentId);
        if (!PaymentId.isWellFormed(paymentId)
                || paymentNews.awaitKnown(caller.merchantId(), caller.livemode(), payment).isEmpty()) {
            throw RefundException.paymentNotFound(payment);
        }
        return page(paymentId, status, limit, offset, startingAfter, endingBefore, uri);
    }

    /**
     * Refunds at most once per Idempotency-Key. The wait for news of the payment comes first, with no
     * transaction open; the use case then runs its own steps and binds the key to its refund in the
     * first (so a retry after a crash answers with that refund), and the answer is recorded in a
     * transaction of its own. Seed 002 documents 200 (not 201) for a created refund, so every
     * canonical refund route answers 200.
     */
    private Response refund(String paymentId, CreateRefundRequest request, String key, UriInfo uri) {
        Caller caller = callers.caller();
        CreateRefundCommand command = new CreateRefundCommand(caller.merchantId(), caller.livemode(),
                QueryParams.blankToNull(paymentId), request.amount(), request.currency(), request.reason(),
                Metadata.of(request.metadata()));
        IdempotentRequest idempotent = new IdempotentRequest(caller.merchantId(), caller.livemode(), key, "POST",
                uri.getPath(), request);
        return Answers.toResponse(idempotency.execute(idempotent, claim -> {
            Refund refund;
            if (claim.resumed().isPresent()) {
                refund = getRefund.get(new RefundRef(caller.merchantId(), caller.livemode(), claim.resumed().get()));
            } else {
                if (PaymentId.isWellFormed(command.paymentId().value())) {
                    // No payment has an id of another shape: that is a 404 at once, with nothing to wait for.
                    paymentNews.awaitNewsOf(caller.merchantId(), caller.livemode(), command.paymentId());
                }
                refund = createRefund.create(command, id -> claim.bind(id.value()));
            }
            StoredAnswer answer = answers.json(200, RefundJson.of(refund));
            return transactions.inTransaction(() -> claim.complete(answer));
        }));
    }

    private ListJson<RefundJson> page(String paymentId, String status, String limit, String offset,
            String startingAfter, String endingBefore, UriInfo uri) {
        Caller caller = callers.caller();
        String payment = QueryParams.blankToNull(paymentId);
        ListRefundsQuery query = new ListRefundsQuery(caller.merchantId(), caller.livemode(),
                payment == null ? null : new PaymentId(payment), status(status),
                new PageQuery(QueryParams.integer(limit, "limit", PageQuery.DEFAULT_LIMIT), QueryParams.blankToNull(startingAfter),
                        QueryParams.blankToNull(endingBefore), QueryParams.integer(offset, "offset", 0)));
        return ListJson.of(uri.getPath(), listRefunds.list(query), RefundJson::of);
    }

    private static RefundStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return RefundStatus.fromWireName(value).orElseThrow(() -> ApiException.invalid(ErrorCodes.PARAMETER_INVALID,
                "Invalid status: '" + value + "'. Use one of pending, succeeded, failed.", "status"));
    }
}
