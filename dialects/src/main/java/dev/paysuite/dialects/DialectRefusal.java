package dev.paysuite.dialects;

/** A request a dialect cannot translate: answered with {@code status} and {@code error}, in the dialect's words. */
public final class DialectRefusal extends RuntimeException {
    private final int status;
    private final transient ApiError error;

    public DialectRefusal(int status, ApiError error) {
        super(error.message(), null, false, false);
        this.status = status;
        this.error = error;
    }

    public static DialectRefusal invalid(String code, String message, String param) {
        return new DialectRefusal(400, new ApiError("invalid_request_error", code, message, param));
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }
}
