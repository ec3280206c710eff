package dev.paysuite.e2e;

import static dev.paysuite.e2e.environment.KubernetesManifests.ROOT;
import static dev.paysuite.e2e.environment.KubernetesManifests.YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The image definitions, checked without an engine: each service's Dockerfile.jvm builds from a
 * pinned base, runs as a non-root numeric user in the prod profile, exposes its HTTP and management
 * ports and has a health check on the management port's readiness; docker-compose.yml pins every
 * image it pulls.
 */
class ImageDefinitionsTest {
    private static final Map<String, Integer> PORTS = Map.of("gateway", 8080, "payments-service", 8081,
            "refunds-service", 8082, "methods-service", 8083, "webhooks-service", 8084);
    private static final Pattern PINNED = Pattern.compile("[^\\s:@]+(:[\\w][\\w.-]*|@sha256:[0-9a-f]{64})");

    @Test
    void everyServiceImageIsPinnedNonRootAndHealthChecked() throws IOException {
        for (Map.Entry<String, Integer> service : PORTS.entrySet()) {
            String name = service.getKey();
            Path file = ROOT.resolve(name).resolve("src/main/docker/Dockerfile.jvm");
            assertTrue(Files.exists(file), file + " exists");
            List<String> lines = Files.readAllLines(file).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            String text = String.join("\n", lines);
            List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
            assertEquals(1, from.size(), name + ": one base image");
            pinned(name, from.get(0).substring(5).strip().split("\\s+")[0]);
            Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(text);
            String lastUser = null;
            while (user.find()) {
                lastUser = user.group(1);
            }
            assertTrue(lastUser != null && lastUser.matches("[1-9][0-9]*"), name + " runs as a numeric non-root user: " + lastUser);
            assertTrue(text.contains("ENV QUARKUS_PROFILE=prod"), name + " runs the prod profile");
            int http = service.getValue();
            assertTrue(Pattern.compile("(?m)^EXPOSE .*\\b" + http + "\\b.*\\b" + (http + 1000) + "\\b").matcher(text).find(),
                    name + " exposes " + http + " and its management port " + (http + 1000));
            Matcher health = Pattern.compile("(?s)HEALTHCHECK .*CMD .*").matcher(text);
            assertTrue(health.find(), name + " has a health check");
            assertTrue(health.group().contains("/q/health/ready") && health.group().contains(String.valueOf(http + 1000)),
                    name + "'s health check asks readiness on the management port");
            assertTrue(text.contains("target/quarkus-app"), name + " is the fast-jar layout");
        }
    }

    @Test
    void composePinsEveryImage() throws IOException {
        JsonNode compose = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
        int images = 0;
        for (Map.Entry<String, JsonNode> service : compose.path("services").properties()) {
            JsonNode image = service.getValue().path("image");
            assertFalse(image.isMissingNode(), service.getKey() + " names its image");
            pinned(service.getKey(), image.asText());
            images++;
        }
        assertTrue(images >= 9, "the five services and Kafka, PostgreSQL, Redis, Keycloak");
    }

    private static void pinned(String who, String image) {
        assertTrue(PINNED.matcher(image).matches(), who + ": " + image + " has an explicit tag or digest");
        assertFalse(image.endsWith(":latest"), who + ": " + image + " is not latest");
    }
}
