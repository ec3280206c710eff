package dev.paysuite.payments.adapter.in.web;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.PaymentLinkId;
import dev.paysuite.kernel.identity.IdentityClaims;
import dev.paysuite.payments.adapter.json.PaymentLinkJson;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentLink;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import dev.paysuite.payments.application.port.in.PayPaymentLinkUseCase;
import dev.paysuite.payments.application.port.in.PayPaymentLinkUseCase.HostedLink;
import dev.paysuite.payments.application.port.in.PayPaymentLinkUseCase.PayCommand;
import dev.paysuite.payments.config.PaymentsConfig;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A payment link's public page, {@code /pay/{id}} (the gateway serves it without an API key): the
 * amount, a form per method type the link allows, the errors in the page, and the receipt. Card
 * details never come here: the gateway exchanged them with the vault and sends the token in
 * {@code source}, or what the vault refused in {@code card_error}. Server-rendered (Qute), no script,
 * no resource from elsewhere.
 */
@Path("/pay")
@RolesAllowed(IdentityClaims.PUBLIC_ROLE)
@Produces(MediaType.TEXT_HTML)
public class HostedPaymentPageResource {
    static final String HTML = "text/html; charset=utf-8";
    /** No script at all, styles only inline, forms only back here; never framed (clickjacking). */
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "form-action 'self' %s; frame-ancestors 'none'; base-uri 'none'";

    private final PayPaymentLinkUseCase links;
    private final Template page;
    private final Template receipt;
    private final Template message;
    private final String publicUrl;
    /** The pages' policy: forms post here, and their redirects stay on the public origin (a challenge). */
    private final String csp;

