package dev.paysuite.platform.tx;

import dev.paysuite.kernel.tx.Transactions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import java.util.function.Supplier;

/**
 * Use-case steps as JTA transactions. A step with no transaction on its thread gets a new one,
 * committed when it returns and rolled back when it throws. A step that finds one open (an inbound
 * adapter storing its answer with the change, the inbox recording the event it applies) runs in
 * it and leaves the outcome to whoever opened it.
 */
@ApplicationScoped
public class JtaTransactions implements Transactions {

    @Override
    public <T> T inTransaction(Supplier<T> step) {
        if (QuarkusTransaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return step.get();
        }
        return QuarkusTransaction.requiringNew().call(step::get);
    }
}
