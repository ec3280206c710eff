package dev.paysuite.gateway.application.domain.service;

import dev.paysuite.gateway.application.domain.model.Admission;
import dev.paysuite.gateway.application.domain.model.Authentication;
import dev.paysuite.gateway.application.domain.model.RateLimitBucket;
import dev.paysuite.gateway.application.domain.model.RateLimitDecision;
import dev.paysuite.gateway.application.domain.model.RateLimitPolicy;
import dev.paysuite.gateway.application.domain.model.Scope;
import dev.paysuite.gateway.application.port.in.AdmitRequestCommand;
import dev.paysuite.gateway.application.port.in.AdmitRequestUseCase;
import dev.paysuite.gateway.application.port.in.AuthenticateApiKeyUseCase;
import dev.paysuite.gateway.application.port.out.ConsumeRateLimitPort;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Authentication first, then the rate limit. A request with a valid key counts against its key
 * only, whatever its client address did: behind a load balancer every client may share one
 * address, so an address limit on valid keys would let anyone lock every merchant out. A request
 * that fails to authenticate counts against its client address with the default policy, which
 * slows key guessing down; the keys' entropy does the rest. A key restricted to some scopes is
 * refused (403) what none of them covers ({@link Scope#requiredFor}); that request still counts.
 */
public class AdmitRequestService implements AdmitRequestUseCase {
    private final AuthenticateApiKeyUseCase authenticate;
    private final ConsumeRateLimitPort rateLimits;
    private final RateLimitPolicy clientAddressPolicy;
    private final Clock clock;

    public AdmitRequestService(AuthenticateApiKeyUseCase authenticate, ConsumeRateLimitPort rateLimits,
            RateLimitPolicy clientAddressPolicy, Clock clock) {
        this.authenticate = authenticate;
        this.rateLimits = rateLimits;
        this.clientAddressPolicy = clientAddressPolicy;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Admission> admit(AdmitRequestCommand command) {
        return authenticate.authenticate(command.authorization()).thenCompose(authentication -> {
            if (authentication instanceof Authentication.Authenticated authenticated) {
                var caller = authenticated.caller();
                Optional<Scope> needed = Scope.requiredFor(command.method(), command.path())
                        .filter(scope -> !caller.permissions().permits(scope));
                return rateLimits.consume(RateLimitBucket.forKey(caller.keyId(), command.surface(), authenticated.rateLimit()))
                        .thenApply(decision -> !decision.allowed()
                                ? new Admission.RateLimited(Optional.of(caller), decision)
                                : needed.<Admission>map(scope -> new Admission.Forbidden(caller, scope, decision))
                                        .orElseGet(() -> new Admission.Admitted(caller, decision)));
            }
            if (authentication instanceof Authentication.Unavailable) {
                // Not the client's fault: counting it would lock clients out after the outage.
                return CompletableFuture.completedFuture(new Admission.KeyStoreUnavailable(
                        RateLimitDecision.uncounted(clientAddressPolicy, clock.millis())));
            }
            boolean keyPresented = !(authentication instanceof Authentication.Missing);
            return rateLimits.consume(RateLimitBucket.forClient(command.clientAddress(), clientAddressPolicy))
                    .thenApply(decision -> decision.allowed()
                            ? new Admission.Unauthenticated(keyPresented, decision)
                            : new Admission.RateLimited(Optional.empty(), decision));
        });
    }
}
