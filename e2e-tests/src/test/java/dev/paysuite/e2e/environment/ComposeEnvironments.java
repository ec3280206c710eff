package dev.paysuite.e2e.environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services of docker-compose.yml (those it builds from a module's Dockerfile) with the
 * environment and files compose would give them. Variables are interpolated the way compose does
 * ({@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR:?error}}, {@code $$}) from .env.example,
 * whose placeholder secrets ({@code change-me}) are replaced the way deploy/compose/prepare.sh does
 * (random, never the example's), and with the key files taken from {@code keysDir}.
 */
public final class ComposeEnvironments implements EnvironmentSource {
    static final String PLACEHOLDER = "change-me";
    private static final Pattern INTERPOLATION = Pattern.compile(
            "\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path composeFile;
    private final Path envFile;
    private final Path keysDir;

    public ComposeEnvironments(Path composeFile, Path envFile, Path keysDir) {
        this.composeFile = composeFile;
        this.envFile = envFile;
        this.keysDir = keysDir;
    }

    @Override
    public String name() {
        return "compose";
    }

    @Override
    public Map<String, String> hosts() {
        Map<String, String> hosts = new LinkedHashMap<>(Map.of(
                "kafka", Target.KAFKA, "postgres", Target.POSTGRES, "redis", Target.REDIS,
                "keycloak", Target.KEYCLOAK));
        try {
            for (Map.Entry<String, JsonNode> service : services(read())) {
                hosts.put(service.getKey(), moduleOf(service.getValue()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + composeFile, e);
        }
        return hosts;
    }

    private JsonNode read() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(composeFile.toFile());
    }

    /** The compose services built from one of our modules (build.context is the module's folder). */
    private static List<Map.Entry<String, JsonNode>> services(JsonNode compose) {
        List<Map.Entry<String, JsonNode>> built = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : compose.path("services").properties()) {
            if (moduleOf(service.getValue()) != null) {
                built.add(service);
            }
        }
        return built;
    }

    private static String moduleOf(JsonNode service) {
        JsonNode build = service.path("build");
        String context = build.isTextual() ? build.asText() : build.path("context").asText(null);
        return context == null ? null : Path.of(context).getFileName().toString();
    }

    @Override
    public List<ServiceEnvironment> services() throws IOException {
        Map<String, String> variables = variables();
        List<ServiceEnvironment> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : services(read())) {
            String module = moduleOf(service.getValue());
            Map<String, String> env = new LinkedHashMap<>();
            JsonNode environment = service.getValue().path("environment");
            if (environment.isObject()) {
                environment.properties().forEach(e -> env.put(e.getKey(),
                        interpolate(e.getValue().isNull() ? "" : e.getValue().asText(), variables)));
            } else {
                for (JsonNode entry : environment) {
                    String text = entry.asText();
                    int eq = text.indexOf('=');
                    env.put(text.substring(0, eq), interpolate(text.substring(eq + 1), variables));
                }
            }
            Map<String, Path> files = new LinkedHashMap<>();
            for (JsonNode volume : service.getValue().path("volumes")) {
                String[] parts = interpolate(volume.asText(), variables).split(":");
                if (parts.length >= 2 && (parts[0].startsWith(".") || parts[0].startsWith("/"))) {
                    files.put(parts[1], composeFile.getParent().resolve(parts[0]).normalize());
                }
            }
            result.add(new ServiceEnvironment(module, env, files));
        }
        return result;
    }

    /** .env.example's values, its placeholders replaced by fresh secrets and the key folder by keysDir. */
    private Map<String, String> variables() throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(envFile)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                continue;
            }
            String name = trimmed.substring(0, trimmed.indexOf('='));
            String value = trimmed.substring(trimmed.indexOf('=') + 1);
            if (value.equals(PLACEHOLDER)) {
                value = name.endsWith("_PASSWORD") ? HexFormat.of().formatHex(bytes(24))
                        : Base64.getEncoder().encodeToString(bytes(32));
            }
            variables.put(name, value);
        }
        variables.put("PAYSUITE_KEYS_DIR", keysDir.toString());
        return variables;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Compose's interpolation: an unset variable with {@code :?} or {@code ?} is an error, as in compose. */
    static String interpolate(String text, Map<String, String> variables) {
        Matcher m = INTERPOLATION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else if (m.group(4) != null) {
                replacement = variables.getOrDefault(m.group(4), "");
            } else {
                String name = m.group(1);
                String value = variables.get(name);
                String op = m.group(2);
                boolean unset = op != null && op.startsWith(":") ? value == null || value.isEmpty() : value == null;
                if (op == null) {
                    replacement = value == null ? "" : value;
                } else if (op.endsWith("-")) {
                    replacement = unset ? m.group(3) : value;
                } else if (unset) {
                    throw new IllegalStateException("docker-compose.yml needs " + name + ": " + m.group(3));
                } else {
                    replacement = value;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
