package dev.paysuite.webhooks.application.domain.model;

import dev.paysuite.kernel.error.DomainException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which addresses deliveries may go to. A merchant's URL must not make us a proxy into our own
 * network, so every address its host has must be public: loopback, private (10/8, 172.16/12,
 * 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10), unspecified and "this network" (0/8,
 * ::), shared CGNAT space (100.64/10), multicast, broadcast and reserved addresses are refused. One
 * such address among several refuses the host: a resolver may answer any of them. An IPv4 address
 * inside IPv6 (mapped {@code ::ffff:a.b.c.d}, NAT64 {@code 64:ff9b::/96}) is judged as the IPv4
 * address it reaches; {@code ::/96} (unspecified, loopback and the deprecated IPv4-compatible form,
 * never routed) is refused whole.
 *
 * <p>The allow-list (configuration: the local run and the tests allow {@code 127.0.0.1}) names
 * address blocks or host names that pass anyway. The domain does no DNS: the caller passes a
 * {@link HostResolver}, and gets back the addresses that were checked. The delivery adapter must
 * connect to one of those, not resolve the name again, or a name that answers a public address to
 * the check and a private one to the connection (DNS rebinding) gets through. It checks again at
 * every attempt: what a name resolves to changes after registration.
 */
public final class DeliveryUrlPolicy {
    private static final List<AddressRange> FORBIDDEN = List.of(
            AddressRange.parse("0.0.0.0/8"),
            AddressRange.parse("10.0.0.0/8"),
            AddressRange.parse("100.64.0.0/10"),
            AddressRange.parse("127.0.0.0/8"),
            AddressRange.parse("169.254.0.0/16"),
            AddressRange.parse("172.16.0.0/12"),
            AddressRange.parse("192.168.0.0/16"),
            AddressRange.parse("224.0.0.0/4"),
            AddressRange.parse("240.0.0.0/4"),
            AddressRange.parse("::/96"),
            AddressRange.parse("fc00::/7"),
            AddressRange.parse("fe80::/10"),
            AddressRange.parse("fec0::/10"),
            AddressRange.parse("ff00::/8"));
    private static final AddressRange IPV4_MAPPED = AddressRange.parse("::ffff:0:0/96");
    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");

    private final List<AddressRange> allowedRanges;
    private final Set<String> allowedHosts;

    /** Nothing private allowed: production. */
    public static DeliveryUrlPolicy strict() {
        return new DeliveryUrlPolicy(Set.of());
    }

    /** @param allowList CIDR blocks, single addresses or host names that may be sent to whatever they are */
    public DeliveryUrlPolicy(Set<String> allowList) {
        List<AddressRange> ranges = new ArrayList<>();
        Set<String> hosts = new HashSet<>();
        for (String entry : allowList) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (AddressRange.literal(e.contains("/") ? e.substring(0, e.indexOf('/')) : e) != null) {
                ranges.add(AddressRange.parse(e));
            } else {
                hosts.add(e);
            }
        }
        this.allowedRanges = List.copyOf(ranges);
        this.allowedHosts = Set.copyOf(hosts);
    }

    /**
     * Checks {@code url} and answers the addresses a delivery may connect to; refuses (kind
     * {@code UNPROCESSABLE}, field {@code url}) a host with no address or with any forbidden one.
     * The message never names the addresses: they describe a network, ours or the merchant's.
     */
    public List<InetAddress> check(DeliveryUrl url, HostResolver resolver) {
        String host = url.host();
        List<InetAddress> addresses = addressesOf(host, resolver);
        if (addresses.isEmpty()) {
            throw refused(WebhookErrorCodes.URL_UNRESOLVABLE, "{url} has a host with no address.");
        }
        if (allowedHosts.contains(bare(host))) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (!permits(address.getAddress())) {
                throw refused(WebhookErrorCodes.URL_FORBIDDEN, "{url} points at a loopback, private or otherwise "
                        + "non-public address; webhooks go to public addresses only.");
            }
        }
        return addresses;
    }

    /** Whether a delivery may go to this address (4 or 16 bytes). */
    public boolean permits(byte[] address) {
        for (AddressRange allowed : allowedRanges) {
            if (allowed.contains(address)) {
                return true;
            }
        }
        byte[] judged = embeddedIpv4(address);
        if (judged != address) {
            return permits(judged);
        }
        for (AddressRange forbidden : FORBIDDEN) {
            if (forbidden.contains(address)) {
                return false;
            }
        }
        return true;
    }

    private static List<InetAddress> addressesOf(String host, HostResolver resolver) {
        byte[] literal = AddressRange.literal(host);
        if (literal != null) {
            try {
                return List.of(InetAddress.getByAddress(literal));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("4 or 16 bytes are always an address", e);
            }
        }
        List<InetAddress> resolved = resolver.resolve(bare(host));
        return resolved == null ? List.of() : List.copyOf(resolved);
    }

    /** The IPv4 address an IPv6 one reaches (mapped or NAT64), or the address itself. */
    private static byte[] embeddedIpv4(byte[] address) {
        if (address.length == 16 && (IPV4_MAPPED.contains(address) || NAT64.contains(address))) {
            return Arrays.copyOfRange(address, 12, 16);
        }
        return address;
    }

    private static String bare(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static DomainException refused(String code, String message) {
        return new DomainException(DomainException.Kind.UNPROCESSABLE, code, message, DeliveryUrl.FIELD);
    }
}
