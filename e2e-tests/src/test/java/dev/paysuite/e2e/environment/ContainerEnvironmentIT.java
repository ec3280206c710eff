package dev.paysuite.e2e.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The images really start: every service of every deployment ({@link #sources()}) is started from its
 * packaged jar with only the environment that deployment gives it, and must become ready and well on
 * its management port. A variable the service does not read (a misspelt name) leaves the setting at
 * its prod default, which points at nothing here, so the service fails to start or stays unready
 * instead of failing in production.
 *
 * <p>What is changed, and only that: the deployment's host names point at this machine (PostgreSQL
 * and Redis of the machine, the test lane's Keycloak, a Kafka broker of this test's own, the other
 * services at free ports), the databases are {@code <name>_env<suffix>} (made here, owned by the role
 * the service logs in as), mounted files are the test keys under .local/keys, and the service's own
 * ports are free ones ({@code QUARKUS_HTTP_PORT}, {@code QUARKUS_MANAGEMENT_PORT}). No {@code -D}
 * property, no .env file in the working directory, nothing inherited from this JVM's environment.
 *
 * <p>The broker is this test's own (infra/scripts/kafka.sh with the production topics) so that
 * these instances, in the suite's consumer groups and publishing the demo merchant's events, never
 * take a partition or an event from the end-to-end suite's services on the lane's broker.
 */
class ContainerEnvironmentIT {
    static final Path ROOT = Path.of(System.getProperty("paysuite.root", "..")).toAbsolutePath().normalize();
    static final String DB_SUFFIX = System.getenv().getOrDefault("PAYSUITE_TEST_DB_SUFFIX", "");
    static final String KEYCLOAK = System.getenv().getOrDefault("KEYCLOAK_URL", "http://localhost:18180");
    static final int LANE_KAFKA_PORT = Integer.parseInt(
            System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092").replaceAll(".*:", ""));
    static final Duration STARTUP = Duration.ofSeconds(240);
    static final Path LOGS = ROOT.resolve("e2e-tests/target/e2e-logs");

    private static Process broker;
    private static int brokerPort;
    private static final List<Process> services = new ArrayList<>();

    /** Where deployments' environments come from: docker-compose.yml, and the Deployments of deploy/overlays/dev. */
    static List<EnvironmentSource> sources() {
        return List.of(new ComposeEnvironments(ROOT.resolve("docker-compose.yml"), ROOT.resolve(".env.example"),
                ROOT.resolve(".local/keys")), new KubernetesEnvironments("dev", ROOT.resolve(".local/keys")));
    }

    @BeforeAll
    static void startBroker() throws Exception {
        Files.createDirectories(LOGS);
        brokerPort = freeRun(LANE_KAFKA_PORT + 20, 4); // kafka.sh uses the port and the next three
        ProcessBuilder run = kafkaScript("run");
        run.redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve("env-kafka.log").toFile()));
        broker = run.start();
        ProcessBuilder topics = kafkaScript("await-topics");
        topics.redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve("env-kafka.log").toFile()));
        Process await = topics.start();
        if (!await.waitFor(300, TimeUnit.SECONDS) || await.exitValue() != 0) {
            throw new IllegalStateException("The test's broker did not come up: see " + LOGS.resolve("env-kafka.log"));
        }
    }

    private static ProcessBuilder kafkaScript(String command) {
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("infra/scripts/kafka.sh").toString(), command)
                .redirectErrorStream(true);
        pb.environment().put("PAYSUITE_ROOT", ROOT.toString());
        pb.environment().put("KAFKA_PROFILE", "run");
        pb.environment().put("KAFKA_PORT", String.valueOf(brokerPort));
        pb.environment().put("KAFKA_DATA_DIR", ROOT.resolve(".local/test/kafka-env-" + brokerPort).toString());
        pb.environment().put("KAFKA_RESET", "1");
        return pb;
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        for (Process p : services) {
            stop(p);
        }
        if (broker != null) {
            stop(broker);
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyServiceStartsWithItsDeploymentsEnvironment() {
        return sources().stream().map(source -> dynamicContainer(source.name(),
                Stream.of(source).flatMap(ContainerEnvironmentIT::started)));
    }

    /**
     * One test per service of the source: started, awaited and stopped in turn (one JVM starting at a
     * time: on a busy machine five at once starve each other past the pool's acquisition timeout).
     */
    private static Stream<DynamicTest> started(EnvironmentSource source) {
        try {
            List<ServiceEnvironment> environments = source.services();
            Map<String, Integer> httpPorts = new LinkedHashMap<>();
            for (ServiceEnvironment s : environments) {
                httpPorts.put(s.module(), freePort());
            }
            Map<String, String> addresses = addresses(source.hosts(), httpPorts);
            return environments.stream().map(s -> dynamicTest(
                    s.module() + " is ready and well with " + source.name() + "'s environment", () -> {
                        Map<String, String> env = remapped(s, addresses);
                        int management = freePort();
                        env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPorts.get(s.module())));
                        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(management));
                        prepareDatabase(env);
                        String name = source.name() + "-" + s.module();
                        awaitReadyAndWell(name, launch(s.module(), env, name), management);
                    }));
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + source.name() + "'s services", e);
        }
    }

    /** The test's address for each of the deployment's host names. */
    private static Map<String, String> addresses(Map<String, String> hosts, Map<String, Integer> httpPorts) {
        Map<String, String> addresses = new LinkedHashMap<>();
        hosts.forEach((host, target) -> addresses.put(host, switch (target) {
            case EnvironmentSource.Target.KAFKA -> "127.0.0.1:" + brokerPort;
            case EnvironmentSource.Target.POSTGRES -> "127.0.0.1:5432";
            case EnvironmentSource.Target.REDIS -> "127.0.0.1:6379";
            case EnvironmentSource.Target.KEYCLOAK -> URI.create(KEYCLOAK).getAuthority();
            default -> {
                Integer port = httpPorts.get(target);
                if (port == null) {
                    throw new IllegalStateException("Host " + host + " stands for " + target + ", which the deployment does not run");
                }
                yield "127.0.0.1:" + port;
            }
        }));
        return addresses;
    }

    /**
     * The service's variables with the deployment's hosts (host:port, or //host in a URL) at the test's
     * addresses, databases renamed to {@code <name>_env<suffix>}, and mounted paths at the local files.
     */
    static Map<String, String> remapped(ServiceEnvironment s, Map<String, String> addresses) {
        Map<String, String> env = new LinkedHashMap<>();
        List<Map.Entry<String, Path>> mounts = s.files().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Path> e) -> e.getKey().length()).reversed()).toList();
        s.variables().forEach((name, value) -> {
            String v = value;
            for (Map.Entry<String, String> a : addresses.entrySet()) {
                v = host(a.getKey(), a.getValue(), v);
            }
            for (Map.Entry<String, Path> m : mounts) {
                v = v.replace(m.getKey(), m.getValue().toString());
            }
            env.put(name, v);
        });
        return env;
    }

    private static String host(String host, String address, String value) {
        String h = Pattern.quote(host);
        Pattern p = Pattern.compile("(?:(?<=//|@)" + h + "(?::\\d+)?|(?<![\\w./-])" + h + ":\\d+)(?![\\w.-])(/[\\w-]+)?");
        Matcher m = p.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String path = m.group(1) == null ? "" : m.group(1);
            // a database in a PostgreSQL URL: the test's own copy of it
            if (address.equals("127.0.0.1:5432") && !path.isEmpty()) {
                path = path + "_env" + DB_SUFFIX;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(address + path));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Recreates every database the service's JDBC URL names, owned by the role it logs in as. */
    private static void prepareDatabase(Map<String, String> env) throws SQLException {
        Matcher db = Pattern.compile("jdbc:postgresql://127\\.0\\.0\\.1:5432/([\\w-]+)").matcher(
                env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", ""));
        if (!db.find()) {
            return;
        }
        String role = env.getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement st = c.createStatement()) {
            // roles are per cluster: another lane may be making the same one right now
            st.execute("DO $$ BEGIN CREATE ROLE \"" + role + "\" LOGIN; "
                    + "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
            st.execute("DROP DATABASE IF EXISTS \"" + db.group(1) + "\" WITH (FORCE)");
            st.execute("CREATE DATABASE \"" + db.group(1) + "\" OWNER \"" + role + "\"");
        }
    }

    private static Process launch(String module, Map<String, String> env, String name) throws IOException {
        Path jar = ROOT.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first");
        }
        // An empty working directory: Quarkus would read a .env or config/ found there
        Path work = Files.createDirectories(ROOT.resolve("e2e-tests/target/env-work/" + name));
        Path log = LOGS.resolve("env-" + name + ".log");
        Files.deleteIfExists(log);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx320m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process process = pb.start();
        services.add(process);
        return process;
    }

    private static void awaitReadyAndWell(String name, Process process, int management) throws Exception {
        try {
            Instant deadline = Instant.now().plus(STARTUP);
            int ready = awaitOk(name, process, "http://127.0.0.1:" + management + "/q/health/ready", deadline);
            assertEquals(200, ready, name + " is not ready" + tail(name));
            // /q/health/well holds the broker's state (platform BrokerHealth): it tells a wrong Kafka address
            int well = awaitOk(name, process, "http://127.0.0.1:" + management + "/q/health/well",
                    Instant.now().plusSeconds(30));
            assertEquals(200, well, name + " is ready but not well (its broker?)" + tail(name));
            loggedAsJson(name);
        } finally {
            stop(process);
        }
    }

    /** The last status seen (0 for none) once it is 200, the process exits or the deadline passes. */
    private static int awaitOk(String name, Process process, String url, Instant deadline) throws Exception {
        int status = 0;
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), () -> name + " exited with " + process.exitValue() + tail(name));
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(3000);
                status = c.getResponseCode();
                if (status == 200) {
                    return status;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        return status;
    }

    /** In production every log line is one JSON object (level, logger, message, the MDC), for the log pipeline. */
    private static void loggedAsJson(String name) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(LOGS.resolve("env-" + name + ".log"), StandardCharsets.UTF_8);
        assertTrue(lines.stream().anyMatch(l -> !l.isBlank()), name + " logged nothing");
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry;
            try {
                entry = json.readTree(line);
            } catch (IOException e) {
                throw new AssertionError(name + " logged a line that is not JSON: " + line, e);
            }
            assertTrue(entry.isObject() && entry.has("level") && entry.has("message") && entry.has("loggerName"),
                    name + " logged a line without level, logger and message: " + line);
        }
    }

    private static String tail(String name) {
        try {
            List<String> lines = Files.readAllLines(LOGS.resolve("env-" + name + ".log"), StandardCharsets.UTF_8);
            return "; the end of its log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void stop(Process p) throws InterruptedException {
        if (p.isAlive()) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The first port from {@code from} on where it and the next {@code n - 1} are free. */
    private static int freeRun(int from, int n) {
        for (int base = from; base < from + 400; base += n) {
            boolean free = true;
            for (int p = base; p < base + n && free; p++) {
                try (Socket ignored = new Socket("127.0.0.1", p)) {
                    free = false;
                } catch (IOException nothingListens) {
                    // free
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("No " + n + " free ports from " + from);
    }
}
