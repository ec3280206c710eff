package dev.paysuite.kernel.error;

/**
 * The error codes ({@code error.code}) that more than one module raises: the gateway, the shared
 * adapters and the shared domain types. A code only one domain raises is defined next to that domain.
 */
public final class ErrorCodes {
    // The request as a whole
    public static final String INVALID_JSON = "invalid_json";
    public static final String REQUEST_INVALID = "request_invalid";
    public static final String REQUEST_TOO_LARGE = "request_too_large";
    public static final String URL_UNKNOWN = "url_unknown";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String NOT_ACCEPTABLE = "not_acceptable";

    // One parameter
    public static final String PARAMETER_INVALID = "parameter_invalid";
    public static final String PARAMETER_UNKNOWN = "parameter_unknown";
    public static final String PARAMETER_MISSING = "parameter_missing";
    public static final String AMOUNT_INVALID = "amount_invalid";
    public static final String AMOUNT_TOO_LARGE = "amount_too_large";
    public static final String CURRENCY_INVALID = "currency_invalid";
    public static final String METADATA_INVALID = "metadata_invalid";
    public static final String RESOURCE_MISSING = "resource_missing";

    // Who is calling
    public static final String API_KEY_MISSING = "api_key_missing";
    public static final String API_KEY_INVALID = "api_key_invalid";
    public static final String CALLER_UNAUTHENTICATED = "caller_unauthenticated";
    public static final String CALLER_FORBIDDEN = "caller_forbidden";
    /** A restricted key or a token lacks the scope the request needs (the message names it). */
    public static final String INSUFFICIENT_PERMISSIONS = "insufficient_permissions";
    public static final String RATE_LIMIT_EXCEEDED = "rate_limit_exceeded";

    // Idempotency-Key
    public static final String IDEMPOTENCY_KEY_INVALID = "idempotency_key_invalid";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused";
    public static final String IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use";

    // Our side
    public static final String UPSTREAM_UNAVAILABLE = "upstream_unavailable";
    public static final String UPSTREAM_TIMEOUT = "upstream_timeout";
    public static final String SERVICE_UNAVAILABLE = "service_unavailable";
    public static final String INTERNAL_ERROR = "internal_error";

    private ErrorCodes() {
    }
}
