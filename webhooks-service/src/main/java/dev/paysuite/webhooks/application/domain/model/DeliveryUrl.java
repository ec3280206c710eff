package dev.paysuite.webhooks.application.domain.model;

import dev.paysuite.kernel.error.DomainException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an endpoint's deliveries go: an absolute {@code https} or {@code http} URL with a host, no
 * user info (credentials in a URL end up in logs) and no fragment, at most 2048 characters. A host
 * that reads as a number but is not a plain dotted quad ({@code 2130706433}, {@code 0177.0.0.1},
 * {@code 0x7f.1}, {@code 127.1}) is refused: HTTP clients and resolvers disagree on what such hosts
 * mean, and a check that reads one differently from the client that connects is no check. Whether
 * the address may be sent to is {@link DeliveryUrlPolicy}'s decision, not this one's.
 */
public final class DeliveryUrl {
    public static final String FIELD = "url";
    public static final int MAX_LENGTH = 2048;
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)[0-9]+|0x[0-9a-f]*");
    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    private final URI uri;
    private final String host;

    private DeliveryUrl(URI uri, String host) {
        this.uri = uri;
        this.host = host;
    }

    public static DeliveryUrl parse(String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.missing(FIELD);
        }
        if (value.length() > MAX_LENGTH) {
            throw invalid("is longer than " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid("is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw invalid("must start with https:// or http://.");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("must not carry a user name or password.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("must name a host.");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("must not have a fragment (#...).");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && AddressRange.literal(host) == null) {
            throw invalid("has an IPv6 address we cannot send to (a zone id, or not an address).");
        }
        if (isNumericButNotADottedQuad(host)) {
            throw invalid("has a numeric host that is not a dotted IPv4 address (like 203.0.113.7).");
        }
        return new DeliveryUrl(uri, host);
    }

    /** The URL as given. */
    public String value() {
        return uri.toString();
    }

    /** The host, lower case; an IPv6 literal keeps its brackets ({@code [2001:db8::1]}). */
    public String host() {
        return host;
    }

    public boolean isIpLiteral() {
        return host.startsWith("[") || DOTTED_QUAD.matcher(host).matches();
    }

    static boolean isDottedQuad(String text) {
        return DOTTED_QUAD.matcher(text).matches();
    }

    /** As the WHATWG URL standard reads a host: one whose last label is a number is an IPv4 address. */
    private static boolean isNumericButNotADottedQuad(String host) {
        if (host.startsWith("[")) {
            return false;
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = name.substring(name.lastIndexOf('.') + 1);
        return NUMERIC_LABEL.matcher(last).matches() && !DOTTED_QUAD.matcher(name).matches();
    }

    private static DomainException invalid(String why) {
        return DomainException.invalid(WebhookErrorCodes.URL_INVALID, "{" + FIELD + "} " + why, FIELD);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeliveryUrl other && uri.equals(other.uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    @Override
    public String toString() {
        return value();
    }
}
