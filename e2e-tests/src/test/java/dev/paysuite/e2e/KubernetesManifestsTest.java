package dev.paysuite.e2e;

import static dev.paysuite.e2e.environment.KubernetesManifests.JSON;
import static dev.paysuite.e2e.environment.KubernetesManifests.ROOT;
import static dev.paysuite.e2e.environment.KubernetesManifests.YAML;
import static dev.paysuite.e2e.environment.KubernetesManifests.containers;
import static dev.paysuite.e2e.environment.KubernetesManifests.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.e2e.environment.KubernetesManifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes manifests of deploy/ as rendered for each overlay, and the dashboard and alert rules of
 * deploy/observability: what a platform team relies on and a typo would break only in the cluster.
 */
class KubernetesManifestsTest {
    static final Set<String> SERVICES = Set.of("gateway", "payments-service", "refunds-service", "methods-service", "webhooks-service");

    /**
     * The metrics the dashboard and the alerts may use (Prometheus form): the platform's and services' own
     * meters (checked against the sources below) and those of the Micrometer binders (Kafka client, HTTP server).
     */
    static final Set<String> METRICS = Set.of(
            "paysuite_outbox_pending", "paysuite_outbox_oldest_pending_seconds", "paysuite_outbox_relay_failures_total",
            "paysuite_inbox_dead_lettered_total", "paysuite_inbox_waiting", "paysuite_webhooks_deliveries_total",
            "paysuite_gateway_rate_limited_total", "kafka_consumer_fetch_manager_records_lag_max",
            "http_server_requests_seconds_count", "http_server_requests_seconds_bucket");

