package dev.paysuite.platform.error;

/** Error codes raised by the shared adapters. Services define their domain codes next to their domain. */
public final class ErrorCodes {
    public static final String INVALID_JSON = "invalid_json";
    public static final String PARAMETER_INVALID = "parameter_invalid";
    public static final String PARAMETER_UNKNOWN = "parameter_unknown";
    public static final String PARAMETER_MISSING = "parameter_missing";
    public static final String RESOURCE_MISSING = "resource_missing";
    public static final String URL_UNKNOWN = "url_unknown";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String NOT_ACCEPTABLE = "not_acceptable";
    public static final String CALLER_UNAUTHENTICATED = "caller_unauthenticated";
    public static final String CALLER_FORBIDDEN = "caller_forbidden";
    public static final String IDEMPOTENCY_KEY_INVALID = "idempotency_key_invalid";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused";
    public static final String IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use";
    public static final String INTERNAL_ERROR = "internal_error";

    private ErrorCodes() {
    }
}
