package dev.paysuite.platform.idempotency;

import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.platform.identity.Caller;
import dev.paysuite.platform.web.Answers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A change at most once per Idempotency-Key, for changes that call no other system (a customer, a
 * method, a webhook endpoint): the change and the key's answer commit in one transaction (the use
 * case's step joins it), and a retry with the key replays the answer. A change that calls another
 * system (a payment, a refund) binds its key step by step instead, with {@link IdempotencyGuard}.
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

    /**
     * @param request what a reuse of the key must match (never a secret or a card number in clear)
     * @param change the change, inside the transaction; it maps its own domain errors to answers
     * @param json the answer's body, stored for replays too
     */
    public <T> Response run(Caller caller, String key, UriInfo uri, Object request, int status, Supplier<T> change,
            Function<T, Object> json) {
        return run(caller, key, uri, request, status, change, json, json);
    }

    /**
     * As above, when the first answer shows what a replay must not (a secret revealed once): the
     * replay gets {@code stored}, the caller this time {@code answered}.
     */
    public <T> Response run(Caller caller, String key, UriInfo uri, Object request, int status, Supplier<T> change,
            Function<T, Object> stored, Function<T, Object> answered) {
        IdempotentRequest idempotent = new IdempotentRequest(caller.merchantId(), caller.livemode(), key, "POST",
                uri.getPath(), request);
        return Answers.toResponse(idempotency.execute(idempotent, claim -> transactions.inTransaction(() -> {
            T changed = change.get();
            StoredAnswer replay = claim.complete(answers.json(status, stored.apply(changed)));
            return stored == answered ? replay : answers.json(status, answered.apply(changed));
        })));
    }
}
