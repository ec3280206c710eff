package dev.paysuite.methods.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.error.ErrorType;
import dev.paysuite.kernel.id.CustomerId;
import dev.paysuite.kernel.id.PaymentMethodId;
import dev.paysuite.kernel.identity.IdentityClaims;
import dev.paysuite.methods.application.domain.model.AcquirerAnswer;
import dev.paysuite.methods.application.domain.model.Customer;
import dev.paysuite.methods.application.domain.model.Instrument;
import dev.paysuite.methods.application.domain.model.MethodInput;
import dev.paysuite.methods.application.domain.model.MethodType;
import dev.paysuite.methods.application.port.in.CustomersUseCase;
import dev.paysuite.methods.application.port.in.VaultUseCase;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.platform.error.DomainExceptionMapper;
import dev.paysuite.platform.idempotency.IdempotencyGuard;
import dev.paysuite.platform.identity.Caller;
import dev.paysuite.platform.identity.CallerContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The vault's internal API (methods-service/README.md: Internal API), and the customer lookup of
 * payments-service, for payments-service and the gateway acting for a merchant: each signs a short-lived service token with its own key, naming the
 * merchant and mode ({@code paysuite.identity.trusted-services}); a merchant's identity token opens
 * none of it. The gateway never routes {@code /internal} from outside.
 */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(IdentityClaims.SERVICE_ROLE)
public class InternalVaultResource {
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private final VaultUseCase vault;
    private final CustomersUseCase customers;
    private final CallerContext callers;

    public InternalVaultResource(VaultUseCase vault, CustomersUseCase customers, CallerContext callers) {
        this.vault = vault;
        this.customers = customers;
        this.callers = callers;
    }

    @GET
    @Path("/instruments/{ref}")
    public InstrumentJson instrument(@PathParam("ref") String ref) {
        Caller caller = callers.caller();
        Instrument instrument = mapped(() -> vault.instrument(caller.merchantId(), caller.livemode(), ref));
        return InstrumentJson.of("instrument", instrument);
    }

    /** What payments-service needs of a customer for a subscription: its default method, clock and methods. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CustomerAnswer(String id, String defaultPaymentMethodId, String testClock,
            List<String> paymentMethods) {
        static CustomerAnswer of(CustomersUseCase.WithMethods found) {
            Customer c = found.customer();
            return new CustomerAnswer(c.id().value(),
                    c.defaultPaymentMethodId() == null ? null : c.defaultPaymentMethodId().value(),
                    c.testClock() == null ? null : c.testClock().value(),
                    found.paymentMethods().stream().map(PaymentMethodId::value).toList());
        }
    }

    /** The merchant's customer in the token's mode, with its attached methods; 404 if unknown or deleted. */
    @GET
    @Path("/customers/{id}")
    public CustomerAnswer customer(@PathParam("id") String id) {
        Caller caller = callers.caller();
        return CustomerAnswer.of(mapped(() -> customers.withMethods(caller.merchantId(), caller.livemode(),
                new CustomerId(id))));
    }

    /** The body of the inline-card exchange. */
    public record ExchangeRequest(Card card) {
    }

    public record Card(String number, Integer expMonth, Integer expYear, String cvc) {
        @Override
        public String toString() {
            return "Card[…]";
        }
    }

    @POST
    @Path("/vault/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response exchange(@HeaderParam(IdempotencyGuard.HEADER) String key, ExchangeRequest body) {
        Caller caller = callers.caller();
        if (key != null && !VALID_KEY.matcher(key).matches()) {
            throw ApiException.invalid(ErrorCodes.IDEMPOTENCY_KEY_INVALID,
                    "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces.", null);
        }
        if (body == null || body.card() == null) {
            throw DomainExceptionMapper.toApiException(DomainException.missing(MethodType.CARD.field()),
                    MethodParameters::name);
        }
        Card c = body.card();
        VaultUseCase.Exchanged exchanged;
        try {
            exchanged = vault.exchange(caller.merchantId(), caller.livemode(), key,
                    new MethodInput(c.number(), c.expMonth(), c.expYear(), c.cvc(), null, null, null, null, null, null));
        } catch (DomainException e) {
            if (ErrorCodes.IDEMPOTENCY_KEY_REUSED.equals(e.code())) {
                throw new ApiException(422, ErrorType.IDEMPOTENCY, e.code(), e.getMessage(), null);
            }
            throw DomainExceptionMapper.toApiException(e, MethodParameters::name);
        }
        var token = exchanged.token();
        InstrumentJson json = InstrumentJson.of("token", new Instrument(token.id(), token.type(), token.shown(),
                vault.fingerprint(caller.merchantId(), token.secretHash()), token.vaultRecordId()));
        Response.ResponseBuilder answer = Response.status(exchanged.replayed() ? 200 : 201).entity(json);
        if (exchanged.replayed()) {
            answer.header(IdempotencyGuard.REPLAYED_HEADER, "true");
        }
        return answer.build();
    }

    /** The body of a forwarding: which card, to which acquirer, why, and the body with the card's placeholders. */
    public record ForwardRequest(String instrument, String destination, String reason, String body) {
    }

    /** The acquirer's answer. */
    public record ForwardAnswer(int status, String body) {
    }

    @POST
    @Path("/vault/forward")
    @Consumes(MediaType.APPLICATION_JSON)
    public ForwardAnswer forward(ForwardRequest body) {
        Caller caller = callers.caller();
        ForwardRequest f = body == null ? new ForwardRequest(null, null, null, null) : body;
        AcquirerAnswer answer = mapped(() -> vault.forward(new VaultUseCase.Forward(caller.merchantId(),
                caller.livemode(), f.instrument(), f.destination(), f.reason(), f.body())));
        return new ForwardAnswer(answer.status(), answer.body());
    }

    private static <T> T mapped(Supplier<T> action) {
        return CustomerResource.mapped(action);
    }
}
