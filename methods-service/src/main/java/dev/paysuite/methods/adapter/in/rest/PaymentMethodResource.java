package dev.paysuite.methods.adapter.in.rest;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.CustomerId;
import dev.paysuite.kernel.id.PaymentMethodId;
import dev.paysuite.kernel.identity.IdentityClaims;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.methods.adapter.json.PaymentMethodJson;
import dev.paysuite.methods.application.domain.model.MethodInput;
import dev.paysuite.methods.application.domain.model.MethodType;
import dev.paysuite.methods.application.domain.model.PaymentMethod;
import dev.paysuite.methods.application.port.in.PaymentMethodsUseCase;
import dev.paysuite.methods.application.port.in.VaultUseCase;
import dev.paysuite.platform.error.DomainExceptionMapper;
import dev.paysuite.platform.idempotency.IdempotencyGuard;
import dev.paysuite.platform.idempotency.IdempotentChanges;
import dev.paysuite.platform.identity.Caller;
import dev.paysuite.platform.identity.CallerContext;
import dev.paysuite.platform.web.ListJson;
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
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Stored payment methods ({@code /v1/payment_methods}) of the merchant the gateway vouched for. */
@Path("/v1/payment_methods")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(IdentityClaims.MERCHANT_ROLE)
public class PaymentMethodResource {
    /** The fields each type's details object may have. */
    private static final Map<MethodType, List<String>> FIELDS = Map.of(
            MethodType.CARD, List.of("number", "exp_month", "exp_year", "cvc"),
            MethodType.APPLE_PAY, List.of("token"), MethodType.GOOGLE_PAY, List.of("token"),
            MethodType.PAYPAL, List.of("token"),
            MethodType.ACH_DEBIT, List.of("routing_number", "account_number"),
            MethodType.WIRE, List.of("iban", "bic", "account_number"),
            MethodType.BITCOIN, List.of("address"), MethodType.ETHEREUM, List.of("address"));

    private final PaymentMethodsUseCase methods;
    private final VaultUseCase vault;
    private final MethodViews views;
    private final CallerContext callers;
    private final IdempotentChanges changes;

