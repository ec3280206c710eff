package dev.paysuite.gateway.application.domain.model;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the edge. Towards a service only the listed client headers go (never the
 * client's credentials, hop-by-hop headers or what the gateway sets itself); back to the client
 * everything the service said except hop-by-hop headers and what the gateway sets itself.
 */
public final class ForwardingRules {
    public static final String AUTHORIZATION = "Authorization";
    public static final String REQUEST_ID = "Request-Id";
    public static final String X_FORWARDED_FOR = "X-Forwarded-For";
    public static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    public static final String X_FORWARDED_HOST = "X-Forwarded-Host";

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
}
