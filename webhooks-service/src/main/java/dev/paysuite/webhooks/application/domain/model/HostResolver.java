package dev.paysuite.webhooks.application.domain.model;

import java.net.InetAddress;
import java.util.List;

/**
 * Looks a host name up (an adapter's job: the domain does no I/O). Answers every address the name
 * has, or an empty list when it has none; a resolver that cannot answer now throws a
 * {@code DomainException} of kind {@code UNAVAILABLE}. It is never asked about an IP literal.
 */
@FunctionalInterface
public interface HostResolver {
    List<InetAddress> resolve(String host);
}
