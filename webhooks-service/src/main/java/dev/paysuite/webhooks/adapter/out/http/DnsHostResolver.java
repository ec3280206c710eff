package dev.paysuite.webhooks.adapter.out.http;

import dev.paysuite.webhooks.application.domain.model.HostResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The system resolver: every address of a name, none when it has none. */
@ApplicationScoped
public class DnsHostResolver implements HostResolver {
    @Override
    public List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