    public HostedPaymentPageResource(PayPaymentLinkUseCase links, @Location("pay/page.html") Template page,
            @Location("pay/receipt.html") Template receipt, @Location("pay/message.html") Template message,
            PaymentsConfig config) {
        this.links = links;
        this.page = page;
        this.receipt = receipt;
        this.message = message;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
        URI origin = URI.create(publicUrl);
        this.csp = CSP.formatted(origin.getScheme() + "://" + origin.getRawAuthority());
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public Response show(@PathParam("id") String id) {
        Optional<HostedLink> hosted = find(id);
        if (hosted.isEmpty()) {
            return notFound();
        }
        if (hosted.get().unpayableReason() != null) {
            return gone(hosted.get());
        }
        return form(hosted.get().link(), 200, null);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response pay(@PathParam("id") String id, @FormParam("method") String method,
            @FormParam("source") String source, @FormParam("card_name") String cardholder,
            @FormParam("card_error") String cardError, @FormParam("card_error_status") String cardErrorStatus) {
        Optional<HostedLink> hosted = find(id);
        if (hosted.isEmpty()) {
            return notFound();
        }
        PaymentLink link = hosted.get().link();
        if (hosted.get().unpayableReason() != null) {
            return gone(hosted.get());
        }
        if (cardError != null && !cardError.isBlank()) {
            return form(link, "503".equals(cardErrorStatus) ? 503 : 400, cardError);
        }
        Payment payment;
        try {
            payment = links.pay(new PayCommand(link.id(), method, source, cardholder, receiptUrl(link)));
        } catch (DomainException e) {
            int status = switch (e.kind()) {
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case UNAVAILABLE -> 503;
                case UNPROCESSABLE -> 422;
                default -> 400;
            };
            return form(link, status, e.getMessage().replaceAll("[{}]", ""));
        }
        return after(link, payment, true);
    }

    @GET
    @Path("/{id}/receipt")
    @Operation(hidden = true)
    public Response receipt(@PathParam("id") String id, @QueryParam("payment_id") String paymentId) {
        Optional<HostedLink> hosted = find(id);
        if (hosted.isEmpty() || !PaymentId.isWellFormed(paymentId)) {
            return notFound();
        }
        PaymentLink link = hosted.get().link();
        Optional<Payment> payment = links.payment(link.id(), new PaymentId(paymentId));
        return payment.map(p -> after(link, p, false)).orElseGet(this::notFound);
    }

    /** Where a payment goes on from: its receipt, its 3-D Secure challenge, or the form with its error. */
    private Response after(PaymentLink link, Payment payment, boolean justPaid) {
        PaymentStatus status = payment.status();
        if (status == PaymentStatus.REQUIRES_ACTION && payment.nextAction() != null) {
            return seeOther(payment.nextAction().redirectUrl());
        }
        if (status == PaymentStatus.FAILED) {
            return form(link, justPaid ? 402 : 200, payment.failure() == null ? "The payment failed."
                    : payment.failure().message());
        }
        if (status == PaymentStatus.CANCELED) {
            return form(link, 200, "This payment was canceled. You can try again.");
        }
        if (justPaid) {
            // relative: the browser stays on the origin it used (the public URL may name another host)
            return seeOther("/pay/" + link.id().value() + "/receipt?payment_id=" + payment.id().value());
        }
        boolean done = status != PaymentStatus.PROCESSING && status != PaymentStatus.PENDING;
        String redirect = done && link.redirectUrl() != null ? link.redirectUrl() : null;
        PaymentInstrument paidWith = payment.instrument();
        return html(200, receipt.data("paymentId", payment.id().value()).data("status", payment.status().wireName())
                .data("paidWith", paidWith == null || paidWith.last4() == null ? null
                        : (paidWith.brand() == null ? paidWith.type() : paidWith.brand()) + " ending in " + paidWith.last4())
                .data("done", done)
                .data("amount", AmountFormat.of(payment.amount())).data("title", title(link))
                .data("redirect", redirect).data("refreshSelf", done ? null
                        : receiptUrl(link) + "?payment_id=" + payment.id().value())
                .data("test", !link.livemode()).render());
    }

    private Response form(PaymentLink link, int status, String error) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (PaymentLink.LineItem item : link.lineItems()) {
            items.add(Map.of("name", item.name(), "quantity", item.quantity(),
                    "total", AmountFormat.of(item.quantity() * item.unitAmount(), link.amount())));
        }
        List<Map<String, Object>> wallets = new ArrayList<>();
        for (String type : link.paymentMethodTypes()) {
            if (!type.equals(PaymentInstrument.CARD)) {
                wallets.add(Map.of("type", type, "label", label(type),
                        "buttonId", link.paymentMethodTypes().size() == 1 ? "pay-button" : "pay-" + type));
            }
        }
        String amount = AmountFormat.of(link.amount());
        return html(status, page.data("title", title(link)).data("amount", amount)
                .data("items", items).data("card", link.paymentMethodTypes().contains(PaymentInstrument.CARD))
                .data("wallets", wallets).data("error", error).data("action", "/pay/" + link.id().value())
                .data("test", !link.livemode()).render());
    }

    private Response gone(HostedLink hosted) {
        return html(410, message.data("title", hosted.unpayableReason()).data("detail",
                "Ask the merchant for a new link.").render());
    }

    private Response notFound() {
        return html(404, message.data("title", "This payment link does not exist.")
                .data("detail", "Check the address, or ask the merchant for a new link.").render());
    }

    private Optional<HostedLink> find(String id) {
        return PaymentLinkId.isWellFormed(id) ? links.find(new PaymentLinkId(id)) : Optional.empty();
    }

    private String receiptUrl(PaymentLink link) {
        return PaymentLinkJson.pageUrl(publicUrl, link) + "/receipt";
    }

    private static String title(PaymentLink link) {
        return link.description() != null ? link.description() : "Payment";
    }

    private static String label(String type) {
        return switch (type) {
            case PaymentInstrument.BITCOIN -> "Bitcoin";
            case PaymentInstrument.ETHEREUM -> "Ethereum";
            default -> type;
        };
    }

    private Response html(int status, String body) {
        return Response.status(status).entity(body).type(HTML).header("Cache-Control", "no-store")
                .header("Content-Security-Policy", csp).header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer").header("X-Content-Type-Options", "nosniff").build();
    }

    /** 303 with the Location as given (JAX-RS would make a relative one absolute on this service's own host). */
    private static Response seeOther(String url) {
        return Response.status(303).header("Location", url).header("Cache-Control", "no-store").build();
    }
}
