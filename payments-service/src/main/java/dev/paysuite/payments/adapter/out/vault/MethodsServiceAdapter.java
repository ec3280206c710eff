package dev.paysuite.payments.adapter.out.vault;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.payments.application.port.out.ResolvePaymentMethodPort;
import dev.paysuite.payments.config.PaymentsConfig;
import dev.paysuite.platform.identity.ServiceTokens;
import dev.paysuite.platform.web.RequestIdFilter;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Resolves payment methods and tokens with methods-service (the vault), which owns them:
 * {@code GET /internal/v1/instruments/{ref}} with a service token payments-service signs for the
 * merchant and mode of the payment ({@link ServiceTokens}), so the vault answers for them only.
 * Any caller may resolve one (a request, a reconciler): the token does not come from a request.
 *
 * <p>Each try is bounded ({@code paysuite.payments.methods.timeout}); connection failures, 5xx
 * answers and timeouts are tried again ({@code retries}, after {@code retry-delay}); a circuit
 * breaker stops calling a vault that keeps failing and fails at once until it is back. Whatever
 * goes wrong, the payment is refused before anything is recorded or charged: 503 with the error
 * object, never a hang and never a 500. A 4xx other than 404 means this service or the vault is
 * misconfigured (a refused service token, say): also 503, logged as an ERROR with the status
 * (never a body). Failing calls are told once when they start (WARN) and once when they are over
 * (INFO), and each change of the circuit breaker, so an outage does not flood the log.
 */
@ApplicationScoped
public class MethodsServiceAdapter implements ResolvePaymentMethodPort {
    private static final Logger LOG = Logger.getLogger(MethodsServiceAdapter.class);
    /** The circuit breaker's name, for its maintenance (tests reset it). */
    public static final String CIRCUIT_BREAKER = "methods-service";
    static final String UNAVAILABLE_MESSAGE = "The payment method cannot be read right now (methods-service is unavailable). "
            + "Nothing was charged; retry shortly.";
    private static final TypeLiteral<Uni<Optional<PaymentInstrument>>> ANSWER = new TypeLiteral<>() {
    };

    private final MethodsServiceClient client;
    private final ServiceTokens tokens;
    private final Guard guard;
    /** Never wait longer than every try and every delay could take, whatever happens below. */
    private final Duration bound;
    private final AtomicBoolean failing = new AtomicBoolean();

    public MethodsServiceAdapter(@RestClient MethodsServiceClient client, ServiceTokens tokens,
            PaymentsConfig config) {
        this.client = client;
        this.tokens = tokens;
        PaymentsConfig.Methods methods = config.methods();
        PaymentsConfig.Methods.CircuitBreaker breaker = methods.circuitBreaker();
        long delay = methods.retryDelay().toMillis();
        this.guard = Guard.create()
                .withDescription("GET methods-service /internal/v1/instruments/{ref}")
                .withRetry()
                    .maxRetries(methods.retries())
                    .delay(delay, ChronoUnit.MILLIS)
                    .jitter(delay / 2, ChronoUnit.MILLIS)
                    .whenException(MethodsServiceAdapter::worthRetrying)
                    .done()
                .withCircuitBreaker()
                    .name(CIRCUIT_BREAKER)
                    .requestVolumeThreshold(breaker.requestVolumeThreshold())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .skipOn(MethodsServiceRefused.class)
                    .onStateChange(MethodsServiceAdapter::circuitChanged)
                    .done()
                .withTimeout()
                    .duration(methods.timeout().toMillis(), ChronoUnit.MILLIS)
                    .done()
                .build();
        this.bound = methods.timeout().plusMillis(delay * 2).multipliedBy(methods.retries() + 1L).plusSeconds(1);
    }

    @Override
    public Optional<PaymentInstrument> resolve(String merchantId, boolean livemode, PaymentSource source) {
        // The merchant and the mode travel in the token: the vault answers for them alone.
        String authorization = "Bearer " + tokens.tokenFor(merchantId, livemode);
        Object requestId = MDC.get(RequestIdFilter.MDC_KEY);
        String ref = source.value();
        try {
            Optional<PaymentInstrument> instrument = guard
                    .call(() -> attempt(ref, authorization, requestId == null ? null : requestId.toString()), ANSWER)
                    .await().atMost(bound);
            if (failing.compareAndSet(true, false)) {
                LOG.info("methods-service answers again");
            }
            return instrument;
        } catch (MethodsServiceRefused e) {
            LOG.errorf("methods-service refused GET /internal/v1/instruments/{ref} with status %d: a defect or a "
                    + "misconfiguration (payments-service's signing key, its trust of payments-service, or its URL); "
                    + "payments are refused with 503 meanwhile",
                    e.status);
            throw unavailable();
        } catch (Exception e) {
            if (e instanceof IllegalArgumentException || e instanceof NullPointerException) {
                LOG.errorf("methods-service answered an instrument payments cannot read (%s)", e.getMessage());
            } else if (failing.compareAndSet(false, true)) {
                LOG.warnf("methods-service cannot be reached, payments are refused with 503 until it answers: %s",
                        describe(e));
            } else {
                LOG.debugf("methods-service still unavailable: %s", describe(e));
            }
            throw unavailable();
        }
    }

    /** One try: 200 is the instrument, 404 is nothing, anything else fails the try. */
    private Uni<Optional<PaymentInstrument>> attempt(String ref, String authorization, String requestId) {
        return client.instrument(ref, authorization, requestId)
                .map(json -> Optional.of(json.toInstrument()))
                .onFailure(WebApplicationException.class).recoverWithUni(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    if (status == 404) {
                        return Uni.createFrom().item(Optional.<PaymentInstrument>empty());
                    }
                    return Uni.createFrom().failure(status >= 500 ? new MethodsServiceDown(status)
                            : new MethodsServiceRefused(status));
                });
    }

    /** Connection failures, 5xx and timeouts are; a 4xx, an open circuit and an unreadable answer are not. */
    private static boolean worthRetrying(Throwable e) {
        return !(e instanceof MethodsServiceRefused || e instanceof CircuitBreakerOpenException
                || e instanceof IllegalArgumentException || e instanceof NullPointerException);
    }

    private static void circuitChanged(CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            LOG.warn("Circuit breaker to methods-service open: payments are refused at once with 503 for a while");
        } else {
            LOG.infof("Circuit breaker to methods-service %s", state.name().toLowerCase().replace('_', '-'));
        }
    }

    private static DomainException unavailable() {
        return new DomainException(DomainException.Kind.UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                UNAVAILABLE_MESSAGE, null);
    }

    /** The exception's class and message, never a body. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        return root == e ? what : what + ", caused by " + root.getClass().getSimpleName();
    }

    /** methods-service answered 5xx: it is there but cannot serve, worth another try. */
    static final class MethodsServiceDown extends RuntimeException {
        MethodsServiceDown(int status) {
            super("methods-service answered " + status, null, false, false);
        }
    }

    /** methods-service refused the call itself (a 4xx other than 404): trying again would not help. */
    static final class MethodsServiceRefused extends RuntimeException {
        final int status;

        MethodsServiceRefused(int status) {
            super("methods-service answered " + status, null, false, false);
            this.status = status;
        }
    }
}
