package dev.paysuite.webhooks.adapter.in.rest;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.identity.IdentityClaims;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.platform.error.DomainExceptionMapper;
import dev.paysuite.platform.identity.Caller;
import dev.paysuite.platform.identity.CallerContext;
import dev.paysuite.platform.web.ListJson;
import dev.paysuite.platform.web.QueryParams;
import dev.paysuite.webhooks.adapter.json.EventJson;
import dev.paysuite.webhooks.application.port.in.EventsUseCase;
import dev.paysuite.webhooks.application.port.in.EventsUseCase.ListEvents;
import dev.paysuite.webhooks.application.port.in.StreamEventsUseCase;
import dev.paysuite.webhooks.application.port.in.StreamEventsUseCase.StreamPosition;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The Events API ({@code /v1/events}): the merchant's visible events in the caller's mode, newest first. */
@Path("/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(IdentityClaims.MERCHANT_ROLE)
public class EventResource {
    /** More types than exist would be a mistake: every type is far fewer. */
    private static final int MAX_TYPES = 50;
    private final EventsUseCase events;
    private final StreamEventsUseCase streamEvents;
    private final EventStreams streams;
    private final CallerContext callers;

    public EventResource(EventsUseCase events, StreamEventsUseCase streamEvents, EventStreams streams,
            CallerContext callers) {
        this.events = events;
        this.streamEvents = streamEvents;
        this.streams = streams;
        this.callers = callers;
    }

    /**
     * The live stream (Server-Sent Events): {@code id:} the event id, {@code event:} its type,
     * {@code data:} the Event object. Without {@code Last-Event-ID} it starts with what happens
     * next; with one, just after that event, so a client that reconnects misses nothing and gets
     * nothing twice. {@code types}: one type or a comma-separated list (repeatable).
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public void stream(@QueryParam("types") List<String> types, @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        Caller caller = callers.caller();
        Set<String> wanted = new LinkedHashSet<>();
        for (String t : types) {
            wanted.addAll(types(t, "types"));
        }
        if (wanted.size() > MAX_TYPES) {
            throw ApiException.invalid(ErrorCodes.PARAMETER_INVALID, "Invalid types: at most " + MAX_TYPES + " types.",
                    "types");
        }
        StreamPosition start;
        try {
            start = streamEvents.open(caller.merchantId(), caller.livemode(), wanted, lastEventId(lastEventId));
        } catch (DomainException e) {
            throw DomainExceptionMapper.toApiException(e, UnaryOperator.identity()); // the header's own name
        }
        streams.open(start, sink, sse);
    }

    /**
     * HEAD of the stream: its head only, and no stream opened (left to JAX-RS, HEAD would run the GET
     * and hold the connection open with no body to send, so the next request on it would wait).
     */
    @HEAD
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Response streamHead() {
        callers.caller();
        return Response.ok().type(MediaType.SERVER_SENT_EVENTS_TYPE).header("Cache-Control", "no-cache").build();
    }

    private static Optional<EventId> lastEventId(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String id = value.trim();
        if (!id.startsWith(EventId.PREFIX) || id.length() > 64) {
            throw ApiException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "Last-Event-ID must be the id of an event the stream sent (evt_...).", "Last-Event-ID");
        }
        return Optional.of(new EventId(id));
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
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many objects, 1 to 100 (default 10)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "How many objects to skip (default 0)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
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
                types(type, "type"), after, before, page)), EventJson::of);
    }

    /** {@code type}: one type or a comma-separated list; a type nobody publishes simply matches nothing. */
    private static Set<String> types(String type, String param) {
        if (blank(type)) {
            return Set.of();
        }
        Set<String> types = new LinkedHashSet<>();
        for (String t : Arrays.asList(type.split(",", -1))) {
            String trimmed = t.trim();
            if (trimmed.isEmpty() || trimmed.length() > 64) {
                throw ApiException.invalid(ErrorCodes.PARAMETER_INVALID,
                        "Invalid " + param + ": a type or a comma-separated list of types.", param);
            }
            types.add(trimmed);
        }
        if (types.size() > MAX_TYPES) {
            throw ApiException.invalid(ErrorCodes.PARAMETER_INVALID, "Invalid " + param + ": at most " + MAX_TYPES
                    + " types.", param);
        }
        return types;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
