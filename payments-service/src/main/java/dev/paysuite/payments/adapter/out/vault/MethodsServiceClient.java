package dev.paysuite.payments.adapter.out.vault;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * methods-service's internal API, as pinned in methods-service/README.md ("Internal API"): the
 * instrument behind a stored method or a token, and a customer with its methods, for the merchant
 * payments-service's service token acts for.
 * Its URL is {@code quarkus.rest-client.methods.url}.
 */
@RegisterRestClient(configKey = "methods")
@Path("/internal/v1")
public interface MethodsServiceClient {

    /** 200 with the instrument; 404 when the merchant has no such method or token (a failed Uni of a WebApplicationException). */
    @GET
    @Path("/instruments/{ref}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<InstrumentJson> instrument(@PathParam("ref") String ref, @HeaderParam("Authorization") String authorization,
            @HeaderParam("Request-Id") String requestId);

    /** 200 with the customer; 404 when the merchant has no such customer, or it was deleted (a failed Uni, as above). */
    @GET
    @Path("/customers/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<CustomerJson> customer(@PathParam("id") String id, @HeaderParam("Authorization") String authorization,
            @HeaderParam("Request-Id") String requestId);
}
