package dev.paysuite.refunds.adapter.in.messaging;

import dev.paysuite.platform.testing.TcpProxy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * refunds-service with its database behind a {@link TcpProxy}, which a test may cut to stop
 * PostgreSQL for this service alone. The proxy starts before Quarkus boots (Flyway goes through it
 * too) and gives the datasource its URL.
 */
public class DatabaseBehindProxy implements QuarkusTestProfile {
    private static volatile TcpProxy proxy;

    /** The running proxy, for the test to cut and restore. */
    static TcpProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("the database proxy runs only under the DatabaseBehindProxy profile");
        }
        return proxy;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // The outbox relay and the refund settler would also fail every second while the database is
        // away; this profile is about the consumer, so they stay quiet.
        return Map.of(
                "paysuite.outbox.poll-interval", "off",
                "paysuite.refunds.settle-interval", "off",
                // Back within 5 s of the database's return, rather than the production cap of 30 s
                "paysuite.inbox.max-backoff", "PT5S",
                // Far shorter than the outage: were the connector to stop polling while the consumer waits,
                // the group would evict it (and the test's check of the group would see it)
                "mp.messaging.incoming.payments-events.max.poll.interval.ms", "20000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Proxy.class));
    }

    /** Starts the proxy in front of the test PostgreSQL before the application, and closes it after. */
    public static class Proxy implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            proxy = TcpProxy.toPostgres();
            return Map.of("quarkus.datasource.jdbc.url", proxy.jdbcUrl("paysuite_refunds_test"));
        }

        @Override
        public void stop() {
            if (proxy != null) {
                proxy.close();
                proxy = null;
            }
        }
    }
}
