package dev.paysuite.platform.hexagonfixtures.good.config;

import dev.paysuite.kernel.tx.Transactions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.Supplier;

/** The one kind of class that may begin a transaction: an implementation of Transactions. */
public class StepTransactions implements Transactions {

    @Override
    public <T> T inTransaction(Supplier<T> step) {
        return QuarkusTransaction.joiningExisting().call(step::get);
    }
}