    public PaymentMethodResource(PaymentMethodsUseCase methods, VaultUseCase vault, MethodViews views,
            CallerContext callers, IdempotentChanges changes) {
        this.methods = methods;
        this.vault = vault;
        this.views = views;
        this.callers = callers;
        this.changes = changes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The payment method (a card shows brand, last4, expiry and fingerprint, never its number)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentMethodJson.class)))
    public Response create(@HeaderParam(IdempotencyGuard.HEADER) String key, @Context UriInfo uri,
            CreateMethodRequest body) {
        Caller caller = callers.caller();
        CreateMethodRequest r = body == null ? CreateMethodRequest.EMPTY : body;
        PaymentMethodsUseCase.CreateMethod command = CustomerResource.mapped(() -> command(caller, r));
        // The key's record of the request holds keyed hashes of the numbers, never the numbers
        Map<String, Object> blinded = blinded(r, command.type());
        return idempotent(caller, key, uri, blinded, 201, () -> methods.create(command));
    }

    private static PaymentMethodsUseCase.CreateMethod command(Caller caller, CreateMethodRequest r) {
        MethodType type = MethodType.parse(r.type(), MethodType.FIELD);
        Map<MethodType, CreateMethodRequest.Details> given = given(r);
        for (MethodType other : given.keySet()) {
            if (other != type) {
                throw DomainException.invalid(ErrorCodes.PARAMETER_UNKNOWN, "{" + other.field()
                        + "} does not go with type " + type.apiName() + ": send only {" + type.field() + "}.",
                        other.field());
            }
        }
        CreateMethodRequest.Details d = given.get(type);
        if (d == null) {
            throw DomainException.missing(type.field());
        }
        for (Map.Entry<String, Object> field : fields(d).entrySet()) {
            if (field.getValue() != null && !FIELDS.get(type).contains(field.getKey())) {
                throw DomainException.invalid(ErrorCodes.PARAMETER_UNKNOWN, "Unknown parameter {" + type.field() + "."
                        + field.getKey() + "} for a " + type.apiName() + ".", type.field() + "." + field.getKey());
            }
        }
        MethodInput input = new MethodInput(d.number(), d.expMonth(), d.expYear(), d.cvc(), d.token(),
                d.routingNumber(), d.accountNumber(), d.iban(), d.bic(), d.address());
        CustomerId customer = MethodViews.blank(r.customerId()) ? null : new CustomerId(r.customerId());
        return new PaymentMethodsUseCase.CreateMethod(caller.merchantId(), caller.livemode(), type, input,
                Metadata.of(r.metadata()), customer);
    }

    private static Map<MethodType, CreateMethodRequest.Details> given(CreateMethodRequest r) {
        Map<MethodType, CreateMethodRequest.Details> given = new LinkedHashMap<>();
        put(given, MethodType.CARD, r.card());
        put(given, MethodType.APPLE_PAY, r.applePay());
        put(given, MethodType.GOOGLE_PAY, r.googlePay());
        put(given, MethodType.PAYPAL, r.paypal());
        put(given, MethodType.ACH_DEBIT, r.achDebit());
        put(given, MethodType.WIRE, r.wire());
        put(given, MethodType.BITCOIN, r.bitcoin());
        put(given, MethodType.ETHEREUM, r.ethereum());
        return given;
    }

    private static void put(Map<MethodType, CreateMethodRequest.Details> given, MethodType type,
            CreateMethodRequest.Details d) {
        if (d != null) {
            given.put(type, d);
        }
    }

    private static Map<String, Object> fields(CreateMethodRequest.Details d) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("number", d.number());
        f.put("exp_month", d.expMonth());
        f.put("exp_year", d.expYear());
        f.put("cvc", d.cvc());
        f.put("token", d.token());
        f.put("routing_number", d.routingNumber());
        f.put("account_number", d.accountNumber());
        f.put("iban", d.iban());
        f.put("bic", d.bic());
        f.put("address", d.address());
        return f;
    }

    /** The request as its Idempotency-Key records it: secrets (numbers, tokens, the CVC) as keyed hashes. */
    private Map<String, Object> blinded(CreateMethodRequest r, MethodType type) {
        Map<String, Object> details = fields(given(r).get(type));
        for (String secret : List.of("number", "cvc", "token", "account_number", "iban")) {
            details.computeIfPresent(secret, (k, v) -> vault.blind(v.toString()));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", type.apiName());
        request.put(type.apiName(), details);
        request.put("customer_id", r.customerId());
        request.put("metadata", r.metadata());
        return request;
    }

    @GET
    @Path("/{id}")
    public PaymentMethodJson retrieve(@PathParam("id") String id) {
        Caller caller = callers.caller();
        return views.json(caller, CustomerResource.mapped(() -> methods.get(caller.merchantId(), caller.livemode(),
                new PaymentMethodId(id))));
    }

    @GET
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many objects, 1 to 100 (default 10)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "How many objects to skip (default 0)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
    public ListJson<PaymentMethodJson> list(@QueryParam("customer_id") String customerId,
            @QueryParam("type") String type, @QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @QueryParam("starting_after") String startingAfter, @QueryParam("ending_before") String endingBefore,
            @Context UriInfo uri) {
        Caller caller = callers.caller();
        PageQuery page = MethodViews.page(limit, offset, startingAfter, endingBefore);
        CustomerId customer = MethodViews.blank(customerId) ? null : new CustomerId(customerId);
        return ListJson.of(uri.getPath(), CustomerResource.mapped(() -> methods.list(caller.merchantId(),
                caller.livemode(), customer, MethodViews.type(type), page)), m -> views.json(caller, m));
    }

    /** The body of attach: the customer, named the canonical API's way. */
    public record AttachRequest(String customerId) {
    }

    @POST
    @Path("/{id}/attach")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The payment method",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentMethodJson.class)))
    public Response attach(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String key,
            @Context UriInfo uri, AttachRequest body) {
        Caller caller = callers.caller();
        String customer = body == null ? null : body.customerId();
        if (MethodViews.blank(customer)) {
            throw DomainExceptionMapper.toApiException(DomainException.missing("customerId"), MethodParameters::name);
        }
        return idempotent(caller, key, uri, body, 200, () -> methods.attach(caller.merchantId(), caller.livemode(),
                new PaymentMethodId(id), new CustomerId(customer)));
    }

    @POST
    @Path("/{id}/detach")
    @APIResponse(responseCode = "200", description = "The payment method",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentMethodJson.class)))
    public Response detach(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String key,
            @Context UriInfo uri) {
        Caller caller = callers.caller();
        return idempotent(caller, key, uri, Map.of(), 200,
                () -> methods.detach(caller.merchantId(), caller.livemode(), new PaymentMethodId(id)));
    }

    private Response idempotent(Caller caller, String key, UriInfo uri, Object body, int status,
            Supplier<PaymentMethod> action) {
        return changes.run(caller, key, uri, body, status, () -> CustomerResource.mapped(action), m -> views.json(caller, m));
    }
}
