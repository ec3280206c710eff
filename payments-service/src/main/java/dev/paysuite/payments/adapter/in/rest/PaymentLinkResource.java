package dev.paysuite.payments.adapter.in.rest;

import dev.paysuite.kernel.id.PaymentLinkId;
import dev.paysuite.kernel.identity.IdentityClaims;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.payments.adapter.json.PaymentLinkJson;
import dev.paysuite.payments.application.port.in.ManagePaymentLinksUseCase;
import dev.paysuite.payments.application.port.in.ManagePaymentLinksUseCase.LinkView;
import dev.paysuite.payments.application.port.in.PaymentLinkRef;
import dev.paysuite.payments.config.PaymentsConfig;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Payment links ({@code /v1/payment_links}) of the merchant the gateway vouched for. */
@Path("/v1/payment_links")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(IdentityClaims.MERCHANT_ROLE)
public class PaymentLinkResource {
    private final ManagePaymentLinksUseCase links;
    private final CallerContext callers;
    private final IdempotentWrites writes;
    private final String publicUrl;

    public PaymentLinkResource(ManagePaymentLinksUseCase links, CallerContext callers, IdempotentWrites writes,
            PaymentsConfig config) {
        this.links = links;
        this.callers = callers;
        this.writes = writes;
        this.publicUrl = config.publicUrl();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The new payment link, with its public url",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentLinkJson.class)))
    public Response create(@HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey, @Context UriInfo uri,
            CreatePaymentLinkRequest body) {
        Caller caller = callers.caller();
        CreatePaymentLinkRequest request = body == null ? CreatePaymentLinkRequest.EMPTY : body;
        var draft = request.toDraft();
        return writes.create(caller, idempotencyKey, uri, request, id -> links.get(ref(caller, id)),
                recorded -> links.create(caller.merchantId(), caller.livemode(), draft, recorded), this::json);
    }

    @GET
    @Path("/{id}")
    public PaymentLinkJson retrieve(@PathParam("id") String id) {
        return json(links.get(ref(callers.caller(), id)));
    }

    @GET
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many objects, 1 to 100 (default 10)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    public ListJson<PaymentLinkJson> list(@QueryParam("limit") String limit,
            @QueryParam("starting_after") String startingAfter, @QueryParam("ending_before") String endingBefore,
            @QueryParam("offset") String offset, @Context UriInfo uri) {
        Caller caller = callers.caller();
        PageQuery page = new PageQuery(QueryParams.integer(limit, "limit", PageQuery.DEFAULT_LIMIT),
                QueryParams.blankToNull(startingAfter), QueryParams.blankToNull(endingBefore), QueryParams.integer(offset, "offset", 0));
        return ListJson.of(uri.getPath(), links.list(caller.merchantId(), caller.livemode(), page), this::json);
    }

    @POST
    @Path("/{id}/deactivate")
    @APIResponse(responseCode = "200", description = "The link, inactive: its page takes no more payments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaymentLinkJson.class)))
    public Response deactivate(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        Caller caller = callers.caller();
        PaymentLinkRef ref = ref(caller, id);
        return writes.change(caller, idempotencyKey, uri, Map.of(), () -> json(links.deactivate(ref)));
    }

    private PaymentLinkJson json(LinkView view) {
        return PaymentLinkJson.of(view.link(), view.active(), publicUrl);
    }

    /** A malformed id names no link: 404, like an unknown one. */
    private static PaymentLinkRef ref(Caller caller, String id) {
        if (!PaymentLinkId.isWellFormed(id)) {
            throw ApiException.notFound("No such payment link: '" + (id.length() <= 64 ? id : id.substring(0, 64) + "…")
                    + "'", "id");
        }
        return new PaymentLinkRef(caller.merchantId(), caller.livemode(), new PaymentLinkId(id));
    }
}
