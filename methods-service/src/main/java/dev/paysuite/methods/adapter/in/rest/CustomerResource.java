package dev.paysuite.methods.adapter.in.rest;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.CustomerId;
import dev.paysuite.kernel.identity.IdentityClaims;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.methods.adapter.json.CustomerJson;
import dev.paysuite.methods.adapter.json.PaymentMethodJson;
import dev.paysuite.methods.application.domain.model.Customer;
import dev.paysuite.methods.application.port.in.CustomersUseCase;
import dev.paysuite.methods.application.port.in.PaymentMethodsUseCase;
import dev.paysuite.platform.error.DomainExceptionMapper;
import dev.paysuite.platform.idempotency.IdempotencyGuard;
import dev.paysuite.platform.idempotency.IdempotentChanges;
import dev.paysuite.platform.identity.Caller;
import dev.paysuite.platform.identity.CallerContext;
import dev.paysuite.platform.web.ListJson;
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
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Customers ({@code /v1/customers}) of the merchant the gateway vouched for. */
@Path("/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(IdentityClaims.MERCHANT_ROLE)
public class CustomerResource {
    private final CustomersUseCase customers;
    private final PaymentMethodsUseCase methods;
    private final MethodViews views;
    private final CallerContext callers;
    private final IdempotentChanges changes;

    public CustomerResource(CustomersUseCase customers, PaymentMethodsUseCase methods, MethodViews views,
            CallerContext callers, IdempotentChanges changes) {
        this.customers = customers;
        this.methods = methods;
        this.views = views;
        this.callers = callers;
        this.changes = changes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The customer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerJson.class)))
    public Response create(@HeaderParam(IdempotencyGuard.HEADER) String key, @Context UriInfo uri,
            CustomerRequest body) {
        Caller caller = callers.caller();
        CustomerRequest r = body == null ? CustomerRequest.EMPTY : body;
        if (r.defaultPaymentMethodId() != null) {
            throw DomainExceptionMapper.toApiException(DomainException.invalid(ErrorCodes.PARAMETER_UNKNOWN,
                    "A new customer has no methods yet: attach one, then make it the default with an update.",
                    Customer.DEFAULT_METHOD), MethodParameters::name);
        }
        return idempotent(caller, key, uri, r, 201, () -> customers.create(new CustomersUseCase.CreateCustomer(
                caller.merchantId(), caller.livemode(), r.email(), r.name(), r.description(), metadata(r),
                r.testClock())));
    }

    @GET
    @Path("/{id}")
    public CustomerJson retrieve(@PathParam("id") String id) {
        Caller caller = callers.caller();
        return CustomerJson.of(mapped(() -> customers.get(caller.merchantId(), caller.livemode(), new CustomerId(id))));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The customer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerJson.class)))
    public Response update(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String key,
            @Context UriInfo uri, CustomerRequest body) {
        Caller caller = callers.caller();
        CustomerRequest r = body == null ? CustomerRequest.EMPTY : body;
        if (r.testClock() != null) {
            throw DomainExceptionMapper.toApiException(DomainException.invalid(ErrorCodes.PARAMETER_UNKNOWN,
                    "A customer's {" + Customer.TEST_CLOCK + "} is set at creation only and never changes.",
                    Customer.TEST_CLOCK), MethodParameters::name);
        }
        return idempotent(caller, key, uri, r, 200, () -> customers.update(new CustomersUseCase.UpdateCustomer(
                caller.merchantId(), caller.livemode(), new CustomerId(id), r.email(), r.name(), r.description(),
                r.metadata() == null ? null : metadata(r), r.defaultPaymentMethodId())));
    }

    @DELETE
    @Path("/{id}")
    public CustomerJson.Deleted delete(@PathParam("id") String id) {
        Caller caller = callers.caller();
        return CustomerJson.Deleted.of(mapped(() -> customers.delete(caller.merchantId(), caller.livemode(),
                new CustomerId(id))));
    }

    @GET
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many objects, 1 to 100 (default 10)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "How many objects to skip (default 0)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
    public ListJson<CustomerJson> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @QueryParam("starting_after") String startingAfter, @QueryParam("ending_before") String endingBefore,
            @Context UriInfo uri) {
        Caller caller = callers.caller();
        PageQuery page = MethodViews.page(limit, offset, startingAfter, endingBefore);
        return ListJson.of(uri.getPath(), mapped(() -> customers.list(caller.merchantId(), caller.livemode(), page)),
                CustomerJson::of);
    }

    /** A customer's methods: {@code GET /v1/customers/{id}/payment_methods} (filter {@code type}). */
    @GET
    @Path("/{id}/payment_methods")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many objects, 1 to 100 (default 10)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "How many objects to skip (default 0)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
    public ListJson<PaymentMethodJson> methods(@PathParam("id") String id, @QueryParam("type") String type,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @QueryParam("starting_after") String startingAfter, @QueryParam("ending_before") String endingBefore,
            @Context UriInfo uri) {
        Caller caller = callers.caller();
        PageQuery page = MethodViews.page(limit, offset, startingAfter, endingBefore);
        return ListJson.of(uri.getPath(), mapped(() -> methods.list(caller.merchantId(), caller.livemode(),
                new CustomerId(id), MethodViews.type(type), page)), m -> views.json(caller, m));
    }

    private static Metadata metadata(CustomerRequest r) {
        return mapped(() -> Metadata.of(r.metadata()));
    }

    private Response idempotent(Caller caller, String key, UriInfo uri, CustomerRequest body, int status,
            Supplier<Customer> action) {
        return changes.run(caller, key, uri, body, status, () -> mapped(action), CustomerJson::of);
    }

    static <T> T mapped(Supplier<T> action) {
        try {
            return action.get();
        } catch (DomainException e) {
            throw DomainExceptionMapper.toApiException(e, MethodParameters::name);
        }
    }
}