    // ---- services: probes, resources, disruption budgets, autoscalers, environment ----

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceIsProbedOnItsManagementPort(String overlay) {
        KubernetesManifests m = KubernetesManifests.overlay(overlay);
        assertEquals(SERVICES, m.ofKind("Deployment").stream().map(KubernetesManifests::name).collect(Collectors.toSet()),
                overlay + ": one Deployment per service");
        for (JsonNode deployment : m.ofKind("Deployment")) {
            for (JsonNode c : deployment.path("spec").path("template").path("spec").path("containers")) {
                String where = overlay + " " + name(deployment) + "/" + c.path("name").asText();
                Map<String, Integer> ports = new HashMap<>();
                c.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
                assertTrue(ports.containsKey("http") && ports.containsKey("management"), where + ": ports http and management, not " + ports);
                assertEquals(ports.get("http") + 1000, ports.get("management"), where + ": the management port is the HTTP port + 1000");
                for (String[] probe : new String[][] {
                        {"startupProbe", "/q/health/started"}, {"readinessProbe", "/q/health/ready"}, {"livenessProbe", "/q/health/live"}}) {
                    JsonNode get = c.path(probe[0]).path("httpGet");
                    assertFalse(get.isMissingNode(), where + ": no " + probe[0] + " (an HTTP GET)");
                    assertEquals(probe[1], get.path("path").asText(), where + ": " + probe[0] + " path");
                    JsonNode port = get.path("port");
                    Integer resolved = port.isInt() ? Integer.valueOf(port.asInt()) : ports.get(port.asText());
                    assertEquals(ports.get("management"), resolved, where + ": " + probe[0] + " must probe the management port, not " + port);
                }
                Map<String, String> env = m.environment(c, (secret, key) -> "<" + secret + "/" + key + ">", secret -> Map.of());
                assertEquals("prod", env.get("QUARKUS_PROFILE"), where + ": QUARKUS_PROFILE");
                assertEquals(String.valueOf(ports.get("http")), env.get("QUARKUS_HTTP_PORT"), where + ": QUARKUS_HTTP_PORT");
                assertEquals(String.valueOf(ports.get("management")), env.get("QUARKUS_MANAGEMENT_PORT"), where + ": QUARKUS_MANAGEMENT_PORT");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void rollingRestartsDrain(String overlay) throws IOException {
        for (JsonNode deployment : KubernetesManifests.overlay(overlay).ofKind("Deployment")) {
            String where = overlay + " " + name(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            for (JsonNode c : pod.path("containers")) {
                JsonNode sleep = c.path("lifecycle").path("preStop").path("exec").path("command");
                assertEquals("sleep", sleep.path(0).asText(), where + ": a preStop sleep while endpoints drop the pod");
                long graceNeeded = Long.parseLong(sleep.path(1).asText()) + shutdownTimeoutSeconds(name(deployment));
                assertTrue(pod.path("terminationGracePeriodSeconds").asLong() > graceNeeded,
                        where + ": terminationGracePeriodSeconds must exceed the preStop sleep plus quarkus.shutdown.timeout (" + graceNeeded + " s)");
            }
            assertEquals(0, deployment.path("spec").path("strategy").path("rollingUpdate").path("maxUnavailable").asInt(-1),
                    where + ": a rollout never drops below the wanted replicas");
        }
    }

    /** The service's quarkus.shutdown.timeout in prod (its default profile; the last line wins), 0 when it sets none. */
    private static long shutdownTimeoutSeconds(String service) throws IOException {
        return Files.readAllLines(ROOT.resolve(service).resolve("src/main/resources/application.properties")).stream()
                .filter(line -> line.startsWith("quarkus.shutdown.timeout="))
                .map(line -> java.time.Duration.parse(line.substring(line.indexOf('=') + 1).trim()).toSeconds())
                .reduce((first, last) -> last).orElse(0L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasRequestsAndLimits(String overlay) {
        KubernetesManifests m = KubernetesManifests.overlay(overlay);
        List<JsonNode> workloads = new ArrayList<>(m.ofKind("Deployment"));
        workloads.addAll(m.ofKind("StatefulSet"));
        for (JsonNode workload : workloads) {
            for (JsonNode c : containers(workload)) {
                assertRequestsAndLimits(c.path("resources"), overlay + " " + name(workload) + "/" + c.path("name").asText());
            }
        }
        // What the operators run for us: Kafka nodes, PostgreSQL instances, Keycloak
        for (String kind : List.of("KafkaNodePool", "Cluster", "Keycloak")) {
            assertFalse(m.ofKind(kind).isEmpty(), overlay + ": a " + kind);
            m.ofKind(kind).forEach(r -> assertRequestsAndLimits(r.path("spec").path("resources"), overlay + " " + kind + " " + name(r)));
        }
    }

    private static void assertRequestsAndLimits(JsonNode resources, String where) {
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertFalse(resources.path(bound).path(resource).asText().isBlank(), where + ": no " + bound + "." + resource);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentHasADisruptionBudget(String overlay) {
        KubernetesManifests m = KubernetesManifests.overlay(overlay);
        for (JsonNode deployment : m.ofKind("Deployment")) {
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            boolean covered = m.ofKind("PodDisruptionBudget").stream()
                    .map(pdb -> pdb.path("spec").path("selector").path("matchLabels"))
                    .anyMatch(selector -> !selector.isEmpty() && selects(selector, podLabels));
            assertTrue(covered, overlay + ": no PodDisruptionBudget selects the pods of " + name(deployment));
        }
    }

    private static boolean selects(JsonNode matchLabels, JsonNode labels) {
        List<Map.Entry<String, JsonNode>> wanted = new ArrayList<>();
        matchLabels.fields().forEachRemaining(wanted::add);
        return wanted.stream().allMatch(e -> e.getValue().asText().equals(labels.path(e.getKey()).asText(null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void gatewayAndRefundsScaleWithinWhatTheTopicsAllow(String overlay) {
        KubernetesManifests m = KubernetesManifests.overlay(overlay);
        Map<String, JsonNode> byTarget = m.ofKind("HorizontalPodAutoscaler").stream()
                .collect(Collectors.toMap(h -> h.path("spec").path("scaleTargetRef").path("name").asText(), h -> h));
        assertEquals(Set.of("gateway", "refunds-service"), byTarget.keySet(), overlay + ": autoscalers");
        byTarget.forEach((target, hpa) -> {
            m.deployment(target);
            int min = hpa.path("spec").path("minReplicas").asInt(1);
            int max = hpa.path("spec").path("maxReplicas").asInt();
            assertTrue(min >= 1 && min <= max, overlay + " " + target + ": 1 <= minReplicas <= maxReplicas");
        });
        // A refunds-service pod beyond the partitions of payments.events would get none of them
        int partitions = topics(m).get("payments.events");
        assertTrue(byTarget.get("refunds-service").path("spec").path("maxReplicas").asInt() <= partitions,
                overlay + ": refunds-service scales to at most the " + partitions + " partitions of payments.events");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void databasesAndSecretsTheServicesReferenceExist(String overlay) {
        KubernetesManifests m = KubernetesManifests.overlay(overlay);
        Map<String, JsonNode> clusters = m.ofKind("Cluster").stream().collect(Collectors.toMap(KubernetesManifests::name, c -> c));
        Pattern jdbc = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/([a-z_]+)");
        for (JsonNode deployment : m.ofKind("Deployment")) {
            JsonNode c = deployment.path("spec").path("template").path("spec").path("containers").path(0);
            String where = overlay + " " + name(deployment);
            Map<String, String> env = m.environment(c, (secret, key) -> secret + "/" + key, secret -> Map.of());
            Matcher url = jdbc.matcher(env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", ""));
            assertTrue(url.matches(), where + ": QUARKUS_DATASOURCE_JDBC_URL names a CloudNativePG cluster's rw service: " + env);
            JsonNode cluster = clusters.get(url.group(1));
            assertTrue(cluster != null, where + ": no Cluster " + url.group(1));
            assertEquals(cluster.path("spec").path("bootstrap").path("initdb").path("database").asText(), url.group(2), where + ": database");
            // The credentials are the cluster's generated app Secret, never a value in the repository
            assertEquals(url.group(1) + "-app/username", env.get("QUARKUS_DATASOURCE_USERNAME"), where);
            assertEquals(url.group(1) + "-app/password", env.get("QUARKUS_DATASOURCE_PASSWORD"), where);
        }
        JsonNode keycloakDb = m.ofKind("Keycloak").get(0).path("spec").path("db");
        String host = keycloakDb.path("host").asText();
        assertTrue(host.endsWith("-rw") && clusters.containsKey(host.substring(0, host.length() - 3)), overlay + ": Keycloak's database " + host);
        assertEquals(host.substring(0, host.length() - 3) + "-app", keycloakDb.path("passwordSecret").path("name").asText());
    }

    // ---- images and secrets ----

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void imagesArePinned(String overlay) {
        KubernetesManifests m = KubernetesManifests.overlay(overlay);
        List<String> images = new ArrayList<>();
        Stream.concat(m.ofKind("Deployment").stream(), m.ofKind("StatefulSet").stream())
                .forEach(w -> containers(w).forEach(c -> images.add(c.path("image").asText())));
        m.ofKind("Keycloak").forEach(k -> images.add(k.path("spec").path("image").asText()));
        m.ofKind("Cluster").forEach(c -> images.add(c.path("spec").path("imageName").asText()));
        assertFalse(images.isEmpty());
        for (String image : images) {
            assertTrue(pinned(image), overlay + ": image " + image + " has no explicit tag (or has latest)");
        }
        for (JsonNode deployment : m.ofKind("Deployment")) {
            String image = deployment.path("spec").path("template").path("spec").path("containers").path(0).path("image").asText();
            assertTrue(image.startsWith("paysuite/" + name(deployment) + ":"), overlay + ": " + name(deployment) + " runs " + image);
        }
    }

    static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int colon = image.lastIndexOf(':');
        if (colon < 0 || colon < image.lastIndexOf('/')) {
            return false;
        }
        String tag = image.substring(colon + 1);
        return !tag.isBlank() && !tag.equals("latest");
    }

    @Test
    void pinningMeansAnExplicitTagOtherThanLatest() {
        assertTrue(pinned("paysuite/gateway:0.1.0"));
        assertTrue(pinned("registry.example.com:5000/paysuite/gateway:0.1.0"));
        assertTrue(pinned("redis@sha256:0123abcd"));
        assertFalse(pinned("paysuite/gateway"));
        assertFalse(pinned("registry.example.com:5000/paysuite/gateway"));
        assertFalse(pinned("redis:latest"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretValueIsInTheManifests(String overlay) {
        KubernetesManifests m = KubernetesManifests.overlay(overlay);
        for (JsonNode secret : m.ofKind("Secret")) {
            assertFalse(secret.has("data") || secret.has("stringData"), overlay + ": Secret " + name(secret) + " carries data in the repository");
        }
        Pattern secretish = Pattern.compile("(?i).*(PASSWORD|SECRET|PRIVATE|TOKEN|CREDENTIAL|_KEY$|_KEYS_).*");
        // A variable named like a secret may hold where a mounted file is (an absolute path), never the secret
        for (JsonNode cm : m.ofKind("ConfigMap")) {
            cm.path("data").fields().forEachRemaining(e -> assertFalse(
                    secretish.matcher(e.getKey()).matches() && !e.getValue().asText().startsWith("/"),
                    overlay + ": ConfigMap " + name(cm) + " holds " + e.getKey() + ": a secret belongs in a Secret"));
        }
        for (JsonNode deployment : m.ofKind("Deployment")) {
            for (JsonNode c : containers(deployment)) {
                for (JsonNode e : c.path("env")) {
                    assertFalse(e.has("value") && secretish.matcher(e.path("name").asText()).matches()
                                    && !e.path("value").asText().startsWith("/"),
                            overlay + ": " + name(deployment) + " sets " + e.path("name").asText() + " to a literal value");
                }
            }
        }
        // The realm import: client secrets only as placeholders the operator fills from a Secret; no user password
        for (JsonNode realmImport : m.ofKind("KeycloakRealmImport")) {
            JsonNode spec = realmImport.path("spec");
            for (JsonNode client : spec.path("realm").path("clients")) {
                if (client.has("secret")) {
                    Matcher placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(client.path("secret").asText());
                    assertTrue(placeholder.matches(), overlay + ": client " + client.path("clientId").asText() + " has a plaintext secret");
                    assertTrue(spec.path("placeholders").path(placeholder.group(1)).path("secret").has("name"),
                            overlay + ": placeholder " + placeholder.group(1) + " is filled from no Secret");
                }
            }
            for (JsonNode user : spec.path("realm").path("users")) {
                assertFalse(user.has("credentials"), overlay + ": user " + user.path("username").asText() + " has credentials in the repository");
            }
        }
    }

    // ---- Kafka, Keycloak ----

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaTopicsAreTheOnesTheSuiteUsesToday(String overlay) throws IOException {
        KubernetesManifests m = KubernetesManifests.overlay(overlay);
        assertEquals(todaysTopics(), topics(m), overlay + ": KafkaTopic partitions against infra/scripts/common.sh");
        String kafka = name(m.ofKind("Kafka").get(0));
        for (JsonNode topic : m.ofKind("KafkaTopic")) {
            assertEquals(kafka, topic.path("metadata").path("labels").path("strimzi.io/cluster").asText(), overlay + ": " + name(topic) + "'s cluster");
        }
        for (JsonNode pool : m.ofKind("KafkaNodePool")) {
            assertEquals(kafka, pool.path("metadata").path("labels").path("strimzi.io/cluster").asText(), overlay + ": node pool's cluster");
            int brokers = pool.path("spec").path("replicas").asInt();
            m.ofKind("KafkaTopic").forEach(t -> assertTrue(t.path("spec").path("replicas").asInt() <= brokers,
                    overlay + ": " + name(t) + " has more replicas than there are brokers"));
        }
        // Every topic a service reads, writes or dead-letters to is created (the broker creates none by itself)
        Set<String> named = new TreeSet<>();
        for (String service : SERVICES) {
            Path properties = ROOT.resolve(service).resolve("src/main/resources/application.properties");
            for (String line : Files.readAllLines(properties)) {
                Matcher topic = Pattern.compile("^mp\\.messaging\\.[a-z]+\\.[a-z-]+\\.(?:dead-letter-queue\\.)?topic=(.+)$").matcher(line.trim());
                if (topic.matches()) {
                    named.add(topic.group(1).trim());
                }
            }
        }
        assertFalse(named.isEmpty());
        assertTrue(topics(m).keySet().containsAll(named), overlay + ": topics the services use but no KafkaTopic creates: " + named);
    }

    static Map<String, Integer> topics(KubernetesManifests m) {
        return m.ofKind("KafkaTopic").stream().collect(Collectors.toMap(
                t -> t.path("spec").path("topicName").asText(name(t)), t -> t.path("spec").path("partitions").asInt(), (a, b) -> a, TreeMap::new));
    }

    /** The topics infra/scripts/common.sh creates for every run: name, or name:partitions, and the default count. */
    static Map<String, Integer> todaysTopics() throws IOException {
        String script = Files.readString(ROOT.resolve("infra/scripts/common.sh"));
        Matcher list = Pattern.compile("(?m)^TOPICS=\\(([^)]*)\\)").matcher(script);
        Matcher partitions = Pattern.compile("TOPIC_PARTITIONS=\"\\$\\{TOPIC_PARTITIONS:-(\\d+)}\"").matcher(script);
        assertTrue(list.find() && partitions.find(), "infra/scripts/common.sh no longer defines TOPICS and TOPIC_PARTITIONS as this test reads them");
        Map<String, Integer> topics = new TreeMap<>();
        for (String entry : list.group(1).trim().split("\\s+")) {
            String[] parts = entry.split(":");
            topics.put(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : Integer.parseInt(partitions.group(1)));
        }
        return topics;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theRealmImportIsTheRealmOfDeployKeycloak(String overlay) throws IOException {
        KubernetesManifests m = KubernetesManifests.overlay(overlay);
        JsonNode realm = JSON.readTree(ROOT.resolve("deploy/keycloak/paysuite-realm.json").toFile());
        JsonNode realmImport = m.ofKind("KeycloakRealmImport").get(0).path("spec");
        assertEquals(name(m.ofKind("Keycloak").get(0)), realmImport.path("keycloakCRName").asText(), overlay + ": the import's Keycloak");
        JsonNode imported = realmImport.path("realm");
        // Regenerate with deploy/keycloak/k8s-realm-import.sh when these differ
        for (String field : List.of("realm", "roles", "clientScopes", "defaultDefaultClientScopes", "defaultOptionalClientScopes",
                "components", "accessTokenLifespan", "sslRequired", "bruteForceProtected", "defaultSignatureAlgorithm")) {
            assertEquals(realm.path(field), imported.path(field), overlay + ": the realm import's " + field + " differs from paysuite-realm.json");
        }
        assertFalse(imported.path("clients").isEmpty());
        for (JsonNode client : imported.path("clients")) {
            String id = client.path("clientId").asText();
            JsonNode original = Stream.of(realm.path("clients")).flatMap(cs -> java.util.stream.StreamSupport.stream(cs.spliterator(), false))
                    .filter(c -> id.equals(c.path("clientId").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": client " + id + " is not in paysuite-realm.json"));
            assertEquals(withoutDeploymentFields(original), withoutDeploymentFields(client), overlay + ": client " + id);
        }
        for (String client : List.of("paysuite-dashboard", "paysuite-admin-cli")) {
            assertTrue(imported.path("clients").findValuesAsText("clientId").contains(client), overlay + ": client " + client);
        }
        JsonNode dashboard = imported.path("clients").path(0);
        assertEquals("paysuite-dashboard", dashboard.path("clientId").asText());
        assertFalse(dashboard.path("redirectUris").isEmpty(), overlay + ": the dashboard's redirect URIs (set by the overlay)");
    }

    /** A client without what a deployment sets for itself: its secret, addresses and description. */
    private static JsonNode withoutDeploymentFields(JsonNode client) {
        ObjectNode copy = client.deepCopy();
        copy.remove(List.of("secret", "redirectUris", "webOrigins", "description"));
        if (copy.path("attributes") instanceof ObjectNode attributes) {
            attributes.remove("post.logout.redirect.uris");
        }
        return copy;
    }

    // ---- observability ----

    @Test
    void alertRulesUseMetricsTheServicesPublish() throws IOException {
        JsonNode rules = YAML.readTree(ROOT.resolve("deploy/observability/prometheus/paysuite-alerts.yml").toFile());
        assertFalse(rules.path("groups").isEmpty(), "no rule groups");
        Set<String> used = new TreeSet<>();
        Set<String> names = new TreeSet<>();
        for (JsonNode group : rules.path("groups")) {
            assertFalse(group.path("name").asText().isBlank(), "a group without a name");
            assertFalse(group.path("rules").isEmpty(), "group " + group.path("name").asText() + " has no rules");
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                assertFalse(alert.isBlank(), "a rule without an alert name: " + rule);
                assertTrue(names.add(alert), "alert " + alert + " twice");
                assertTrue(Set.of("warning", "critical").contains(rule.path("labels").path("severity").asText()), alert + ": severity");
                assertFalse(rule.path("annotations").path("summary").asText().isBlank(), alert + ": a summary");
                if (rule.has("for")) {
                    assertTrue(rule.path("for").asText().matches("\\d+[smh]"), alert + ": for " + rule.path("for").asText());
                }
                Set<String> metrics = metricNames(rule.path("expr").asText());
                assertFalse(metrics.isEmpty(), alert + ": its expression names no metric");
                assertTrue(METRICS.containsAll(metrics), alert + " uses metrics nobody publishes: " + metrics);
                used.addAll(metrics);
            }
        }
        // What issue 12 asks alerts for: outbox backlog, consumer lag, dead letters, webhook failures, 5xx
        assertTrue(used.containsAll(Set.of("paysuite_outbox_oldest_pending_seconds", "kafka_consumer_fetch_manager_records_lag_max",
                "paysuite_inbox_dead_lettered_total", "paysuite_webhooks_deliveries_total", "http_server_requests_seconds_count")),
                "alerts cover " + used);
    }

    @Test
    void theDashboardShowsRequestsEventsAndDeliveries() throws IOException {
        JsonNode dashboard = JSON.readTree(ROOT.resolve("deploy/observability/grafana/paysuite-dashboard.json").toFile());
        Set<String> used = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                continue;
            }
            assertFalse(panel.path("targets").isEmpty(), "panel " + panel.path("title").asText() + " shows nothing");
            for (JsonNode target : panel.path("targets")) {
                Set<String> metrics = metricNames(target.path("expr").asText());
                assertTrue(!metrics.isEmpty() && METRICS.containsAll(metrics), panel.path("title").asText() + ": " + metrics);
                used.addAll(metrics);
            }
        }
        assertEquals(METRICS, used, "every metric of the suite has a panel");
    }

    @Test
    void theSuitesOwnMetricsExistInItsSources() throws IOException {
        // A paysuite_* name in Prometheus form is a Micrometer meter's dotted name plus the unit or _total
        Set<String> literals = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path java : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")).toList()) {
                Matcher m = Pattern.compile("\"(paysuite\\.[a-z.]+)\"").matcher(Files.readString(java));
                while (m.find()) {
                    literals.add(m.group(1));
                }
            }
        }
        for (String metric : METRICS) {
            if (metric.startsWith("paysuite_")) {
                String meter = metric.replaceAll("_(total|seconds)$", "").replace('_', '.');
                assertTrue(literals.contains(meter), metric + ": no meter " + meter + " in the services' sources");
            }
        }
    }

    /** The metric names a PromQL expression reads (not its functions, labels, durations or keywords). */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\[[^]]*]", " ");
        Set<String> keywords = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()").matcher(s);
        while (m.find()) {
            if (!keywords.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void metricNamesAreReadFromExpressions() {
        assertEquals(Set.of("http_server_requests_seconds_bucket"), metricNames(
                "histogram_quantile(0.99, sum by (service, uri, le) (rate(http_server_requests_seconds_bucket{service=~\"$service\"}[$__rate_interval])))"));
        assertEquals(Set.of("a_total", "b"), metricNames("sum by (x) (rate(a_total{o!=\"s\"}[5m])) / on (x) max(b) > 0.2 and bool 1"));
        assertEquals(Set.of("up"), metricNames("up"));
    }
}
