package dev.paysuite.payments.adapter.out.vault;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.payments.config.PaymentsConfig;
import dev.paysuite.platform.identity.ServiceTokens;
import dev.paysuite.platform.web.RequestIdFilter;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Every call payments-service makes to methods-service's internal API ({@link MethodsServiceAdapter},
 * {@link MethodsServiceCustomerAdapter}) goes through here: a service token payments-service signs
 * for the merchant and mode ({@link ServiceTokens}), the request id passed on, and one guard for the
 * one service behind them all.
 *
 * <p>Each try is bounded ({@code paysuite.payments.methods.timeout}); connection failures and 5xx
 * answers are tried again ({@code retries}, after {@code retry-delay}), a try that timed out is not
 * (it would add load to a methods-service that is too slow already); a circuit
 * breaker ({@link #CIRCUIT_BREAKER}, shared by every call) stops calling a methods-service that keeps
 * failing and fails at once until it is back. 200 is the answer, 404 is none; whatever else goes
 * wrong is a {@link DomainException} of kind {@code UNAVAILABLE} (503 with the error object, never a
 * hang and never a 500), with the caller's message. A 4xx other than 404 means this service or
 * methods-service is misconfigured (a refused service token, say): also 503, logged as an ERROR
 * with the status (never a body). Failing calls are told once when they start (WARN) and once when
 * they are over (INFO), and each change of the circuit breaker, so an outage does not flood the log.
 */
@Singleton
class MethodsServiceCalls {
    private static final Logger LOG = Logger.getLogger(MethodsServiceCalls.class);
    /** The circuit breaker's name, for its maintenance (tests reset it). */
    static final String CIRCUIT_BREAKER = "methods-service";
    private static final TypeLiteral<Uni<Optional<Object>>> ANSWER = new TypeLiteral<>() {
    };

    private final ServiceTokens tokens;
    private final Guard guard;
    /** Never wait longer than every try and every delay could take, whatever happens below. */
    private final Duration bound;
    private final AtomicBoolean failing = new AtomicBoolean();

    MethodsServiceCalls(ServiceTokens tokens, PaymentsConfig config) {
        this.tokens = tokens;
        PaymentsConfig.Methods methods = config.methods();
        PaymentsConfig.Methods.CircuitBreaker breaker = methods.circuitBreaker();
        long delay = methods.retryDelay().toMillis();
        this.guard = Guard.create()
                .withDescription("GET methods-service /internal/v1/...")
                .withRetry()
                    .maxRetries(methods.retries())
                    .delay(delay, ChronoUnit.MILLIS)
                    .jitter(delay / 2, ChronoUnit.MILLIS)
                    .whenException(MethodsServiceCalls::worthRetrying)
                    .done()
                .withCircuitBreaker()
                    .name(CIRCUIT_BREAKER)
                    .requestVolumeThreshold(breaker.requestVolumeThreshold())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .skipOn(MethodsServiceRefused.class)
                    .onStateChange(MethodsServiceCalls::circuitChanged)
                    .done()
                .withTimeout()
                    .duration(methods.timeout().toMillis(), ChronoUnit.MILLIS)
                    .done()
                .build();
        this.bound = methods.timeout().plusMillis(delay * 2).multipliedBy(methods.retries() + 1L).plusSeconds(1);
    }

    /**
     * One guarded call for a merchant. {@code request} sends it, given the {@code Authorization}
     * header and the request id (or null); {@code read} turns a 200's body into the answer (an
     * exception there means an answer payments cannot read: not tried again, 503).
     *
     * @param endpoint what is called, for the log ({@code GET /internal/v1/instruments/{ref}})
     * @param unavailableMessage the 503's message when no answer comes
     * @return the answer, or empty for a 404
     */
    <J, T> Optional<T> call(String endpoint, String merchantId, boolean livemode,
            BiFunction<String, String, Uni<J>> request, Function<J, T> read, String unavailableMessage) {
        // The merchant and the mode travel in the token: methods-service answers for them alone.
        String authorization = "Bearer " + tokens.tokenFor(merchantId, livemode);
        Object requestId = MDC.get(RequestIdFilter.MDC_KEY);
        try {
            Optional<Object> answer = guard.call(() -> attempt(request.apply(authorization,
                    requestId == null ? null : requestId.toString()), read), ANSWER).await().atMost(bound);
            if (failing.compareAndSet(true, false)) {
                LOG.info("methods-service answers again");
            }
            @SuppressWarnings("unchecked")
            Optional<T> typed = (Optional<T>) answer;
            return typed;
        } catch (MethodsServiceRefused e) {
            LOG.errorf("methods-service refused %s with status %d: a defect or a misconfiguration "
                    + "(payments-service's signing key, its trust of payments-service, or its URL); "
                    + "what needs it is refused with 503 meanwhile", endpoint, e.status);
            throw unavailable(unavailableMessage);
        } catch (Exception e) {
            if (e instanceof IllegalArgumentException || e instanceof NullPointerException) {
                LOG.errorf("methods-service answered %s with something payments cannot read (%s)", endpoint,
                        e.getMessage());
            } else if (failing.compareAndSet(false, true)) {
                LOG.warnf("methods-service cannot be reached, what needs it is refused with 503 until it answers: %s",
                        describe(e));
            } else {
                LOG.debugf("methods-service still unavailable: %s", describe(e));
            }
            throw unavailable(unavailableMessage);
        }
    }

    /** One try: 200 is the answer, 404 is none, anything else fails the try. */
    private static <J, T> Uni<Optional<Object>> attempt(Uni<J> sent, Function<J, T> read) {
        return sent
                .map(json -> Optional.<Object>of(read.apply(json)))
                .onFailure(WebApplicationException.class).recoverWithUni(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    if (status == 404) {
                        return Uni.createFrom().item(Optional.<Object>empty());
                    }
                    return Uni.createFrom().<Optional<Object>>failure(status >= 500 ? new MethodsServiceDown(status)
                            : new MethodsServiceRefused(status));
                });
    }

    /**
     * Connection failures and 5xx are; a 4xx, an open circuit, an unreadable answer and a try that
     * timed out are not. A methods-service too slow to answer in time is most often overloaded, and
     * every retry would add to the load it cannot serve while the first request still runs there.
     */
    private static boolean worthRetrying(Throwable e) {
        return !(e instanceof MethodsServiceRefused || e instanceof CircuitBreakerOpenException
                || e instanceof TimeoutException || e instanceof IllegalArgumentException
                || e instanceof NullPointerException);
    }

    private static void circuitChanged(CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            LOG.warn("Circuit breaker to methods-service open: what needs it is refused at once with 503 for a while");
        } else {
            LOG.infof("Circuit breaker to methods-service %s", state.name().toLowerCase().replace('_', '-'));
        }
    }

    private static DomainException unavailable(String message) {
        return new DomainException(DomainException.Kind.UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE, message, null);
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
