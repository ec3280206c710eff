package dev.paysuite.gateway.adapter.in.http;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.gateway.testing.Clients;
import dev.paysuite.gateway.testing.IdentityTokens;
import dev.paysuite.gateway.testing.LogLines;
import dev.paysuite.gateway.testing.StubUpstream;
import dev.paysuite.gateway.testing.TestKeys;
import dev.paysuite.gateway.testing.TestKeys.TestKey;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server-Sent Events through the gateway, against a stub service whose stream the test drives
 * event by event ({@link StubUpstream.Stream}), read by a client that sees each chunk as it comes.
 * The profile shortens the upstream timeout, so outliving it takes little time, and allows one
 * pooled connection per service instance, so a stream that kept its connection would make the
 * next request to the service wait out the timeout: every test that ends a stream then sends one.
 */
@QuarkusTest
@TestProfile(StreamingTest.OneConnectionShortTimeout.class)
class StreamingTest {
    static final String ADDRESS = Clients.newLoopbackAddress();
    static final Duration PATIENCE = Duration.ofSeconds(10);

    public static class OneConnectionShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paysuite.gateway.upstream-timeout", "PT2S",
                    "paysuite.gateway.upstream-max-connections", "1",
                    "paysuite.gateway.upstream-max-streams", "1");
        }
    }

    static Vertx vertx;

    @Inject
    AgroalDataSource dataSource;

    /** What the gateway runs with (the profile's, unless the stub's test resource says otherwise). */
    @ConfigProperty(name = "paysuite.gateway.upstream-timeout")
    Duration upstreamTimeout;

    TestKey key;
    HttpClient http;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    @BeforeEach
    void client() {
        key = new TestKeys(dataSource).create();
        http = vertx.createHttpClient(new HttpClientOptions().setLocalAddress(ADDRESS).setKeepAlive(false));
    }

    @AfterEach
    void closeClient() {
        http.close();
    }

    // --- Streaming ---------------------------------------------------------------------------------

    @Test
    void eachEventReachesTheClientWhileTheServiceStillHoldsTheNext() throws Exception {
        String marker = UUID.randomUUID().toString();
        EventStream client = EventStream.open(http, "/v1/events/stream?stream=" + marker, key);
        StubUpstream.Stream service = StubUpstream.stream(marker);

        // The head is out before any event: status, the service's headers, and the gateway's own.
        assertEquals(200, client.status());
        assertEquals("text/event-stream; charset=utf-8", client.header("Content-Type"));
        assertEquals("no-cache", client.header("Cache-Control"));
        assertEquals("no", client.header("X-Accel-Buffering"));
        assertEquals("chunked", client.header("Transfer-Encoding"));
        assertNull(client.header("Content-Length"));
        assertEquals("webhooks", client.header("X-Stub"));
        assertNull(client.header("X-Hop-Secret"));
        assertTrue(client.header("Request-Id").matches("req_[A-Za-z0-9]{24}"), client.header("Request-Id"));
        assertEquals("100000", client.header("X-RateLimit-Limit"));
        // Forwarded as any request: with the caller's identity, never the key.
        StubUpstream.Received received = StubUpstream.received(client.header("Request-Id"));
        assertEquals("/v1/events/stream?stream=" + marker, received.uri());
        assertEquals(key.merchantId(), IdentityTokens.verify(received.header("Authorization")).getSubject());

        service.send("one");
        assertEquals("data: one", client.nextEvent(PATIENCE)); // while the service holds the rest back
        service.send("two");
        assertEquals("data: two", client.nextEvent(PATIENCE));
        service.write("id: 3\nevent: payment.succeeded\ndata: {\"id\": \"evt_3\"}\n\n");
        assertEquals("id: 3\nevent: payment.succeeded\ndata: {\"id\": \"evt_3\"}", client.nextEvent(PATIENCE));
        service.end();
        client.awaitEnd(PATIENCE);
        assertFalse(client.failed());
    }

    @Test
    void aStreamOutlivesTheUpstreamTimeout() throws Exception {
        String marker = UUID.randomUUID().toString();
        long started = System.nanoTime();
        EventStream client = EventStream.open(http, "/v1/events/stream?stream=" + marker, key);
        StubUpstream.Stream service = StubUpstream.stream(marker);
        long lasting = upstreamTimeout.toMillis() * 2 + 1_000;
        int events = 0;
        while ((System.nanoTime() - started) / 1_000_000 < lasting) {
            service.send("tick " + events);
            assertEquals("data: tick " + events, client.nextEvent(PATIENCE));
            events++;
            Thread.sleep(300);
        }
        // Quiet for longer than the timeout too: a stream without events is not a service too slow to answer.
        Thread.sleep(upstreamTimeout.toMillis() + 500);
        service.send("still here");
        assertEquals("data: still here", client.nextEvent(PATIENCE));
        service.end();
        client.awaitEnd(PATIENCE);
        assertFalse(client.failed());
        assertEquals(200, client.status());
    }

    @Test
    void theClientGoingAwayClosesTheServicesStreamAndFreesItsConnection() throws Exception {
        String marker = UUID.randomUUID().toString();
        EventStream client = EventStream.open(http, "/v1/events/stream?stream=" + marker, key);
        StubUpstream.Stream service = StubUpstream.stream(marker);
        service.send("one");
        assertEquals("data: one", client.nextEvent(PATIENCE));

        client.close();
        service.closed().get(3, TimeUnit.SECONDS); // a couple of seconds at most, not the next event or a timeout
        // The one pooled connection to the service is free again: the next request is not kept waiting.
        answeredByTheService("/v1/events/evt_1", key);
    }

    @Test
    void aStreamWhoseClientLeftBeforeItsHeadersIsClosedWhenTheyCome() throws Exception {
        String marker = UUID.randomUUID().toString();
        CompletableFuture<HttpClientRequest> sent = new CompletableFuture<>();
        http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(RestAssured.port)
                        .setURI("/v1/events/stream?stream=" + marker + "&headers_after_ms=1000")
                        .addHeader("Authorization", key.bearer()).addHeader("Accept", "text/event-stream"))
                .onSuccess(request -> {
                    request.send();
                    sent.complete(request);
                })
                .onFailure(sent::completeExceptionally);
        HttpClientRequest request = sent.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        StubUpstream.Stream service = StubUpstream.stream(marker); // the service has the request, no headers yet
        request.connection().close();

        // The headers come after the client left: nobody will read the stream, so it is closed at once.
        service.closed().get(5, TimeUnit.SECONDS);
        answeredByTheService("/v1/events/evt_1", key);
    }

    @Test
    void theServiceEndingTheStreamEndsTheClientsAnswerAndLogsIt() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = LogLines.capture(lines);
        Logger access = Logger.getLogger("dev.paysuite.gateway.access");
        access.addHandler(capture);
        try {
            String marker = UUID.randomUUID().toString();
            EventStream client = EventStream.open(http, "/v1/events/stream?stream=" + marker, key);
            String requestId = client.header("Request-Id");
            StubUpstream.Stream service = StubUpstream.stream(marker);
            service.send("one");
            assertEquals("data: one", client.nextEvent(PATIENCE));
            Thread.sleep(1_200);
            assertTrue(lines.stream().noneMatch(l -> l.contains(requestId)), "logged before the stream ended");

            service.end();
            client.awaitEnd(PATIENCE);
            assertFalse(client.failed());
            await().atMost(PATIENCE).until(() -> lines.stream().anyMatch(l -> l.contains(requestId)));
            List<String> logged = lines.stream().filter(l -> l.contains(requestId)).toList();
            assertEquals(1, logged.size(), logged.toString());
            String line = logged.get(0);
            assertTrue(line.matches(requestId + " GET /v1/events/stream 200 \\d+ms merchant=" + key.merchantId()), line);
            long millis = Long.parseLong(line.replaceAll(".* (\\d+)ms .*", "$1"));
            assertTrue(millis >= 1_200, "the stream's whole duration, not " + millis + " ms");
        } finally {
            access.removeHandler(capture);
        }
        // The stream's connection went back to the pool (or closed): the next request is not kept waiting.
        answeredByTheService("/v1/events/evt_1", key);
    }

    @Test
    void theServiceBreakingOffMidStreamBreaksOffTheClientsAnswer() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = LogLines.capture(lines);
        Logger access = Logger.getLogger("dev.paysuite.gateway.access");
        access.addHandler(capture);
        try {
            String marker = UUID.randomUUID().toString();
            EventStream client = EventStream.open(http, "/v1/events/stream?stream=" + marker, key);
            String requestId = client.header("Request-Id");
            StubUpstream.Stream service = StubUpstream.stream(marker);
            service.send("one");
            assertEquals("data: one", client.nextEvent(PATIENCE));

            service.breakOff();
            client.awaitEnd(PATIENCE);
            assertTrue(client.failed(), "a stream cut short must not look complete");
            // Done as far as the gateway is concerned too: logged (a request never done would also hold up a graceful shutdown).
            await().atMost(PATIENCE).until(() -> lines.stream().anyMatch(l -> l.contains(requestId)));
            String line = lines.stream().filter(l -> l.contains(requestId)).findFirst().orElseThrow();
            assertTrue(line.matches(requestId + " GET /v1/events/stream aborted \\d+ms merchant=" + key.merchantId()), line);
        } finally {
            access.removeHandler(capture);
        }
        answeredByTheService("/v1/events/evt_1", key);
    }

    @Test
    void aClientThatDoesNotReadHoldsTheServiceBackRatherThanTheGatewayGatheringTheStream() throws Exception {
        long cap = 1024L * 1024 * 1024;
        String marker = UUID.randomUUID().toString();
        EventStream client = EventStream.open(http, "/v1/events/stream?stream=" + marker, key);
        StubUpstream.Stream service = StubUpstream.stream(marker);
        client.pause();
        service.pump(cap);

        // The service writes until the buffers on the way (sockets, a few event queues) are full, then
        // waits: had the gateway kept reading, it would have gone on to the cap, at loopback speed.
        long held = awaitSteady(service);
        assertTrue(held < 128L * 1024 * 1024, "the service got " + held + " bytes out to a client reading none");

        client.resumeDiscarding();
        await().atMost(PATIENCE).until(() -> service.pumped() > held + 1024 * 1024);
        client.close();
        service.closed().get(3, TimeUnit.SECONDS);
        answeredByTheService("/v1/events/evt_1", key);
    }

    /** What the service has pumped once it stops growing for a second (its writes held back). */
    static long awaitSteady(StubUpstream.Stream service) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long last = -1;
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            long now = service.pumped();
            if (now > 0 && now == last) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("The service never stopped writing: " + last + " bytes so far");
    }

    @Test
    void aStreamIsOneRequestForTheRateLimitHoweverManyEventsItCarries() throws Exception {
        TestKey limited = new TestKeys(dataSource).create("test", 100, 60, 20);
        String marker = UUID.randomUUID().toString();
        EventStream client = EventStream.open(http, "/v1/events/stream?stream=" + marker, limited);
        assertEquals("100", client.header("X-RateLimit-Limit"));
        assertEquals("99", client.header("X-RateLimit-Remaining"));
        StubUpstream.Stream service = StubUpstream.stream(marker);
        for (int i = 0; i < 50; i++) { // more than the burst of 20 a second, and in well under a second
            service.send("event " + i);
        }
        for (int i = 0; i < 50; i++) {
            assertEquals("data: event " + i, client.nextEvent(PATIENCE));
        }
        service.end();
        client.awaitEnd(PATIENCE);

        Clients.from(ADDRESS).header("Authorization", limited.bearer()).get("/v1/events/evt_1").then()
                .statusCode(201)
                .header("X-RateLimit-Remaining", "98");
    }

    // --- What is not a stream -----------------------------------------------------------------------

    @Test
    void aJsonAnswerOnTheSamePathIsStillReadWholeAndAnsweredAsBefore() {
        Response r = Clients.from(ADDRESS).header("Authorization", key.bearer()).accept(ContentType.JSON)
                .get("/v1/events/stream");
        r.then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("X-Stub", "webhooks")
                .header("X-Hop-Secret", nullValue())
                .header("X-Accel-Buffering", nullValue())
                .header("Transfer-Encoding", nullValue())
                .header("Content-Length", matchesPattern("[0-9]+"))
                .header("Request-Id", matchesPattern("req_[A-Za-z0-9]{24}"))
                .body("uri", equalTo("/v1/events/stream"));
    }

    @Test
    void aServiceThatNeverSendsItsHeadersIsStillAnswered504AfterTheTimeout() {
        long started = System.nanoTime();
        Response r = Clients.from(ADDRESS).header("Authorization", key.bearer()).accept("text/event-stream")
                .get("/v1/events/hang");
        long millis = (System.nanoTime() - started) / 1_000_000;
        r.then().statusCode(504)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("api_error"))
                .body("error.code", equalTo("upstream_timeout"));
        assertTrue(millis >= upstreamTimeout.toMillis() - 100 && millis < upstreamTimeout.toMillis() + 5_000,
                "answered after " + millis + " ms, the timeout being " + upstreamTimeout);
    }

    @Test
    void theProfilesTimeoutIsTheOneInForce() {
        // Guards the tests above: outliving the timeout must take more than a few seconds only if it has to.
        assertEquals(Duration.ofSeconds(2), upstreamTimeout);
    }

    // --- Helpers -----------------------------------------------------------------------------------

    /**
     * Answered by the service, not 504: with one connection per instance for requests asking for a
     * stream, such a request finds none free while a finished stream still holds its own, and waits
     * out the upstream timeout.
     */
    static void answeredByTheService(String path, TestKey key) {
        Clients.from(ADDRESS).header("Authorization", key.bearer()).header("Accept", "text/event-stream").get(path)
                .then().statusCode(201).header("X-Stub", "webhooks");
    }

    @Test
    void anOpenStreamTakesNoneOfTheConnectionsOrdinaryRequestsUse() throws Exception {
        String marker = UUID.randomUUID().toString();
        EventStream client = EventStream.open(http, "/v1/events/stream?stream=" + marker, key);
        StubUpstream.Stream service = StubUpstream.stream(marker);
        service.send("one");
        assertEquals("data: one", client.nextEvent(PATIENCE));
        // the stream holds the only connection for streams; an ordinary request has its own pool
        Clients.from(ADDRESS).header("Authorization", key.bearer()).get("/v1/events/evt_1").then().statusCode(201)
                .header("X-Stub", "webhooks");
        service.end();
        client.awaitEnd(PATIENCE);
        answeredByTheService("/v1/events/evt_1", key);
    }


    /**
     * A client reading a stream of events as it comes: each chunk is split into lines the moment it
     * arrives, so an event the gateway held back shows as one that never came, not as a late one.
     */
    static final class EventStream {
        private final HttpClientResponse response;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final CompletableFuture<Boolean> ended = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        private EventStream(HttpClientResponse response) {
            this.response = response;
            response.handler(chunk -> {
                partial.append(chunk.toString());
                int newline;
                while ((newline = partial.indexOf("\n")) >= 0) {
                    lines.add(partial.substring(0, newline));
                    partial.delete(0, newline + 1);
                }
            });
            response.endHandler(v -> ended.complete(false));
            response.exceptionHandler(e -> ended.complete(true));
            response.request().connection().closeHandler(v -> ended.complete(true));
        }

        /** Sends the request and waits for the answer's head (never for its body). */
        static EventStream open(HttpClient http, String path, TestKey key) throws Exception {
            CompletableFuture<EventStream> opened = new CompletableFuture<>();
            http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                            .setPort(RestAssured.port).setURI(path)
                            .addHeader("Authorization", key.bearer())
                            .addHeader("Accept", "text/event-stream"))
                    .compose(request -> request.send())
                    // on the response's own context, before any chunk of it is handled
                    .onSuccess(response -> opened.complete(new EventStream(response)))
                    .onFailure(opened::completeExceptionally);
            return opened.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }

        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.getHeader(name);
        }

        /** The next event's lines, joined (without the blank line that ends it). */
        String nextEvent(Duration wait) throws InterruptedException {
            List<String> event = new ArrayList<>();
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("No complete event within " + wait + "; so far " + event);
                }
                if (line.isEmpty()) {
                    return String.join("\n", event);
                }
                event.add(line);
            }
        }

        /** Stops reading, as a slow client does. */
        void pause() {
            response.pause();
        }

        /** Reads again, as fast as it comes, throwing it away. */
        void resumeDiscarding() {
            response.handler(chunk -> {
            });
            response.resume();
        }

        void awaitEnd(Duration wait) throws InterruptedException, ExecutionException, TimeoutException {
            ended.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Whether the answer broke off instead of ending with its last chunk. */
        boolean failed() {
            return ended.getNow(false);
        }

        void close() {
            response.request().connection().close();
        }
    }
}
