package dev.paysuite.platform.persistence;

import dev.paysuite.kernel.error.DomainException;
import java.io.IOException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.transaction.xa.XAException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a failure that says "not now" from any other: the service's database (or a dependency of
 * the domain) cannot answer at the moment, and the same work will succeed once it can. The inbox
 * retries such an event for as long as that takes; the API's error mappers answer such a request
 * 503 with Retry-After. Also gives a failure's short, masked reason for logs and records.
 */
public final class TransientFailures {
    /**
     * SQLState classes and codes that mean "not now": 08 connection exceptions, 53 insufficient
     * resources (too many connections, disk full), 57P01-57P03 the server shutting down or starting
     * up, 40001 serialization failure, 40P01 deadlock (both: the transaction lost a race, run it again).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01");
    /** Long digit runs (a card number, should one ever reach a message) never leave in a reason. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d[\\d -]{10,}\\d");
    private static final int MAX_REASON = 300;

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof JDBCConnectionException || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
            if (t instanceof XAException xa && (xa.errorCode == XAException.XAER_RMFAIL
                    || xa.errorCode == XAException.XA_RBCOMMFAIL)) {
                return true; // the resource manager (the database) went away during commit
            }
            if (t instanceof DomainException domain && domain.kind() == DomainException.Kind.UNAVAILABLE) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && state.length() >= 2
                && (TRANSIENT_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_STATES.contains(state))) {
            return true;
        }
        // Agroal's own refusals carry no SQLState: no connection within acquisition-timeout, or one
        // that the pool already closed under us.
        String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("acquisition timeout") || message.contains("connection is closed")
                || message.contains("connection has been closed") || sql.getCause() instanceof IOException;
    }

    /** The failure's simple class name: a label of few values for metrics, and the start of a reason. */
    public static String name(Throwable failure) {
        return failure.getClass().getSimpleName();
    }

    /** A short, masked reason: the exception's class and message, never a long run of digits. */
    public static String reason(Throwable failure) {
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        String reason = DIGIT_RUN.matcher(name(failure) + message).replaceAll("[digits]");
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
    }

    /** The failure, its causes and what was suppressed along the way, each once. */
    private static Iterable<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty() && seen.size() < 64) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
        }
        return seen;
    }
}
