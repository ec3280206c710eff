package dev.paysuite.payments.adapter.in.rest;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.error.ErrorType;
import dev.paysuite.kernel.identity.IdentityClaims;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.kernel.tx.Recorded;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.payments.adapter.json.PaymentJson;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import dev.paysuite.payments.application.port.in.CancelPaymentCommand;
import dev.paysuite.payments.application.port.in.CancelPaymentUseCase;
import dev.paysuite.payments.application.port.in.CapturePaymentCommand;
import dev.paysuite.payments.application.port.in.CapturePaymentUseCase;
import dev.paysuite.payments.application.port.in.ConfirmPaymentUseCase;
import dev.paysuite.payments.application.port.in.CreatePaymentCommand;
import dev.paysuite.payments.application.port.in.CreatePaymentUseCase;
import dev.paysuite.payments.application.port.in.GetPaymentUseCase;
import dev.paysuite.payments.application.port.in.ListPaymentsQuery;
import dev.paysuite.payments.application.port.in.ListPaymentsUseCase;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.platform.error.ApiParameters;
import dev.paysuite.platform.error.DomainExceptionMapper;
import dev.paysuite.platform.idempotency.IdempotencyGuard;
import dev.paysuite.platform.idempotency.IdempotentRequest;
import dev.paysuite.platform.idempotency.StoredAnswer;
import dev.paysuite.platform.identity.Caller;
import dev.paysuite.platform.identity.CallerContext;
import dev.paysuite.platform.web.Answers;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The payments part of the canonical API ({@code /v1/payments}), for the merchant the gateway vouched for. */
@Path("/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(IdentityClaims.MERCHANT_ROLE)
public class PaymentResource {
    private final CreatePaymentUseCase createPayment;
    private final GetPaymentUseCase getPayment;
    private final ListPaymentsUseCase listPayments;
    private final CancelPaymentUseCase cancelPayment;
    private final CapturePaymentUseCase capturePayment;
    private final ConfirmPaymentUseCase confirmPayment;
    private final CallerContext callers;
    private final IdempotencyGuard idempotency;
    private final Transactions transactions;
    private final Answers answers;

    public PaymentResource(CreatePaymentUseCase createPayment, GetPaymentUseCase getPayment,
            ListPaymentsUseCase listPayments, CancelPaymentUseCase cancelPayment, CapturePaymentUseCase capturePayment,
            ConfirmPaymentUseCase confirmPayment, CallerContext callers, IdempotencyGuard idempotency,
            Transactions transactions, Answers answers) {
        this.createPayment = createPayment;
        this.getPayment = getPayment;
        this.listPayments = listPayments;
        this.cancelPayment = cancelPayment;
        this.capturePayment = capturePayment;
        this.confirmPayment = confirmPayment;
        this.callers = callers;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.answers = answers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The payment, succeeded or waiting (a declined one is 402 with the error object)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentJson.class)))
    public Response create(@HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey, @Context UriInfo uri,
            CreatePaymentRequest body) {
        Caller caller = callers.caller();
        CreatePaymentRequest request = body == null ? CreatePaymentRequest.EMPTY : body;
        try {
            CreatePaymentCommand command = request.toCommand(caller);
            return idempotent(caller, idempotencyKey, uri, request, claim -> {
                Payment payment = claim.resumed().isPresent() ? getPayment.get(ref(caller, claim.resumed().get()))
                        : createPayment.create(command, bindTo(claim));
                return payment.isFailed() ? declined(payment, request.parameter(payment.source().field()))
                        : answers.json(201, PaymentJson.of(payment));
            });
        } catch (DomainException e) {
            throw DomainExceptionMapper.toApiException(e, request::parameter);
        }
    }

    @GET
    @Path("/{id}")
    public PaymentJson retrieve(@PathParam("id") String id) {
        return PaymentJson.of(getPayment.get(ref(callers.caller(), id)));
    }

    @GET
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many objects, 1 to 100 (default 10)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "How many objects to skip (default 0)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
    public ListJson<PaymentJson> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @QueryParam("starting_after") String startingAfter, @QueryParam("ending_before") String endingBefore,
            @QueryParam("status") String status, @QueryParam("customer_id") String customerId,
            @QueryParam("created_after") String createdAfter, @QueryParam("created_before") String createdBefore,
            @QueryParam("payment_link") String paymentLink, @QueryParam("subscription") String subscription,
            @Context UriInfo uri) {
        Caller caller = callers.caller();
        ListPaymentsQuery query = new ListPaymentsQuery(caller.merchantId(), caller.livemode(), status(status),
                QueryParams.blankToNull(customerId), QueryParams.instant(createdAfter, "created_after"),
                QueryParams.instant(createdBefore, "created_before"), QueryParams.blankToNull(paymentLink),
                QueryParams.blankToNull(subscription),
                new PageQuery(QueryParams.integer(limit, "limit", PageQuery.DEFAULT_LIMIT), QueryParams.blankToNull(startingAfter),
                        QueryParams.blankToNull(endingBefore), QueryParams.integer(offset, "offset", 0)));
        return ListJson.of(uri.getPath(), listPayments.list(query), PaymentJson::of);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The canceled payment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentJson.class)))
    public Response cancel(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey,
            @Context UriInfo uri, CancelPaymentRequest body) {
        Caller caller = callers.caller();
        CancelPaymentRequest request = body == null ? CancelPaymentRequest.EMPTY : body;
        CancelPaymentCommand command = new CancelPaymentCommand(ref(caller, id), request.reason());
        return idempotent(caller, idempotencyKey, uri, request, claim -> ok(claim.resumed().isPresent()
                ? getPayment.get(command.payment()) : cancelPayment.cancel(command, bindTo(claim))));
    }

    @POST
    @Path("/{id}/capture")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The captured payment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentJson.class)))
    public Response capture(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey,
            @Context UriInfo uri, CapturePaymentRequest body) {
        Caller caller = callers.caller();
        CapturePaymentRequest request = body == null ? CapturePaymentRequest.EMPTY : body;
        OptionalLong amount = request.amountToCapture() == null ? OptionalLong.empty()
                : OptionalLong.of(request.amountToCapture());
        CapturePaymentCommand command = new CapturePaymentCommand(ref(caller, id), amount);
        return idempotent(caller, idempotencyKey, uri, request, claim -> ok(claim.resumed().isPresent()
                ? getPayment.get(command.payment()) : capturePayment.capture(command, bindTo(claim))));
    }

    @POST
    @Path("/{id}/confirm")
    @APIResponse(responseCode = "200", description = "The payment after 3-D Secure",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentJson.class)))
    public Response confirm(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        Caller caller = callers.caller();
        PaymentRef payment = ref(caller, id);
        return idempotent(caller, idempotencyKey, uri, Map.of(), claim -> {
            Payment confirmed = claim.resumed().isPresent() ? getPayment.get(payment)
                    : confirmPayment.confirm(payment, bindTo(claim));
            return confirmed.isFailed() ? declined(confirmed, ApiParameters.name(confirmed.source().field()))
                    : ok(confirmed);
        });
    }

    /**
     * Runs a state-changing request at most once per Idempotency-Key. The use case runs its own
     * steps, and binds the key to its payment in the first one (before the processor is asked), so
     * a retry after a crash answers with that payment ({@code claim.resumed()}) instead of making
     * another. The answer is then recorded in a transaction of its own: if that is lost, the bound
     * payment still answers for the key.
     */
    private Response idempotent(Caller caller, String key, UriInfo uri, Object request,
            Function<IdempotencyGuard.Claim, StoredAnswer> action) {
        IdempotentRequest idempotent = new IdempotentRequest(caller.merchantId(), caller.livemode(), key, "POST",
                uri.getPath(), request);
        return Answers.toResponse(idempotency.execute(idempotent, claim -> {
            StoredAnswer answer = action.apply(claim);
            return transactions.inTransaction(() -> claim.complete(answer));
        }));
    }

    private static Recorded bindTo(IdempotencyGuard.Claim claim) {
        return payment -> claim.bind(payment.value());
    }

    private static PaymentRef ref(Caller caller, String id) {
        return new PaymentRef(caller.merchantId(), caller.livemode(), id);
    }

    private StoredAnswer ok(Payment payment) {
        return answers.json(200, PaymentJson.of(payment));
    }

    /** 402 with a card_error naming the parameter the source came in; the failed payment is kept and travels in the details. */
    private StoredAnswer declined(Payment payment, String sourceParameter) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("payment_id", payment.id().value());
        details.put("decline_code", payment.failure().declineCode());
        details.put("payment", PaymentJson.of(payment));
        return answers.error(new ApiException(402, ErrorType.CARD, payment.failure().code(),
                payment.failure().message(), sourceParameter, details));
    }

    private static PaymentStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return PaymentStatus.fromWireName(value).orElseThrow(() -> ApiException.invalid(ErrorCodes.PARAMETER_INVALID,
                "Invalid status: '" + value + "'. Use one of pending, processing, requires_action, requires_capture, "
                        + "succeeded, failed, canceled, partially_refunded, refunded.", "status"));
    }
}
