package dev.paysuite.payments.adapter.in.rest;

import dev.paysuite.kernel.id.PaymentLinkId;
import dev.paysuite.kernel.identity.IdentityClaims;
import dev.paysuite.payments.application.port.in.PayPaymentLinkUseCase;
import dev.paysuite.platform.error.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * What the gateway asks before it exchanges a card typed on a link's page: whose link it is, so the
 * vault keeps the card for that merchant and mode. Internal: a service token only (the gateway's,
 * {@code paysuite.identity.trusted-services}); the gateway never routes {@code /internal}.
 */
@Path("/internal/v1/payment_links")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(IdentityClaims.SERVICE_ROLE)
public class InternalPaymentLinkResource {
    /** A link's owner, for the card exchange; {@code payable} is false when its page takes no payment now. */
    public record LinkOwner(String id, String merchantId, boolean livemode, boolean payable,
            List<String> paymentMethodTypes) {
    }

    private final PayPaymentLinkUseCase links;

    public InternalPaymentLinkResource(PayPaymentLinkUseCase links) {
        this.links = links;
    }

    @GET
    @Path("/{id}")
    public LinkOwner owner(@PathParam("id") String id) {
        return (PaymentLinkId.isWellFormed(id) ? links.find(new PaymentLinkId(id)) : java.util.Optional
                .<PayPaymentLinkUseCase.HostedLink>empty())
                .map(h -> new LinkOwner(h.link().id().value(), h.link().merchantId(), h.link().livemode(),
                        h.unpayableReason() == null, h.link().paymentMethodTypes()))
                .orElseThrow(() -> ApiException.notFound("No such payment link", "id"));
    }
}
