package dev.paysuite.kernel.error;

/** The categories of the public error object, as they appear on the wire ({@code error.type}). */
public enum ErrorType {
    INVALID_REQUEST("invalid_request_error"),
    AUTHENTICATION("authentication_error"),
    CARD("card_error"),
    IDEMPOTENCY("idempotency_error"),
    RATE_LIMIT("rate_limit_error"),
    API("api_error");

    private final String wireName;

    ErrorType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
