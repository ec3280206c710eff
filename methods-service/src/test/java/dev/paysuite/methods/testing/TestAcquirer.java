package dev.paysuite.methods.testing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An acquirer the vault may forward cards to in tests: it keeps every body it received and answers
 * 200 with an authorization. Registered for every test of this module (one Quarkus start), as the
 * destination {@code test-acquirer}.
 */
@QuarkusTestResource(TestAcquirer.class)
public class TestAcquirer implements QuarkusTestResourceLifecycleManager {
    public static final String DESTINATION = "test-acquirer";
    public static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/authorize", exchange -> {
            RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"authorization\":\"auth_123\",\"approved\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        return Map.of("paysuite.vault.forwarding.destinations." + DESTINATION,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/authorize");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
