package dev.paysuite.platform.inbox;

/**
 * A record this consumer can never apply: not a readable event, refused by a rule of the domain, or
 * failing for a reason that is not transient on every attempt. The channel's failure strategy sends it
 * to the dead-letter topic with this message as the {@code dead-letter-reason} header, so the message
 * names the exception and the event and nothing else (no cause is attached: a cause's message would
 * travel in {@code dead-letter-cause}, unmasked).
 */
public class UnprocessableEventException extends RuntimeException {
    private final String failure;

    /** For a handler that finds the event unusable (a field it needs missing, say). */
    public UnprocessableEventException(String message) {
        this(message, UnprocessableEventException.class.getSimpleName());
    }

    public UnprocessableEventException(String message, String failure) {
        super(message, null, false, false);
        this.failure = failure;
    }

    /** The simple class name of what went wrong: a low-cardinality label for metrics. */
    public String failure() {
        return failure;
    }
}
