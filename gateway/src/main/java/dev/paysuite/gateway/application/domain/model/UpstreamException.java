package dev.paysuite.gateway.application.domain.model;

/** The service behind a route could not answer. */
public class UpstreamException extends RuntimeException {
    public enum Kind { UNAVAILABLE, TIMEOUT, NO_ROUTE }

    private final Kind kind;

    public UpstreamException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
