package dev.paysuite.payments.adapter.in.rest;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.identity.IdentityClaims;
import dev.paysuite.payments.application.domain.model.AuthenticationChallenge;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import dev.paysuite.payments.application.port.in.AnswerChallengeCommand;
import dev.paysuite.payments.application.port.in.AuthenticationChallengeUseCase;
import dev.paysuite.payments.application.port.in.AuthenticationChallengeUseCase.ChallengeView;
import dev.paysuite.platform.error.ApiParameters;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The simulated issuer's 3-D Secure challenge page, which the payer opens from
 * {@code next_action.redirect_to_url.url} through the gateway with no API key (the gateway's
 * public identity token). Answering it goes on with the payment at once, then sends the payer to
 * the payment's {@code return_url} (303, {@code payment_id} added) or shows the result. Every
 * answer is an HTML page, refusals included.
 */
@Path("/3ds")
@RolesAllowed(IdentityClaims.PUBLIC_ROLE)
public class ThreeDSecureResource {
    static final MediaType HTML = MediaType.valueOf("text/html; charset=utf-8");

    private final AuthenticationChallengeUseCase challenges;
    private final Template challengePage;
    private final Template resultPage;
    private final Template messagePage;

    public ThreeDSecureResource(AuthenticationChallengeUseCase challenges,
            @Location("threeds/challenge.html") Template challengePage,
            @Location("threeds/result.html") Template resultPage,
            @Location("threeds/message.html") Template messagePage) {
        this.challenges = challenges;
        this.challengePage = challengePage;
        this.resultPage = resultPage;
        this.messagePage = messagePage;
    }

    @GET
    @Operation(hidden = true)
    @Path("/{challengeId}")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("challengeId") String challengeId) {
        ChallengeView view;
        try {
            view = challenges.show(challengeId);
        } catch (DomainException e) {
            return refused(e);
        }
        AuthenticationChallenge challenge = view.challenge();
        Payment payment = view.payment();
        if (challenge.isAnswered()) {
            return message(200, "Authentication already answered", "This authentication was already "
                    + (challenge.state() == AuthenticationChallenge.State.APPROVED ? "completed" : "failed")
                    + ". It can be answered only once.");
        }
        if (payment.status() != PaymentStatus.REQUIRES_ACTION) {
            return message(200, "Nothing to authenticate", "This payment no longer waits for authentication: it is "
                    + payment.status().wireName().replace('_', ' ') + ".");
        }
        return html(200, challengePage.data("amount", amount(payment)).data("description", payment.description())
.render());
    }

    @POST
    @Operation(hidden = true)
    @Path("/{challengeId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response answer(@PathParam("challengeId") String challengeId, @FormParam("outcome") String outcome) {
        ChallengeView view;
        try {
            view = challenges.answer(AnswerChallengeCommand.of(challengeId, outcome));
        } catch (DomainException e) {
            return refused(e);
        }
        Payment payment = view.payment();
        return payment.returnUrlWithPaymentId()
                .map(url -> Response.seeOther(URI.create(url)).build())
                .orElseGet(() -> html(200, resultPage.data("succeeded", succeeded(payment))
                        .data("status", payment.status().wireName())
                        .data("amount", amount(payment))
                        .data("failure", payment.failure() == null ? null : payment.failure().message()).render()));
    }

    private static boolean succeeded(Payment payment) {
        return payment.status() == PaymentStatus.SUCCEEDED || payment.status() == PaymentStatus.REQUIRES_CAPTURE;
    }

    private Response refused(DomainException e) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            default -> 400;
        };
        String title = switch (status) {
            case 404 -> "Authentication not found";
            case 409 -> "Authentication already answered";
            default -> "Invalid answer";
        };
        String text = status == 404 ? "This authentication page does not exist. Check the link you followed."
                : e.message(ApiParameters::name);
        return message(status, title, text);
    }

    private Response message(int status, String title, String text) {
        return html(status, messagePage.data("title", title).data("message", text).render());
    }

    private static Response html(int status, String body) {
        return Response.status(status).type(HTML).entity(body).build();
    }

    private static String amount(Payment payment) {
        return payment.amount().currency().toMajor(payment.amount().amount()) + " "
                + payment.amount().currency().code();
    }
}
