package dev.paysuite.gateway.application.domain.model;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the edge. Towards a service only the listed client headers go (never the
 * client's credentials, hop-by-hop headers or what the gateway sets itself); back to the client
 * everything the service said except hop-by-hop headers and what the gateway sets itself.
 * <p>
 * Answers cross whole, except a stream of Server-Sent Events ({@code text/event-stream}), which
 * crosses as it comes ({@link #isStreamed}): told by its type, not its path, so that any service's
 * stream works.
 */
public final class ForwardingRules {
    public static final String AUTHORIZATION = "Authorization";
    public static final String REQUEST_ID = "Request-Id";
    public static final String X_FORWARDED_FOR = "X-Forwarded-For";
    public static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    public static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    /** The media type of Server-Sent Events. */
    public static final String EVENT_STREAM = "text/event-stream";

    /** RFC 9110 section 7.6.1, and the proxy headers that behave the same way. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
    /** Set by the gateway on the way in: a client's values are never trusted. */
    private static final Set<String> SET_ON_REQUEST = Set.of("authorization", "request-id", "x-forwarded-for",
            "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "forwarded", "host", "content-length");
    /** Set by the gateway on the way out, whatever the service said. */
    private static final Set<String> SET_ON_RESPONSE = Set.of("request-id", "x-ratelimit-limit",
            "x-ratelimit-remaining", "x-ratelimit-reset", "content-length");

    private final Set<String> forwardedRequestHeaders;

    /** @param forwardedRequestHeaders the client headers a service may see, e.g. Content-Type, Idempotency-Key */
    public ForwardingRules(List<String> forwardedRequestHeaders) {
        Set<String> names = new HashSet<>();
        for (String name : forwardedRequestHeaders) {
            String lower = name.trim().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || SET_ON_REQUEST.contains(lower)) {
                throw new IllegalArgumentException("Header " + name + " is never forwarded from a client");
            }
            names.add(lower);
        }
        this.forwardedRequestHeaders = Set.copyOf(names);
    }

    public Headers requestHeaders(Headers fromClient) {
        return fromClient.filter(name -> forwardedRequestHeaders.contains(name.toLowerCase(Locale.ROOT)));
    }

    public Headers responseHeaders(Headers fromService) {
        Set<String> dropped = new HashSet<>(HOP_BY_HOP);
        dropped.addAll(SET_ON_RESPONSE);
        // A header named in Connection is hop-by-hop too, whatever its name.
        for (String connection : fromService.all("Connection")) {
            for (String token : connection.split(",")) {
                dropped.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return fromService.filter(name -> !dropped.contains(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Whether an answer is passed on as it arrives rather than read whole: a {@code text/event-stream}
     * (whatever its parameters) with a body, which a HEAD request's answer, a 1xx, 204 or 304 never has.
     *
     * @param method the request's method
     * @param contentType the answer's {@code Content-Type}, null when it has none
     */
    public static boolean isStreamed(String method, int status, String contentType) {
        if (contentType == null || "HEAD".equalsIgnoreCase(method) || status < 200 || status == 204 || status == 304) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return type.equalsIgnoreCase(EVENT_STREAM);
    }
}
