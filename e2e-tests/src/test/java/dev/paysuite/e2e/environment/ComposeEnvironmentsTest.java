package dev.paysuite.e2e.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** How ContainerEnvironmentIT reads docker-compose.yml and points it at the test's addresses. */
class ComposeEnvironmentsTest {
    static final Path ROOT = Path.of(System.getProperty("paysuite.root", "..")).toAbsolutePath().normalize();
    static final Path KEYS = Path.of("/tmp/test-keys");
    final ComposeEnvironments compose = new ComposeEnvironments(ROOT.resolve("docker-compose.yml"),
            ROOT.resolve(".env.example"), KEYS);

    @Test
    void interpolationFollowsCompose() {
        Map<String, String> vars = Map.of("SET", "value", "EMPTY", "");
        assertEquals("value", ComposeEnvironments.interpolate("${SET}", vars));
        assertEquals("value", ComposeEnvironments.interpolate("$SET", vars));
        assertEquals("fallback", ComposeEnvironments.interpolate("${UNSET:-fallback}", vars));
        assertEquals("fallback", ComposeEnvironments.interpolate("${EMPTY:-fallback}", vars));
        assertEquals("", ComposeEnvironments.interpolate("${EMPTY-fallback}", vars));
        assertEquals("a $b", ComposeEnvironments.interpolate("a $$b", vars));
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> ComposeEnvironments.interpolate("${UNSET:?set it in .env}", vars));
        assertTrue(missing.getMessage().contains("UNSET"));
    }

    @Test
    void theFiveServicesAreThoseBuiltFromAModule() throws Exception {
        Set<String> modules = compose.services().stream().map(ServiceEnvironment::module).collect(Collectors.toSet());
        assertEquals(Set.of("gateway", "payments-service", "refunds-service", "methods-service", "webhooks-service"), modules);
        assertEquals("payments-service", compose.hosts().get("payments-service"));
        assertEquals(EnvironmentSource.Target.KAFKA, compose.hosts().get("kafka"));
    }

    @Test
    void placeholderSecretsAreReplacedAndKeyFilesComeFromTheTestFolder() throws Exception {
        ServiceEnvironment webhooks = service("webhooks-service");
        String key = webhooks.variables().get("PAYSUITE_WEBHOOKS_SECRET_KEY");
        assertNotEquals(ComposeEnvironments.PLACEHOLDER, key);
        assertEquals(32, java.util.Base64.getDecoder().decode(key).length);
        assertEquals(KEYS.resolve("gateway-verify.pem"), webhooks.files().get("/etc/paysuite/keys/gateway-verify.pem"));
    }

    @Test
    void hostsDatabasesAndMountsAreMappedButNothingElse() throws Exception {
        ServiceEnvironment s = new ServiceEnvironment("payments-service", Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://postgres:5432/paysuite_payments",
                "REACTIVE", "postgresql://postgres:5432/paysuite_gateway",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "UPSTREAMS", "http://refunds-service:8082,http://refunds-service:8082",
                "KEY", "/etc/paysuite/keys/payments-service-signing.pem",
                "NAME", "payments-service"), Map.of("/etc/paysuite/keys/payments-service-signing.pem",
                KEYS.resolve("payments-service-signing.pem")));
        Map<String, String> env = ContainerEnvironmentIT.remapped(s, Map.of("postgres", "127.0.0.1:5432",
                "kafka", "127.0.0.1:39112", "refunds-service", "127.0.0.1:40001", "payments-service", "127.0.0.1:40002"));
        String suffix = ContainerEnvironmentIT.DB_SUFFIX;
        assertEquals("jdbc:postgresql://127.0.0.1:5432/paysuite_payments_env" + suffix, env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("postgresql://127.0.0.1:5432/paysuite_gateway_env" + suffix, env.get("REACTIVE"));
        assertEquals("127.0.0.1:39112", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("http://127.0.0.1:40001,http://127.0.0.1:40001", env.get("UPSTREAMS"));
        assertEquals(KEYS.resolve("payments-service-signing.pem").toString(), env.get("KEY"));
        assertEquals("payments-service", env.get("NAME"), "a bare name is not an address");
    }

    private ServiceEnvironment service(String module) throws Exception {
        List<ServiceEnvironment> all = compose.services();
        return all.stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow();
    }
}
