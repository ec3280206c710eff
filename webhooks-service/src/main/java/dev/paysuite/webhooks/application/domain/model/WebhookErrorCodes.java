package dev.paysuite.webhooks.application.domain.model;

/** The error codes of webhook endpoints and deliveries, beyond the kernel's shared ones. */
public final class WebhookErrorCodes {
    /** {@code enabledEvents} names a type no service publishes (or mixes {@code *} with types). */
    public static final String EVENT_TYPE_UNKNOWN = "event_type_unknown";
    /** The delivery URL is not an absolute http(s) URL we can send to. */
    public static final String URL_INVALID = "url_invalid";
    /** The delivery URL is well formed but resolves to an address we never send to (loopback, private, ...). */
    public static final String URL_FORBIDDEN = "url_forbidden";
    /** The delivery URL's host has no address. */
    public static final String URL_UNRESOLVABLE = "url_unresolvable";
    /** The endpoint's dialect has no event for the one to send it (a resend, or an attempt). */
    public static final String EVENT_NOT_IN_DIALECT = "event_not_in_dialect";

    private WebhookErrorCodes() {
    }
}
