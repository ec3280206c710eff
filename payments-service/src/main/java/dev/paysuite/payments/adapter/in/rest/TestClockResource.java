package dev.paysuite.payments.adapter.in.rest;

import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.identity.IdentityClaims;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.payments.adapter.json.TestClockJson;
import dev.paysuite.payments.application.domain.model.TestClock;
import dev.paysuite.payments.application.port.in.TestClockRef;
import dev.paysuite.payments.application.port.in.TestClocksUseCase;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.platform.error.ApiParameters;
import dev.paysuite.platform.error.DomainExceptionMapper;
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
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Test clocks ({@code /v1/test_clocks}), test mode only: a live key is refused (400
 * {@code test_mode_only}). Advancing a clock runs, at once and in order, what its subscriptions and
 * payments had due in the span: cycles, retries, ends, authorization expiries.
 */
@Path("/v1/test_clocks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(IdentityClaims.MERCHANT_ROLE)
public class TestClockResource {
    private final TestClocksUseCase clocks;
    private final CallerContext callers;
    private final IdempotentWrites writes;

    public TestClockResource(TestClocksUseCase clocks, CallerContext callers, IdempotentWrites writes) {
        this.clocks = clocks;
        this.callers = callers;
        this.writes = writes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The new test clock",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TestClockJson.class)))
    public Response create(@HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey, @Context UriInfo uri,
            CreateTestClockRequest body) {
        Caller caller = testCaller();
        CreateTestClockRequest request = body == null ? CreateTestClockRequest.EMPTY : body;
        Instant frozenTime = CreateSubscriptionRequest.instant(request.frozenTime(), "frozen_time");
        return writes.create(caller, idempotencyKey, uri, request, id -> clocks.get(ref(caller, id)),
                recorded -> clocks.create(caller.merchantId(), caller.livemode(), request.name(), frozenTime, recorded),
                TestClockJson::of);
    }

    @GET
    @Path("/{id}")
    public TestClockJson retrieve(@PathParam("id") String id) {
        return TestClockJson.of(clocks.get(ref(testCaller(), id)));
    }

    @GET
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many objects, 1 to 100 (default 10)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    public ListJson<TestClockJson> list(@QueryParam("limit") String limit,
            @QueryParam("starting_after") String startingAfter, @QueryParam("ending_before") String endingBefore,
            @QueryParam("offset") String offset, @Context UriInfo uri) {
        Caller caller = testCaller();
        PageQuery page = new PageQuery(QueryParams.integer(limit, "limit", PageQuery.DEFAULT_LIMIT),
                QueryParams.blankToNull(startingAfter), QueryParams.blankToNull(endingBefore), QueryParams.integer(offset, "offset", 0));
        return ListJson.of(uri.getPath(), clocks.list(caller.merchantId(), page), TestClockJson::of);
    }

    @POST
    @Path("/{id}/advance")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The clock at its new time (ready), every job due in the span "
            + "done; or still advancing when the span held more jobs than one request runs (it finishes on its own)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TestClockJson.class)))
    public Response advance(@PathParam("id") String id, @HeaderParam(IdempotencyGuard.HEADER) String idempotencyKey,
            @Context UriInfo uri, AdvanceTestClockRequest body) {
        Caller caller = testCaller();
        TestClockRef ref = ref(caller, id);
        AdvanceTestClockRequest request = body == null ? AdvanceTestClockRequest.EMPTY : body;
        Instant to = CreateSubscriptionRequest.instant(request.frozenTime(), "frozen_time");
        if (to == null) {
            throw ApiException.invalid(ErrorCodes.PARAMETER_MISSING, "Missing required parameter: frozen_time.",
                    "frozen_time");
        }
        return writes.change(caller, idempotencyKey, uri, request, () -> TestClockJson.of(clocks.advance(ref, to)));
    }

    /** Live mode has no test clocks. */
    private Caller testCaller() {
        Caller caller = callers.caller();
        if (caller.livemode()) {
            throw DomainExceptionMapper.toApiException(TestClock.testModeOnly(), ApiParameters::name);
        }
        return caller;
    }

    /** A malformed id names no clock: 404, like an unknown one. */
    private static TestClockRef ref(Caller caller, String id) {
        if (!TestClockId.isWellFormed(id)) {
            throw ApiException.notFound("No such test clock: '" + (id.length() <= 64 ? id : id.substring(0, 64) + "…")
                    + "'", "id");
        }
        return new TestClockRef(caller.merchantId(), new TestClockId(id));
    }
}
