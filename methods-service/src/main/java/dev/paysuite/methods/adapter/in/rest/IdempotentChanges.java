package dev.paysuite.methods.adapter.in.rest;

import dev.paysuite.kernel.tx.Transactions;
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
 * A change to a customer or method at most once per Idempotency-Key: none of them calls another
 * system, so the change and the key's answer commit in one transaction (the use case's step joins
 * it), and a retry replays the answer.
 */
@ApplicationScoped
public class IdempotentChanges {
    private final IdempotencyGuard idempotency;
    private final Transactions transactions;
    private final Answers answers;

    public IdempotentChanges(IdempotencyGuard idempotency, Transactions transactions, Answers answers) {
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.answers = answers;
    }

    /** {@code request} is what a reuse of the key must match: never a number in clear (see the callers). */
    <T> Response run(Caller caller, String key, UriInfo uri, Object request, int status, Supplier<T> change,
            Function<T, Object> json) {
        IdempotentRequest idempotent = new IdempotentRequest(caller.merchantId(), caller.livemode(), key, "POST",
                uri.getPath(), request);
        return Answers.toResponse(idempotency.execute(idempotent, claim -> transactions.inTransaction(() -> {
            T changed = CustomerResource.mapped(change);
            return claim.complete(answers.json(status, json.apply(changed)));
        })));
    }
}
