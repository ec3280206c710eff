package dev.paysuite.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

/**
 * Whether this service reaches the Kafka broker: a wellness check ({@code /q/health/well}), a gauge
 * ({@code paysuite_broker_up}) and one log line per change, never part of readiness. A service whose
 * events wait in its outbox and whose consumers resume where they stopped keeps serving its API
 * while the broker is away; if readiness said DOWN, a load balancer would take every instance out of
 * service at once during a broker outage. (The Kafka channels' own readiness checks are turned off
 * for the same reason, in this module's microprofile-config.properties.)
 *
 * <p>The broker is asked on a timer, not when the health endpoint is called, so that a probe never
 * waits on the network and a burst of probes never becomes a burst of requests to the broker.
 */
@Wellness
@ApplicationScoped
@IfBuildProperty(name = "paysuite.broker-health.enabled", stringValue = "true")
public class BrokerHealth implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(BrokerHealth.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final BrokerAdmin broker;
    private volatile State state = new State(null, Instant.now(), "not checked yet");

    /** Up is null until the first check answers. */
    record State(Boolean up, Instant since, String detail) {
    }

    public BrokerHealth(BrokerAdmin broker, MeterRegistry registry) {
        this.broker = broker;
        Gauge.builder("paysuite_broker_up", this, h -> Boolean.TRUE.equals(h.state.up()) ? 1 : 0)
                .description("1 while this service reaches the Kafka broker, 0 while it does not")
                .register(registry);
    }

    @Scheduled(every = "${paysuite.broker-health.interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        if (broker.isClosed()) {
            return; // the admin client is closed: a shutting-down service has no news of the broker
        }
        boolean up;
        String detail;
        try {
            int nodes = broker.client().describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            up = nodes > 0;
            detail = nodes + " broker(s)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            up = false;
            detail = "unreachable: " + (e.getCause() != null ? e.getCause() : e).getClass().getSimpleName();
        }
        State before = state;
        if (before.up() == null || before.up() != up) {
            state = new State(up, Instant.now(), detail);
            if (up) {
                LOG.infof("The Kafka broker at %s is reachable (%s)", broker.bootstrapServers(), detail);
            } else {
                LOG.warnf("The Kafka broker at %s is %s; the API keeps serving, events wait in the outbox", broker.bootstrapServers(), detail);
            }
        } else {
            state = new State(up, before.since(), detail);
        }
    }

    @Override
    public HealthCheckResponse call() {
        State now = state;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka broker")
                .status(Boolean.TRUE.equals(now.up()))
                .withData("bootstrap.servers", broker.bootstrapServers())
                .withData("detail", now.detail())
                .withData("since", now.since().toString());
        return response.build();
    }
}
