package dev.paysuite.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a scenario script of e2e-tests/browser in Node: Playwright driving Debian's headless Chromium.
 * The script gets its input as one JSON argument and prints its result as one JSON line on stdout;
 * what it logs on stderr goes to this test's log, line by line, as it comes. Screenshots land in
 * e2e-tests/target/browser-screenshots/&lt;scenario&gt;/NN-step.png.
 */
final class Browser {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PAYSUITE_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCRIPTS = Suite.ROOT.resolve("e2e-tests/browser");
    static final Path SCREENSHOTS = Suite.ROOT.resolve("e2e-tests/target/browser-screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    /** axe-core's impacts that fail a page. */
    static final List<String> FAILING_IMPACTS = List.of("serious", "critical");

    private Browser() {
    }

    /** Checks {@link #requireInstalled()} before the suite starts: listed before Suite.Extension. */
    static final class Installed implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            requireInstalled();
        }
    }

    /**
     * Fails (never skips) when what the scripts need is missing: a browser test that skips quietly
     * on a machine without a browser would pass where nothing was tested.
     */
    static void requireInstalled() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " (Debian's chromium)");
        }
        for (String module : List.of("playwright-core", "axe-core")) {
            if (!Files.isDirectory(SCRIPTS.resolve("node_modules").resolve(module))) {
                missing.add("e2e-tests/browser/node_modules/" + module);
            }
        }
        if (!missing.isEmpty()) {
            fail("The browser tests need " + String.join(" and ", missing)
                    + ": run `bash infra/scripts/browser.sh` (the e2e-tests build runs it before its ITs)");
        }
    }

    /** Runs scenarios/&lt;script&gt;.mjs for the scenario named {@code scenario} and returns its result. */
    static JsonNode run(String script, String scenario, Map<String, Object> input) {
        Path screenshots = SCREENSHOTS.resolve(scenario);
        try {
            clear(screenshots);
            Map<String, Object> args = new java.util.LinkedHashMap<>(input);
            args.put("screenshots", screenshots.toString());
            Process process = new ProcessBuilder("node", "scenarios/" + script + ".mjs", JSON.writeValueAsString(args))
                    .directory(SCRIPTS.toFile()).start();
            Thread stderr = new Thread(() -> copyLines(process, scenario), "browser-" + scenario);
            stderr.setDaemon(true);
            stderr.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(scenario + ": the browser script did not finish within " + TIMEOUT.toSeconds() + " s");
            }
            stderr.join(5_000);
            String last = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
            if (last == null) {
                fail(scenario + ": the browser script printed no result (exit " + process.exitValue() + "): " + out);
            }
            JsonNode result = JSON.readTree(last);
            if (!result.path("ok").asBoolean()) {
                fail(scenario + ": the browser script failed at " + result.path("url").asText("?") + ": "
                        + result.path("error").asText() + " (screenshots in " + screenshots + ")");
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every violation axe-core found in the scenario's pages, printed; the serious and critical ones
     * returned as lines (page, rule, impact, nodes) for the assertion.
     */
    static List<String> seriousViolations(String scenario, JsonNode result) {
        List<String> failing = new ArrayList<>();
        result.path("axe").properties().forEach(page -> {
            for (JsonNode v : page.getValue()) {
                StringBuilder line = new StringBuilder(page.getKey() + ": " + v.path("impact").asText() + " "
                        + v.path("id").asText() + " (" + v.path("help").asText() + ")");
                for (JsonNode n : v.path("nodes")) {
                    line.append("\n    ").append(n.path("target").asText()).append(": ")
                            .append(n.path("summary").asText().replace("\n", " "));
                }
                System.err.println("[" + scenario + "] axe " + line);
                if (FAILING_IMPACTS.contains(v.path("impact").asText())) {
                    failing.add(line.toString());
                }
            }
        });
        return failing;
    }

    private static void copyLines(Process process, String scenario) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                System.err.println("[" + scenario + "] " + line);
            }
        } catch (IOException e) {
            System.err.println("[" + scenario + "] (stderr closed: " + e.getMessage() + ")");
        }
    }

    private static void clear(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
