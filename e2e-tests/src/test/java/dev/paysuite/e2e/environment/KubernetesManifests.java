package dev.paysuite.e2e.environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What {@code kubectl kustomize deploy/overlays/<overlay>} renders, read as Jackson trees: the resources
 * of one overlay by kind and name, and the environment a Deployment's container gets (its ConfigMaps
 * resolved, each Secret reference answered by the caller). kubectl is taken from {@code KUBECTL} or the
 * PATH (.ci/run installs it when missing); each overlay is rendered once per test JVM.
 */
public final class KubernetesManifests {
    public static final Path ROOT = Path.of(System.getProperty("paysuite.root", "..")).toAbsolutePath().normalize();
    public static final Path DEPLOY = ROOT.resolve("deploy");
    public static final ObjectMapper YAML = new YAMLMapper();
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, KubernetesManifests> RENDERED = new ConcurrentHashMap<>();

    public final String overlay;
    public final List<JsonNode> resources;

    private KubernetesManifests(String overlay, List<JsonNode> resources) {
        this.overlay = overlay;
        this.resources = resources;
    }

    /** The resources of one overlay (dev, prod) as kubectl kustomize renders them. */
    public static KubernetesManifests overlay(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> new KubernetesManifests(o, parse(kustomize(DEPLOY.resolve("overlays").resolve(o)))));
    }

    /** Every document of a kustomization directory rendered by kubectl kustomize. */
    public static String kustomize(Path dir) {
        String kubectl = Optional.ofNullable(System.getenv("KUBECTL")).orElse("kubectl");
        try {
            Process p = new ProcessBuilder(kubectl, "kustomize", dir.toString()).redirectErrorStream(false).start();
            String out;
            String err;
            try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
                ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
                Thread drainErr = new Thread(() -> {
                    try {
                        e.transferTo(errBytes);
                    } catch (IOException ignored) {
                        // the exit code tells what went wrong
                    }
                });
                drainErr.start();
                out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
                drainErr.join();
                err = errBytes.toString(StandardCharsets.UTF_8);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed: " + err);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + kubectl + " (install kubectl, or set KUBECTL; .ci/run does)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> parse(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(new YAMLFactory().createParser(yaml))) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    public List<JsonNode> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    public static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    public Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(name(r))).findFirst();
    }

    public JsonNode deployment(String name) {
        return find("Deployment", name).orElseThrow(() -> new AssertionError(overlay + ": no Deployment " + name));
    }

    public static List<JsonNode> containers(JsonNode workload) {
        List<JsonNode> all = new ArrayList<>();
        JsonNode spec = workload.path("spec").path("template").path("spec");
        spec.path("initContainers").forEach(all::add);
        spec.path("containers").forEach(all::add);
        return all;
    }

    /**
     * The environment a container starts with, in Kubernetes's order (envFrom first, then env): ConfigMap
     * values resolved from the rendered ConfigMaps, each Secret value asked of {@code secret} (Secret
     * name, key; for envFrom secretRef the key is null and the answer is a map of variables).
     */
    public Map<String, String> environment(JsonNode container, BiFunction<String, String, String> secret,
                                    Function<String, Map<String, String>> secretAsEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                JsonNode data = configMap(from.path("configMapRef").path("name").asText()).path("data");
                data.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            } else if (from.has("secretRef")) {
                env.putAll(secretAsEnv.apply(from.path("secretRef").path("name").asText()));
            }
        }
        for (JsonNode e : container.path("env")) {
            String name = e.path("name").asText();
            if (e.has("value")) {
                env.put(name, e.path("value").asText());
            } else if (e.path("valueFrom").has("configMapKeyRef")) {
                JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
                env.put(name, configMap(ref.path("name").asText()).path("data").path(ref.path("key").asText()).asText());
            } else if (e.path("valueFrom").has("secretKeyRef")) {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                env.put(name, secret.apply(ref.path("name").asText(), ref.path("key").asText()));
            }
        }
        return env;
    }

    public JsonNode configMap(String name) {
        return find("ConfigMap", name).orElseThrow(() -> new AssertionError(overlay + ": no ConfigMap " + name));
    }
}
