package dev.paysuite.platform.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One Kafka admin client per service for the questions a service asks the broker itself (is it
 * there, how far behind is a consumer group), made on first use and closed at shutdown. Its
 * requests give up after a few seconds and it retries a lost broker at most every second, so a
 * caller that waits on a future with its own, shorter timeout is never stuck behind it.
 */
@ApplicationScoped
public class BrokerAdmin implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String bootstrap;
    private volatile Admin admin;
    private volatile boolean closed;

    public BrokerAdmin(@ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "") String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    /** The client; fails once the service is shutting down. */
    public Admin client() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("The service is shutting down");
                }
                if (admin == null) {
                    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                            AdminClientConfig.CLIENT_ID_CONFIG, "broker-admin",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
                }
                current = admin;
            }
        }
        return current;
    }

    public boolean isClosed() {
        return closed;
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        close();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
