package dev.paysuite.payments.adapter.in.rest;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.tx.Recorded;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.platform.error.ApiParameters;
import dev.paysuite.platform.error.DomainExceptionMapper;
import dev.paysuite.platform.idempotency.IdempotencyGuard;
import dev.paysuite.platform.idempotency.IdempotentRequest;
import dev.paysuite.platform.identity.Caller;
import dev.paysuite.platform.web.Answers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The shape every write of a merchant's object takes under an {@code Idempotency-Key} (links,
 * subscriptions, test clocks): the first request does it and its answer is stored with the key in
 * the same step; a retry replays that answer; a retry after a crash that bound the key to the new
 * object answers that object. Domain refusals become the error object, naming the wire parameter.
 */
@ApplicationScoped
public class IdempotentWrites {
    private final IdempotencyGuard idempotency;
    private final Transactions transactions;
    private final Answers answers;

    public IdempotentWrites(IdempotencyGuard idempotency, Transactions transactions, Answers answers) {
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.answers = answers;
    }

    /**
     * Creates an object ({@code create}, told its id in the step that records it), or, when the key
     * is already bound to one, reads it ({@code resumed}); answers 201 with {@code json} of it.
     */
    public <T> Response create(Caller caller, String key, UriInfo uri, Object request, Function<String, T> resumed,
            Function<Recorded, T> create, Function<T, Object> json) {
        IdempotentRequest idempotent = new IdempotentRequest(caller.merchantId(), caller.livemode(), key, "POST",
                uri.getPath(), request);
        try {
            return Answers.toResponse(idempotency.execute(idempotent, claim -> {
                T made = claim.resumed().isPresent() ? resumed.apply(claim.resumed().get())
                        : create.apply(id -> claim.bind(id.value()));
                var answer = answers.json(201, json.apply(made));
                return transactions.inTransaction(() -> claim.complete(answer));
            }));
        } catch (DomainException e) {
            throw DomainExceptionMapper.toApiException(e, ApiParameters::name);
        }
    }

    /** Changes an object; answers 200 with what {@code change} gives. */
    public Response change(Caller caller, String key, UriInfo uri, Object request, Supplier<Object> change) {
        IdempotentRequest idempotent = new IdempotentRequest(caller.merchantId(), caller.livemode(), key, "POST",
                uri.getPath(), request);
        try {
            return Answers.toResponse(idempotency.execute(idempotent, claim -> {
                var answer = answers.json(200, change.get());
                return transactions.inTransaction(() -> claim.complete(answer));
            }));
        } catch (DomainException e) {
            throw DomainExceptionMapper.toApiException(e, ApiParameters::name);
        }
    }
}
