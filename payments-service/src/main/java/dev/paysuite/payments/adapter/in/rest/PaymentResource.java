package dev.paysuite.payments.adapter.in.rest;

import dev.paysuite.payments.adapter.json.PaymentJson;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import dev.paysuite.payments.application.port.in.CancelPaymentCommand;
import dev.paysuite.payments.application.port.in.CancelPaymentUseCase;
import dev.paysuite.payments.application.port.in.CapturePaymentCommand;
import dev.paysuite.payments.application.port.in.CapturePaymentUseCase;
import dev.paysuite.payments.application.port.in.ConfirmPaymentUseCase;
import dev.paysuite.payments.application.port.in.CreatePaymentUseCase;
import dev.paysuite.payments.application.port.in.GetPaymentQuery;
import dev.paysuite.payments.application.port.in.ListPaymentsQuery;
import dev.paysuite.payments.application.port.in.ListPaymentsUseCase;
import dev.paysuite.payments.application.port.in.PaymentPage;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.platform.error.ErrorCodes;
import dev.paysuite.platform.error.ErrorType;
import dev.paysuite.platform.identity.Caller;
import dev.paysuite.platform.identity.CallerContext;
import dev.paysuite.platform.identity.IdentityClaims;
import dev.paysuite.platform.idempotency.IdempotencyGuard;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** The payments part of the canonical API ({@code /v1/payments}), for the merchant the gateway vouched for. */
@Path("/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(IdentityClaims.MERCHANT_ROLE)
public class PaymentResource {
    private final CreatePaymentUseCase createPayment;
    private final GetPaymentQuery getPayment;
    private final ListPaymentsUseCase listPayments;
    private final CancelPaymentUseCase cancelPayment;
    private final CapturePaymentUseCase capturePayment;
    private final ConfirmPaymentUseCase confirmPayment;
    private final CallerContext callers;
    private final IdempotencyGuard idempotency;

    public PaymentResource(CreatePaymentUseCase createPayment, GetPaymentQuery getPayment,
            ListPaymentsUseCase listPayments, CancelPaymentUseCase cancelPayment, CapturePaymentUseCase capturePayment,
            ConfirmPaymentUseCase confirmPayment, CallerContext callers, IdempotencyGuard idempotency) {
        this.createPayment = createPayment;
        this.getPayment = getPayment;
        this.listPayments = listPayments;
        this.cancelPayment = cancelPayment;
        this.capturePayment = capturePayment;
        this.confirmPayment = confirmPayment;
        this.callers = callers;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey, @Context UriInfo uri,
            CreatePaymentRequest body) {
        Caller caller = callers.caller();
        CreatePaymentRequest request = body == null ? CreatePaymentRequest.EMPTY : body;
        return idempotent(caller, idempotencyKey, uri, request, () -> {
            Payment payment = createPayment.create(request.toCommand(caller));
            return payment.isFailed() ? declined(payment)
                    : Response.status(Response.Status.CREATED).entity(PaymentJson.of(payment)).build();
        });
    }

    @GET
    @Path("/{id}")
    public PaymentJson retrieve(@PathParam("id") String id) {
        return PaymentJson.of(getPayment.get(ref(id)));
    }

    @GET
    public PaymentListJson list(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @QueryParam("starting_after") String startingAfter, @QueryParam("ending_before") String endingBefore,
            @QueryParam("status") String status, @QueryParam("customer_id") String customerId,
            @QueryParam("created_after") String createdAfter, @QueryParam("created_before") String createdBefore,
            @Context UriInfo uri) {
        Caller caller = callers.caller();
        ListPaymentsQuery query = new ListPaymentsQuery(caller.merchantId(), caller.livemode(), status(status),
                blankToNull(customerId), QueryParams.instant(createdAfter, "created_after"),
                QueryParams.instant(createdBefore, "created_before"),
                QueryParams.integer(limit, "limit", ListPaymentsQuery.DEFAULT_LIMIT),
                blankToNull(startingAfter), blankToNull(endingBefore), QueryParams.integer(offset, "offset", 0));
        PaymentPage page = listPayments.list(query);
        return new PaymentListJson("list", uri.getPath(), page.data().stream().map(PaymentJson::of).toList(),
                page.hasMore(), page.nextCursor(), page.totalCount());
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cancel(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey,
            @Context UriInfo uri, CancelPaymentRequest body) {
        Caller caller = callers.caller();
        CancelPaymentRequest request = body == null ? CancelPaymentRequest.EMPTY : body;
        return idempotent(caller, idempotencyKey, uri, request, () -> ok(
                cancelPayment.cancel(new CancelPaymentCommand(ref(caller, id), request.reason()))));
    }

    @POST
    @Path("/{id}/capture")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response capture(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey,
            @Context UriInfo uri, CapturePaymentRequest body) {
        Caller caller = callers.caller();
        CapturePaymentRequest request = body == null ? CapturePaymentRequest.EMPTY : body;
        OptionalLong amount = request.amountToCapture() == null ? OptionalLong.empty()
                : OptionalLong.of(request.amountToCapture());
        return idempotent(caller, idempotencyKey, uri, request, () -> ok(
                capturePayment.capture(new CapturePaymentCommand(ref(caller, id), amount))));
    }

    @POST
    @Path("/{id}/confirm")
    public Response confirm(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        Caller caller = callers.caller();
        return idempotent(caller, idempotencyKey, uri, Map.of(), () -> {
            Payment payment = confirmPayment.confirm(ref(caller, id));
            return payment.isFailed() ? declined(payment) : ok(payment);
        });
    }

    private Response idempotent(Caller caller, String key, UriInfo uri, Object request, Supplier<Response> action) {
        return idempotency.execute(caller.merchantId(), key, "POST", uri.getPath(), request, action);
    }

    private PaymentRef ref(String id) {
        return ref(callers.caller(), id);
    }

    private static PaymentRef ref(Caller caller, String id) {
        return new PaymentRef(caller.merchantId(), caller.livemode(), id);
    }

    private static Response ok(Payment payment) {
        return Response.ok(PaymentJson.of(payment)).build();
    }

    /** 402 with a card_error; the failed payment is kept and travels in the details. */
    private static Response declined(Payment payment) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("payment_id", payment.id().value());
        details.put("decline_code", payment.failure().declineCode());
        details.put("payment", PaymentJson.of(payment));
        return new ApiException(402, ErrorType.CARD, payment.failure().code(), payment.failure().message(),
                payment.source().param(), details).toResponse();
    }

    private static PaymentStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return PaymentStatus.fromWireName(value).orElseThrow(() -> ApiException.invalid(ErrorCodes.PARAMETER_INVALID,
                "Invalid status: '" + value + "'. Use one of pending, processing, requires_action, requires_capture, "
                        + "succeeded, failed, canceled, partially_refunded, refunded.", "status"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
