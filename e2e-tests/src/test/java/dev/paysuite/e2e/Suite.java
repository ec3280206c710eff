package dev.paysuite.e2e;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The suite under test: the packaged services started once per test run as real processes, on
 * ports of their own (18080-18085 by default: {@code paysuite.e2e.port-base}) so they never meet a
 * suite started with bin/run, against the test broker the infra module started and the
 * {@code *_e2e} databases it recreated (with the test lane's suffix). refunds-service
 * runs as two instances in one consumer group, behind the gateway's round robin, as it would when
 * scaled out.
 */
public final class Suite implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    static final int PORT_BASE = Integer.parseInt(System.getenv().getOrDefault("PAYSUITE_E2E_PORT_BASE", "18080"));
    static final String DB_SUFFIX = System.getenv().getOrDefault("PAYSUITE_TEST_DB_SUFFIX", "");
    static final int GATEWAY_PORT = PORT_BASE;
    static final int PAYMENTS_PORT = PORT_BASE + 1;
    /** After the two refunds instances (base + 2, base + 3). */
    static final int METHODS_PORT = PORT_BASE + 4;
    static final int WEBHOOKS_PORT = PORT_BASE + 5;
    /** A second gateway replica, started only for the tests that need two ({@link #secondGateway()}). */
    static final int GATEWAY_B_PORT = PORT_BASE + 6;
    /** A second payments-service instance, started only for the tests that need two ({@link #secondPayments()}). */
    static final int PAYMENTS_B_PORT = PORT_BASE + 7;
    /** The OTLP receiver every service exports its traces to ({@link #traces()}). */
    static final int OTLP_PORT = PORT_BASE + 9;
    public static final String GATEWAY = "http://127.0.0.1:" + GATEWAY_PORT;
    public static final String GATEWAY_B = "http://127.0.0.1:" + GATEWAY_B_PORT;
    public static final String KAFKA = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
    public static final String DEMO_KEY = "sk_test_1234567890abcdefghijklmnop";
    public static final List<String> REFUNDS_INSTANCES = List.of("refunds-a", "refunds-b");
    static final Path ROOT = Path.of(System.getProperty("paysuite.root", "..")).toAbsolutePath().normalize();

    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Launch> launches = new LinkedHashMap<>();
    /** What each process was first started with, so a relaunch with other properties can be undone. */
    private final Map<String, List<String>> original = new LinkedHashMap<>();
    /** The test broker, once a test restarted it ({@link #restartBroker}): then this JVM owns it. */
    private Process broker;
    private OtlpReceiver traces;
    private static volatile Suite running;

    private record Launch(String app, int port, List<String> properties, Process process) {
    }

    /** The suite the extension started, for tests that stop and start one of its processes. */
    static Suite running() {
        return Objects.requireNonNull(running, "the suite is not started: use @ExtendWith(Suite.Extension.class)");
    }

    /** Starts the suite the first time a test class asks for it; JUnit closes it after the last one. */
    public static final class Extension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(Suite.class, k -> Suite.start(), Suite.class);
        }
    }

    static String jdbc(String service) {
        return "jdbc:postgresql://127.0.0.1:5432/" + database(service);
    }

    static String database(String service) {
        return "paysuite_" + service + "_e2e" + DB_SUFFIX;
    }

    /**
     * The i-th refunds-service instance's port: 18082, 18083, … by default. Next to each other, so the
     * suite stays within ten ports of its base and clear of a lane's broker (base 22080, broker 22092).
     */
    static int refundsPort(int i) {
        return PORT_BASE + 2 + i;
    }

    /** The spans the suite's services exported so far. */
    static OtlpReceiver traces() {
        return running().traces;
    }

    private static Suite start() {
        Suite suite = new Suite();
        try {
            // Before any service, so that none of them ever exports into the void
            suite.traces = OtlpReceiver.start(OTLP_PORT);
            suite.launch("methods-service", METHODS_PORT, List.of(
                    "-Dquarkus.datasource.jdbc.url=" + jdbc("methods"),
                    "-Dkafka.bootstrap.servers=" + KAFKA));
            suite.launch("webhooks-service", WEBHOOKS_PORT, List.of(
                    "-Dquarkus.datasource.jdbc.url=" + jdbc("webhooks"),
                    "-Dkafka.bootstrap.servers=" + KAFKA,
                    // a silent live stream gets a heartbeat soon (StreamThroughGatewayIT)
                    "-Dpaysuite.webhooks.stream.heartbeat=PT2S",
                    // retries soon enough to see one across a restart (WebhooksAcrossRestartIT)
                    "-Dpaysuite.webhooks.delivery.retry.delays=PT3S,PT3S,PT1M",
                    // and an attempt a crash cut short is retried 20 s later (timeout 15 s + margin)
                    "-Dpaysuite.webhooks.delivery.claim-margin=PT5S"));
            suite.launch("payments-service", PAYMENTS_PORT, paymentsProperties());
            for (int i = 0; i < REFUNDS_INSTANCES.size(); i++) {
                suite.launch("refunds-service", refundsPort(i), List.of(
                        "-Dquarkus.datasource.jdbc.url=" + jdbc("refunds"),
                        "-Dkafka.bootstrap.servers=" + KAFKA,
                        "-Dpaysuite.instance-id=" + REFUNDS_INSTANCES.get(i)), REFUNDS_INSTANCES.get(i));
            }
            suite.launch("gateway", GATEWAY_PORT, gatewayProperties());
            suite.awaitHealthy("methods-service", METHODS_PORT);
            suite.awaitHealthy("webhooks-service", WEBHOOKS_PORT);
            suite.awaitHealthy("payments-service", PAYMENTS_PORT);
            for (int i = 0; i < REFUNDS_INSTANCES.size(); i++) {
                suite.awaitHealthy(REFUNDS_INSTANCES.get(i), refundsPort(i));
            }
            suite.awaitHealthy("gateway", GATEWAY_PORT);
            running = suite;
            return suite;
        } catch (RuntimeException | IOException e) {
            suite.close();
            throw new IllegalStateException("Could not start the suite for end-to-end tests", e);
        }
    }

    /** What every payments-service instance is started with. */
    private static List<String> paymentsProperties() {
        return List.of(
                "-Dquarkus.rest-client.methods.url=http://127.0.0.1:" + METHODS_PORT,
                "-Dpaysuite.payments.public-url=http://127.0.0.1:" + GATEWAY_PORT,
                "-Dquarkus.datasource.jdbc.url=" + jdbc("payments"),
                "-Dkafka.bootstrap.servers=" + KAFKA,
                // Card …9987 halts the process right after the acquirer charged (PaymentCrashIT);
                // payments left processing are reconciled, and dead requests' keys freed, quickly.
                "-Dpaysuite.payments.simulator.crash-after-charge=true",
                "-Dpaysuite.payments.reconcile-after=PT2S",
                "-Dpaysuite.payments.reconcile-every=1s",
                "-Dpaysuite.payments.subscriptions.run-every=1s",
                // Disputes (test card …0259): opened 2 s after the charge, evidence due 40 s later
                // (DisputesThroughGatewayIT waits the deadline out), decided 1 s after submission
                "-Dpaysuite.payments.disputes.sync-every=1s",
                "-Dpaysuite.payments.simulator.dispute-after=PT2S",
                "-Dpaysuite.payments.simulator.dispute-evidence-window=PT40S",
                "-Dpaysuite.payments.simulator.dispute-decision-after=PT1S",
                "-Dpaysuite.idempotency.lease=PT5S");
    }

    /**
     * Starts a second payments-service instance on {@link #PAYMENTS_B_PORT} beside the first (the
     * same database and broker; the gateway still sends requests to the first): both run the
     * schedulers. Started on first demand; stopped with the suite.
     */
    synchronized void secondPayments() throws IOException {
        if (!launches.containsKey("payments-b")) {
            launch("payments-service", PAYMENTS_B_PORT, paymentsProperties(), "payments-b");
            awaitHealthy("payments-b", PAYMENTS_B_PORT);
        }
    }

    /**
     * Stops the second payments-service instance, so that the tests after the one that needed it run
     * against the suite as it started (one outbox relay, one scheduler).
     */
    synchronized void stopSecondPayments() throws InterruptedException {
        Launch second = launches.remove("payments-b");
        if (second != null) {
            second.process().destroy();
            if (!second.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                second.process().destroyForcibly();
            }
            processes.remove(second.process());
        }
    }

    /** What every gateway replica is started with: one database, one Redis, the same services. */
    private static List<String> gatewayProperties() {
        return List.of(
                "-Dquarkus.datasource.jdbc.url=" + jdbc("gateway"),
                "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/" + database("gateway"),
                "-Dpaysuite.gateway.demo.enabled=true",
                "-Dpaysuite.gateway.upstreams.payments=http://127.0.0.1:" + PAYMENTS_PORT,
                "-Dpaysuite.gateway.upstreams.methods=http://127.0.0.1:" + METHODS_PORT,
                "-Dpaysuite.gateway.upstreams.webhooks=http://127.0.0.1:" + WEBHOOKS_PORT,
                "-Dpaysuite.gateway.upstreams.refunds=http://127.0.0.1:" + refundsPort(0) + ",http://127.0.0.1:"
                        + refundsPort(1));
    }

    /**
     * Starts a second gateway replica ({@link #GATEWAY_B}) beside the first, as it would run scaled
     * out: the same database, Redis and services. Started on first demand, so the tests that do not
     * need it do not pay for another JVM; stopped with the suite.
     */
    synchronized String secondGateway() throws IOException {
        if (!launches.containsKey("gateway-b")) {
            launch("gateway", GATEWAY_B_PORT, gatewayProperties(), "gateway-b");
            awaitHealthy("gateway-b", GATEWAY_B_PORT);
        }
        return GATEWAY_B;
    }

    private void launch(String app, int port, List<String> properties) throws IOException {
        launch(app, port, properties, app);
    }

    private void launch(String app, int port, List<String> properties, String name) throws IOException {
        Path jar = ROOT.resolve(app).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify)");
        }
        Path logs = ROOT.resolve("e2e-tests/target/e2e-logs");
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of("java", "-Xmx384m", "-XX:+UseSerialGC",
                "-Dquarkus.profile=local", "-Dpaysuite.root=" + ROOT, "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort(port)));
        // Every trace kept and exported to the suite's receiver within a fraction of a second
        command.addAll(List.of("-Dquarkus.otel.traces.sampler.arg=1",
                "-Dquarkus.otel.exporter.otlp.traces.endpoint=http://127.0.0.1:" + OTLP_PORT,
                "-Dquarkus.otel.exporter.otlp.traces.protocol=http/protobuf",
                "-Dquarkus.otel.bsp.schedule.delay=PT0.2S"));
        command.addAll(properties);
        command.addAll(List.of("-jar", jar.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile())).start();
        processes.add(process);
        launches.put(name, new Launch(app, port, properties, process));
        original.putIfAbsent(name, List.copyOf(properties));
    }

    /** The process started under {@code name} (an app, or a refunds instance's name). */
    Process process(String name) {
        return launches.get(name).process();
    }

    /** Starts {@code name} again, as it was started, once it has exited; returns when it is ready. */
    void restart(String name) throws IOException {
        Launch previous = launches.get(name);
        if (previous.process().isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        processes.remove(previous.process());
        launch(previous.app(), previous.port(), previous.properties(), name);
        awaitHealthy(name, previous.port());
    }

    /**
     * Stops {@code name} (SIGTERM, then SIGKILL after 30 s) and starts it again with the properties it
     * was first started with plus {@code extra} (a later {@code -D} wins: e.g. its
     * {@code kafka.bootstrap.servers} or JDBC URL through a {@code TcpProxy}); an empty {@code extra}
     * puts it back as the suite started it. Returns when it is ready.
     */
    synchronized void restartWith(String name, List<String> extra) throws IOException, InterruptedException {
        Launch previous = launches.get(name);
        Process process = previous.process();
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
        processes.remove(process);
        List<String> properties = new ArrayList<>(original.get(name));
        properties.addAll(extra);
        launch(previous.app(), previous.port(), List.copyOf(properties), name);
        awaitHealthy(name, previous.port());
    }

    /** Waits (another 180 s at most) until {@code name}, still starting, is ready. */
    void awaitReady(String name) {
        awaitHealthy(name, launches.get(name).port());
    }

    /** True when {@code name} runs with the properties it was first started with. */
    boolean asStarted(String name) {
        Launch launch = launches.get(name);
        return launch != null && launch.properties().equals(original.get(name)) && launch.process().isAlive();
    }

    /** The names of the processes the suite runs now (apps, refunds instances, second replicas). */
    List<String> names() {
        return List.copyOf(launches.keySet());
    }

    /**
     * Restarts the test broker in place, with its data: stops the broker that infra/scripts/kafka.sh
     * started for this tree (SIGTERM, a controlled shutdown; SIGKILL after 60 s) and runs the same script
     * again with {@code KAFKA_RESET=0}, then waits until it accepts connections. From then on this JVM
     * owns the broker, and stops it when the suite closes (Maven would have stopped the first one when
     * it exited). Fails when the broker is not one this tree's script started.
     */
    synchronized void restartBroker() throws IOException, InterruptedException {
        int port = Integer.parseInt(KAFKA.substring(KAFKA.lastIndexOf(':') + 1));
        Path config = ROOT.resolve(".local/test/kafka/server.properties");
        ProcessHandle running = broker != null && broker.isAlive() ? broker.toHandle()
                : ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                        .filter(c -> c.contains("kafka.Kafka") && c.contains(config.toString())).isPresent())
                        .findFirst().orElseThrow(() -> new IllegalStateException(
                                "no broker of this tree runs with " + config + " (port " + port + ")"));
        running.destroy();
        try {
            running.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            running.destroyForcibly();
            running.onExit().join();
        }
        Path logs = ROOT.resolve("e2e-tests/target/e2e-logs");
        Files.createDirectories(logs);
        ProcessBuilder start = new ProcessBuilder("bash", ROOT.resolve("infra/scripts/kafka.sh").toString(), "run")
                .directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("kafka-restarted.log").toFile()));
        start.environment().put("KAFKA_PROFILE", "test");
        start.environment().put("KAFKA_PORT", String.valueOf(port));
        start.environment().put("KAFKA_RESET", "0");
        broker = start.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            try (java.net.Socket probe = new java.net.Socket()) {
                probe.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                if (!broker.isAlive()) {
                    throw new IllegalStateException("the restarted broker exited; see e2e-logs/kafka-restarted.log");
                }
                Thread.sleep(300);
            }
        }
        throw new IllegalStateException("the restarted broker did not listen on " + port + " within 180 s");
    }

    /** Where a service started on {@code port} serves /q/health and /q/metrics: its management interface. */
    static int managementPort(int port) {
        return port + 1000;
    }

    private void awaitHealthy(String app, int port) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + managementPort(port) + "/q/health/ready")
                        .toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!launches.values().stream().filter(l -> l.port() == port).allMatch(l -> l.process().isAlive())) {
                throw new IllegalStateException(app + " exited while starting; see e2e-tests/target/e2e-logs");
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(app + " was not healthy after 180 s; see e2e-tests/target/e2e-logs");
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (broker != null) {
            // the one a test restarted: its bash exec'd into the broker's JVM, a controlled shutdown
            broker.destroy();
            try {
                if (!broker.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    broker.destroyForcibly();
                }
            } catch (InterruptedException e) {
                broker.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (traces != null) {
            traces.close();
        }
    }
}
