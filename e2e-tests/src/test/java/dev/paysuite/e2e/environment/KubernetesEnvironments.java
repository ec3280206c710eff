package dev.paysuite.e2e.environment;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services of a kustomize overlay (deploy/overlays/dev) with the environment their Deployments give
 * them: the ConfigMaps resolved as rendered, each Secret reference given a test value of the kind the
 * Secret holds (deploy/README.md: a CloudNativePG app Secret's owner and a password, a base64 AES key,
 * the vault's key ring), and the files each container mounts (the key Secrets' items) taken from
 * {@code keysDir}. Host names are the Services of the overlay: the Kafka bootstrap, each PostgreSQL
 * cluster's {@code -rw}, Redis, Keycloak and the services themselves.
 */
public final class KubernetesEnvironments implements EnvironmentSource {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String overlay;
    private final Path keysDir;

    public KubernetesEnvironments(String overlay, Path keysDir) {
        this.overlay = overlay;
        this.keysDir = keysDir;
    }

    @Override
    public String name() {
        return "kubernetes-" + overlay;
    }

    private KubernetesManifests manifests() {
        return KubernetesManifests.overlay(overlay);
    }

    @Override
    public Map<String, String> hosts() {
        KubernetesManifests m = manifests();
        Map<String, String> hosts = new LinkedHashMap<>();
        m.ofKind("Kafka").forEach(k -> hosts.put(KubernetesManifests.name(k) + "-kafka-bootstrap", Target.KAFKA));
        m.ofKind("Cluster").forEach(c -> hosts.put(KubernetesManifests.name(c) + "-rw", Target.POSTGRES));
        m.ofKind("Keycloak").forEach(k -> hosts.put(KubernetesManifests.name(k) + "-service", Target.KEYCLOAK));
        for (JsonNode service : m.ofKind("Service")) {
            String selected = service.path("spec").path("selector").path("app.kubernetes.io/name").asText();
            if (m.find("Deployment", selected).isPresent()) {
                hosts.put(KubernetesManifests.name(service), selected);
            } else if (m.find("StatefulSet", selected).filter(KubernetesEnvironments::runsRedis).isPresent()) {
                hosts.put(KubernetesManifests.name(service), Target.REDIS);
            }
        }
        return hosts;
    }

    private static boolean runsRedis(JsonNode statefulSet) {
        return KubernetesManifests.containers(statefulSet).stream().anyMatch(c -> c.path("image").asText().startsWith("redis:"));
    }

    @Override
    public List<ServiceEnvironment> services() {
        KubernetesManifests m = manifests();
        List<ServiceEnvironment> services = new ArrayList<>();
        for (JsonNode deployment : m.ofKind("Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").path(0);
            Map<String, String> env = m.environment(container, this::secretValue, this::secretAsEnvironment);
            services.add(new ServiceEnvironment(KubernetesManifests.name(deployment), env, mounts(pod, container)));
        }
        return services;
    }

    /** Each file a key volume projects, at its path in the container, from keysDir (the same file names). */
    private Map<String, Path> mounts(JsonNode pod, JsonNode container) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (JsonNode mount : container.path("volumeMounts")) {
            for (JsonNode volume : pod.path("volumes")) {
                if (!volume.path("name").asText().equals(mount.path("name").asText())) {
                    continue;
                }
                List<JsonNode> secrets = new ArrayList<>();
                volume.path("projected").path("sources").forEach(s -> secrets.add(s.path("secret")));
                if (volume.has("secret")) {
                    secrets.add(volume.path("secret"));
                }
                for (JsonNode secret : secrets) {
                    for (JsonNode item : secret.path("items")) {
                        files.put(mount.path("mountPath").asText() + "/" + item.path("path").asText(),
                                keysDir.resolve(item.path("key").asText()));
                    }
                }
            }
        }
        return files;
    }

    /** A test value for one key of a Secret the overlay expects to exist. */
    private String secretValue(String secret, String key) {
        if (secret.endsWith("-db-app")) {
            // CloudNativePG's app Secret: the cluster's owner role and its password
            String cluster = secret.substring(0, secret.length() - "-app".length());
            return switch (key) {
                case "username" -> manifests().find("Cluster", cluster)
                        .map(c -> c.path("spec").path("bootstrap").path("initdb").path("owner").asText())
                        .orElseThrow(() -> new IllegalStateException("Secret " + secret + " of no Cluster " + cluster));
                case "password" -> HexFormat.of().formatHex(bytes(24));
                default -> throw new IllegalStateException("CloudNativePG's " + secret + " has no key " + key + " the services read");
            };
        }
        return switch (secret + "/" + key) {
            case "paysuite-webhooks/secret-key" -> Base64.getEncoder().encodeToString(bytes(32));
            default -> throw new IllegalStateException("No test value for Secret " + secret + ", key " + key + " (deploy/README.md lists them)");
        };
    }

    /** A Secret given whole as variables (envFrom): the vault's key ring, as deploy/README.md makes it. */
    private Map<String, String> secretAsEnvironment(String secret) {
        if (secret.equals("paysuite-vault")) {
            return Map.of("PAYSUITE_VAULT_KEYS_K2026", Base64.getEncoder().encodeToString(bytes(32)),
                    "PAYSUITE_VAULT_ACTIVE_KEY", "k2026",
                    "PAYSUITE_VAULT_FINGERPRINT_KEY", Base64.getEncoder().encodeToString(bytes(32)));
        }
        throw new IllegalStateException("No test variables for Secret " + secret + " (deploy/README.md lists them)");
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
