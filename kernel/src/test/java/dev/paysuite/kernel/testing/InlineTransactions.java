package dev.paysuite.kernel.testing;

import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.kernel.tx.Transactions;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * {@link Transactions} for plain-Java tests of use cases: runs each step inline and knows whether
 * one is running. {@link #guard} wraps an in-memory out-port so that a call to one of its
 * {@link ChangesState} methods outside a step fails the test: a use case that changes state
 * without declaring the step it does so in cannot pass its own tests.
 */
public final class InlineTransactions implements Transactions {
    private int depth;
    private int stepsRun;

    @Override
    public <T> T inTransaction(Supplier<T> step) {
        if (depth++ == 0) {
            stepsRun++;
        }
        try {
            return step.get();
        } finally {
            depth--;
        }
    }

    public boolean inStep() {
        return depth > 0;
    }

    /** How many outermost steps (transactions) ran so far. */
    public int stepsRun() {
        return stepsRun;
    }

    /** {@code fake}, seen as {@code port}, refusing state changes made outside a step. */
    public <P> P guard(Class<P> port, P fake) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(fake, args);
            }
            if (changesState(port, method) && !inStep()) {
                throw new AssertionError(port.getSimpleName() + "." + method.getName()
                        + " was called outside a use-case step (Transactions.inTransaction)");
            }
            try {
                method.setAccessible(true); // fakes are often package-private classes of the test
                return method.invoke(fake, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] { port }, handler));
    }

    private static boolean changesState(Class<?> port, Method method) {
        return method.isAnnotationPresent(ChangesState.class) || method.getDeclaringClass().isAnnotationPresent(
                ChangesState.class) || port.isAnnotationPresent(ChangesState.class);
    }
}
