package dev.paysuite.e2e.environment;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A deployment that says how each service is started: its environment variables and the files it
 * mounts. docker-compose.yml is one ({@link ComposeEnvironments}); the Kubernetes Deployments are
 * another. {@link ContainerEnvironmentIT} starts every service of every source with exactly that
 * environment, the deployment's addresses and files mapped to this machine's.
 */
public interface EnvironmentSource {

    /** A short name for logs and test names: "compose", "kubernetes". */
    String name();

    /** Every service the deployment runs from our images, with its secrets already filled in the test way. */
    List<ServiceEnvironment> services() throws IOException;

    /**
     * What the deployment's host names stand for: "kafka" → {@link Target#KAFKA}, "payments-service" →
     * the module payments-service. A value naming one (host:port, or //host in a URL) is pointed at
     * the test's own.
     */
    Map<String, String> hosts();

    /** The infrastructure a host name may stand for; anything else in {@link #hosts()} is a module. */
    final class Target {
        public static final String KAFKA = "kafka";
        public static final String POSTGRES = "postgres";
        public static final String REDIS = "redis";
        public static final String KEYCLOAK = "keycloak";

        private Target() {
        }
    }
}
