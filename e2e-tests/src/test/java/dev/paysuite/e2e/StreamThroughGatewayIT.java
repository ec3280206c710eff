package dev.paysuite.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The live stream through the gateway, as a partner follows it: events as they happen, a
 * disconnect, a reconnect with {@code Last-Event-ID}, and nothing missed or repeated; heartbeats
 * pass the gateway as they are written (it streams, it does not buffer).
 */
@ExtendWith(Suite.Extension.class)
class StreamThroughGatewayIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theStreamResumesAfterADisconnectWithoutGapsOrRepeats() throws Exception {
        String key = Merchants.create().apiKey();
        List<JsonNode> seen = new ArrayList<>();
        String pay;
        try (Stream stream = Stream.open(key, null)) {
            assertEquals(200, stream.status);
            assertThat(stream.response.headers().firstValue("Content-Type").orElse(""), startsWith("text/event-stream"));
            pay = EventsThroughGatewayIT.as(key).body(
                    "{\"amount\": 1000, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\"}")
                    .post("/v1/payments").then().statusCode(201).extract().path("id");
            seen.add(stream.nextEvent()); // the first; the client then drops the connection
        }
        // while the partner is away: the rest of the payment's events, and a refund's
        EventsThroughGatewayIT.as(key).body("{\"amount\": 300}").post("/v1/payments/" + pay + "/refunds").then()
                .statusCode(200);
        String last = seen.get(seen.size() - 1).get("id").asText();
        try (Stream stream = Stream.open(key, last)) {
            assertEquals(200, stream.status);
            while (seen.stream().noneMatch(e -> e.get("type").asText().equals("payment.refunded"))) {
                seen.add(stream.nextEvent());
            }
            assertEquals(null, stream.nextEventOrNull(Duration.ofSeconds(2)), "nothing more, nothing twice");
        }
        List<String> ids = seen.stream().map(e -> e.get("id").asText()).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no event twice: " + ids);
        JsonPath listed = EventsThroughGatewayIT.as(key).get("/v1/events?limit=100").then().statusCode(200).extract()
                .jsonPath();
        Set<String> all = new HashSet<>(listed.getList("data.id"));
        assertEquals(all, new HashSet<>(ids), "the stream held every event of the merchant, and only those");
        // in the stream's order, the payment's history is 1..n: a partner may apply it as it comes
        List<Long> sequences = seen.stream().map(e -> e.get("sequence").asLong()).toList();
        assertEquals(LongStream.rangeClosed(1, seen.size()).boxed().toList(), sequences, ids.toString());
    }

    @Test
    void heartbeatsCrossTheGatewayAsTheyAreWrittenAndStrangersSeeNothing() throws Exception {
        String key = Merchants.create().apiKey();
        String stranger = Merchants.create().apiKey();
        try (Stream quiet = Stream.open(stranger, null); Stream stream = Stream.open(key, null)) {
            // the suite's webhooks-service sends a heartbeat after 2 s of silence
            String comment = stream.nextComment(Duration.ofSeconds(10));
            assertNotNull(comment, "a heartbeat through the gateway");
            EventsThroughGatewayIT.as(key).body(
                    "{\"amount\": 500, \"currency\": \"EUR\", \"payment_method_id\": \"pm_test_success\"}")
                    .post("/v1/payments").then().statusCode(201);
            assertEquals("payment.created", stream.nextEvent().get("type").asText());
            assertEquals(null, quiet.nextEventOrNull(Duration.ofSeconds(2)), "another merchant's stream stays quiet");
        }
        try (Stream refused = Stream.open(key, "evt_neverexisted")) {
            assertEquals(400, refused.status);
            JsonNode error = JSON.readTree(refused.response.body().readAllBytes()).get("error");
            assertEquals("Last-Event-ID", error.get("param").asText());
        }
        try (Stream anonymous = Stream.open(null, null)) {
            assertEquals(401, anonymous.status);
        }
    }

    /** A partner's SSE client: lines read on a thread of their own, frames handed over as they end. */
    private static final class Stream implements AutoCloseable {
        final HttpResponse<InputStream> response;
        final int status;
        final BlockingQueue<Map.Entry<String, String>> frames = new LinkedBlockingQueue<>();

        private Stream(HttpResponse<InputStream> response) {
            this.response = response;
            this.status = response.statusCode();
            if (status == 200) {
                Thread reader = new Thread(this::read, "e2e-sse");
                reader.setDaemon(true);
                reader.start();
            }
        }

        static Stream open(String key, String lastEventId) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Suite.GATEWAY + "/v1/events/stream"))
                    .header("Accept", "text/event-stream").GET();
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            return new Stream(client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        }

        /** Frames as ("data", json) or ("comment", text). */
        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        frames.add(Map.entry("data", line.substring(5).trim()));
                    } else if (line.startsWith(":")) {
                        frames.add(Map.entry("comment", line.substring(1).trim()));
                    }
                }
            } catch (IOException closed) {
                // the test closed it
            }
        }

        JsonNode nextEvent() throws Exception {
            JsonNode e = nextEventOrNull(WAIT);
            assertNotNull(e, "an event within " + WAIT);
            return e;
        }

        JsonNode nextEventOrNull(Duration wait) throws Exception {
            long deadline = System.nanoTime() + wait.toNanos();
            for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                Map.Entry<String, String> f = frames.poll(left, TimeUnit.NANOSECONDS);
                if (f != null && f.getKey().equals("data")) {
                    JsonNode event = JSON.readTree(f.getValue());
                    assertTrue(event.get("id").asText().startsWith("evt_"), f.getValue());
                    return event;
                }
            }
            return null;
        }

        String nextComment(Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                Map.Entry<String, String> f = frames.poll(left, TimeUnit.NANOSECONDS);
                if (f != null && f.getKey().equals("comment") && f.getValue().equals("heartbeat")) {
                    return f.getValue();
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            response.body().close();
        }
    }
}
