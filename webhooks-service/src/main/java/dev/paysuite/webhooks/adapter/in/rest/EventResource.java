package dev.paysuite.webhooks.adapter.in.rest;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.identity.IdentityClaims;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.platform.identity.Caller;
import dev.paysuite.platform.identity.CallerContext;
import dev.paysuite.platform.web.ListJson;
import dev.paysuite.platform.web.QueryParams;
import dev.paysuite.webhooks.adapter.json.EventJson;
import dev.paysuite.webhooks.application.port.in.EventsUseCase;
import dev.paysuite.webhooks.application.port.in.EventsUseCase.ListEvents;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** The Events API ({@code /v1/events}): the merchant's visible events in the caller's mode, newest first. */
@Path("/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(IdentityClaims.MERCHANT_ROLE)
public class EventResource {
    /** More types than exist would be a mistake: every type is far fewer. */
    private static final int MAX_TYPES = 50;
    private final EventsUseCase events;
    private final CallerContext callers;

    public EventResource(EventsUseCase events, CallerContext callers) {
        this.events = events;
        this.callers = callers;
    }

    @GET
    @Path("/{id}")
    public EventJson retrieve(@PathParam("id") String id) {
        Caller caller = callers.caller();
        if (!id.startsWith(EventId.PREFIX) || id.length() > 64) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                    "No such event: '" + id + "'", "id");
        }
        return EventJson.of(events.get(caller.merchantId(), caller.livemode(), new EventId(id)));
    }

    @GET
    public ListJson<EventJson> list(@QueryParam("type") String type, @QueryParam("created_after") String createdAfter,
            @QueryParam("created_before") String createdBefore, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @QueryParam("starting_after") String startingAfter,
            @QueryParam("ending_before") String endingBefore, @Context UriInfo uri) {
        Caller caller = callers.caller();
        PageQuery page = new PageQuery(QueryParams.integer(limit, "limit", PageQuery.DEFAULT_LIMIT),
                blank(startingAfter) ? null : startingAfter.trim(), blank(endingBefore) ? null : endingBefore.trim(),
                QueryParams.integer(offset, "offset", 0));
        Instant after = QueryParams.instant(createdAfter, "created_after");
        Instant before = QueryParams.instant(createdBefore, "created_before");
        return ListJson.of(uri.getPath(), events.list(new ListEvents(caller.merchantId(), caller.livemode(),
                types(type), after, before, page)), EventJson::of);
    }

    /** {@code type}: one type or a comma-separated list; a type nobody publishes simply matches nothing. */
    private static Set<String> types(String type) {
        if (blank(type)) {
            return Set.of();
        }
        Set<String> types = new LinkedHashSet<>();
        for (String t : Arrays.asList(type.split(",", -1))) {
            String trimmed = t.trim();
            if (trimmed.isEmpty() || trimmed.length() > 64) {
                throw ApiException.invalid(ErrorCodes.PARAMETER_INVALID,
                        "Invalid type: a type or a comma-separated list of types.", "type");
            }
            types.add(trimmed);
        }
        if (types.size() > MAX_TYPES) {
            throw ApiException.invalid(ErrorCodes.PARAMETER_INVALID, "Invalid type: at most " + MAX_TYPES + " types.",
                    "type");
        }
        return types;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
