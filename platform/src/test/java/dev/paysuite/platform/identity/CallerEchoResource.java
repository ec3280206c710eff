package dev.paysuite.platform.identity;

import dev.paysuite.kernel.identity.IdentityClaims;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A public and an internal route of the platform's test app, each answering who called. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CallerEchoResource {
    private final CallerContext callers;

    public CallerEchoResource(CallerContext callers) {
        this.callers = callers;
    }

    @GET
    @Path("/v1/test/caller")
    @RolesAllowed(IdentityClaims.MERCHANT_ROLE)
    public Caller publicCaller() {
        return callers.caller();
    }

    @GET
    @Path("/internal/v1/test/caller")
    @RolesAllowed(IdentityClaims.SERVICE_ROLE)
    public Caller internalCaller() {
        return callers.caller();
    }
}
