package dev.paysuite.webhooks.adapter.in.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.platform.testing.TestCaller;
import dev.paysuite.webhooks.testing.SseClient;
import dev.paysuite.webhooks.testing.SseClient.Frame;
import dev.paysuite.webhooks.testing.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live stream against the real database: what a partner's EventSource sees. */
@QuarkusTest
class EventStreamTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/v1/events/stream")
    URI stream;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventStreams streams;

    TestEvents events;
    final TestCaller merchant = TestCaller.newTestMerchant();
    final TestCaller stranger = TestCaller.newTestMerchant();

    @BeforeEach
    void events() {
        events = new TestEvents(dataSource);
    }

    private SseClient open(TestCaller caller, String query, String lastEventId) throws Exception {
        URI uri = query == null ? stream : URI.create(stream + "?" + query);
        Map<String, String> headers = lastEventId == null
                ? Map.of("Authorization", "Bearer " + caller.token())
                : Map.of("Authorization", "Bearer " + caller.token(), "Last-Event-ID", lastEventId);
        return SseClient.open(uri, headers);
    }

    @Test
    void sendsWhatHappensNextAndResumesAfterTheLastEventIdWithoutGapsOrRepeats() throws Exception {
        events.insert(merchant.merchantId(), "payment.created"); // before the stream: not sent
        List<String> sent = new ArrayList<>();
        String lastSeen;
        try (SseClient client = open(merchant, null, null)) {
            assertEquals(200, client.status());
            assertThat(client.header("Content-Type"), startsWith("text/event-stream"));
            for (int i = 0; i < 3; i++) {
                sent.add(events.insert(merchant.merchantId(), "payment.succeeded"));
            }
            for (String id : sent) {
                Frame f = client.nextEvent(WAIT);
                assertNotNull(f, "event " + id + " arrived");
                assertEquals(id, f.id());
                assertEquals("payment.succeeded", f.event());
                JsonNode event = JSON.readTree(f.data());
                assertEquals(id, event.get("id").asText());
                assertEquals("event", event.get("object").asText());
                assertEquals("payment.succeeded", event.get("type").asText());
                assertEquals("café", event.get("data").get("note").asText());
                assertTrue(event.has("sequence") && event.has("created_at") && event.has("livemode"));
            }
            lastSeen = sent.get(2);
            assertEquals(List.of(), client.otherLines(), "only id, event, data, retry and comments");
        }
        // missed while disconnected
        List<String> missed = List.of(events.insert(merchant.merchantId(), "refund.created"),
                events.insert(merchant.merchantId(), "refund.succeeded"));
        try (SseClient client = open(merchant, null, lastSeen)) {
            String live = events.insert(merchant.merchantId(), "payment.captured");
            assertEquals(missed.get(0), client.nextEvent(WAIT).id());
            assertEquals(missed.get(1), client.nextEvent(WAIT).id());
            assertEquals(live, client.nextEvent(WAIT).id());
            assertNull(client.nextEvent(Duration.ofMillis(1500)), "nothing twice, nothing else");
        }
    }

    @Test
    void filtersByTypesAndShowsNoOtherMerchantOrMode() throws Exception {
        try (SseClient refunds = open(merchant, "types=" + URLEncoder.encode("refund.created,refund.failed",
                StandardCharsets.UTF_8) + "&types=refund.succeeded", null);
                SseClient live = open(merchant.live(), null, null);
                SseClient other = open(stranger, null, null)) {
            events.insert(merchant.merchantId(), "payment.succeeded");
            String created = events.insert(merchant.merchantId(), "refund.created");
            events.insert(merchant.merchantId(), "payment.captured");
            String succeeded = events.insert(merchant.merchantId(), "refund.succeeded");
            assertEquals(created, refunds.nextEvent(WAIT).id());
            assertEquals(succeeded, refunds.nextEvent(WAIT).id());
            String strangers = events.insert(stranger.merchantId(), "payment.succeeded");
            assertEquals(strangers, other.nextEvent(WAIT).id(), "the stranger sees only its own");
            assertNull(refunds.nextEvent(Duration.ofMillis(800)));
            assertNull(live.nextEvent(Duration.ofMillis(200)), "test-mode events never reach a live stream");
        }
    }

    @Test
    void resumingAfterAnEventOfAnotherTypeOrMerchantIsRefusedOrFollowsPositions() throws Exception {
        String a = events.insert(merchant.merchantId(), "payment.created");
        String b = events.insert(merchant.merchantId(), "payment.succeeded");
        String strangers = events.insert(stranger.merchantId(), "payment.succeeded");
        // resuming after a, filtered to payment.succeeded: b, even though a is of another type
        try (SseClient client = open(merchant, "types=payment.succeeded", a)) {
            assertEquals(b, client.nextEvent(WAIT).id());
        }
        // another merchant's event is no place to resume from: 400, as an unknown one
        for (String bad : List.of(strangers, "evt_doesnotexist", "not-an-event-id")) {
            try (SseClient client = open(merchant, null, bad)) {
                assertEquals(400, client.status(), bad);
                String body = client.body();
                assertThat(body, containsString("\"param\":\"Last-Event-ID\""));
                assertThat(body, containsString("\"type\":\"invalid_request_error\""));
            }
        }
        try (SseClient client = open(merchant, "types=" + URLEncoder.encode("a,,b", StandardCharsets.UTF_8), null)) {
            assertEquals(400, client.status());
            assertThat(client.body(), containsString("\"param\":\"types\""));
        }
        try (SseClient client = SseClient.open(stream, Map.of())) {
            assertEquals(401, client.status());
        }
    }

    @Test
    void openStreamsHoldNoDatabaseConnectionAndHeadOpensNone() throws Exception {
        // more streams than the pool has connections (20 by default): each request lasts as long as its stream
        List<SseClient> clients = new ArrayList<>();
        List<TestCaller> callers = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                TestCaller caller = TestCaller.newTestMerchant();
                callers.add(caller);
                SseClient c = open(caller, null, null);
                assertEquals(200, c.status());
                clients.add(c);
            }
            // were each stream holding a connection, the pool would be empty and this would fail after
            // its acquisition timeout (5 s) with a 5xx
            merchant.request().get("/v1/events?limit=1").then().statusCode(200);
            String id = events.insert(callers.get(23).merchantId(), "payment.succeeded");
            assertEquals(id, clients.get(23).nextEvent(WAIT).id(), "and the streams still flow");
        } finally {
            for (SseClient c : clients) {
                c.close();
            }
        }
        int before = streams.openStreams();
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + merchant.token())
                .head("/v1/events/stream").then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/event-stream"));
        assertTrue(streams.openStreams() <= before, "HEAD opens no stream");
    }

    @Test
    void heartbeatsKeepASilentStreamOpen() throws Exception {
        try (SseClient client = open(merchant, null, null)) {
            Frame first = client.next(WAIT);
            assertNotNull(first);
            assertTrue(first.comments().contains("paysuite event stream"), "the opening comment");
            Frame heartbeat = client.next(Duration.ofSeconds(5));
            assertNotNull(heartbeat, "a heartbeat after a second of silence (the test profile's)");
            assertEquals(List.of("heartbeat"), heartbeat.comments());
            assertNull(heartbeat.data());
        }
    }

    @Test
    void aClientThatLeavesFreesItsStreamAndAMerchantHoldsFewAtOnce() throws Exception {
        TestCaller busy = TestCaller.newTestMerchant();
        int before = streams.openStreams();
        List<SseClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                clients.add(open(busy, null, null));
                assertEquals(200, clients.get(i).status());
            }
            try (SseClient fourth = open(busy, null, null)) {
                assertEquals(429, fourth.status());
                assertThat(fourth.body(), containsString("\"code\":\"rate_limit_exceeded\""));
            }
            try (SseClient others = open(merchant, null, null)) {
                assertEquals(200, others.status(), "the limit is per merchant");
            }
        } finally {
            for (SseClient c : clients) {
                c.close();
            }
        }
        await().atMost(WAIT).until(() -> streams.openStreams() <= before);
        try (SseClient again = open(busy, null, null)) {
            assertEquals(200, again.status(), "closed streams no longer count");
        }
    }
}
