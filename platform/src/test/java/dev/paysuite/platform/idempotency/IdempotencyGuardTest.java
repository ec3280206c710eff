package dev.paysuite.platform.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.platform.persistence.ListedThing;
import dev.paysuite.platform.persistence.ListedThingRepository;
import dev.paysuite.platform.tx.JtaTransactions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key against the real database. The actions here do what an inbound adapter does:
 * open the change's transaction ({@link JtaTransactions}), make the change and record the answer
 * with {@code claim.complete} inside it.
 */
@QuarkusTest
class IdempotencyGuardTest {
    @Inject
    IdempotencyGuard guard;

    @Inject
    JtaTransactions transactions;

    @Inject
    ListedThingRepository things;

    @Inject
    AgroalDataSource dataSource;

    final String merchant = "mer_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    final AtomicInteger runs = new AtomicInteger();

    record CreateThing(String name, Map<String, String> metadata) {
    }

    static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    IdempotentRequest request(String merchantId, String key, Object body) {
        return new IdempotentRequest(merchantId, false, key, "POST", "/v1/things", body);
    }

    IdempotentRequest request(String key, Object body) {
        return request(merchant, key, body);
    }

    static CreateThing body(String name) {
        return new CreateThing(name, Map.of("order_id", "42"));
    }

    /** Creates a thing and records the answer in the same transaction, as an adapter does. */
    Function<IdempotencyGuard.Claim, StoredAnswer> createsAThing() {
        return claim -> transactions.inTransaction(() -> {
            String id = "thg_" + runs.incrementAndGet() + "_" + UUID.randomUUID();
            things.persist(ListedThing.of(id, merchant, Instant.now()));
            return claim.complete(new StoredAnswer(201, Map.of("Location", "/v1/things/" + id),
                    "{\"id\":\"" + id + "\"}"));
        });
    }

    @Test
    void withoutAKeyTheActionRunsEveryTime() {
        StoredAnswer first = guard.execute(request(null, body("a")), createsAThing());
        StoredAnswer second = guard.execute(request(null, body("a")), createsAThing());
        assertEquals(2, runs.get());
        assertFalse(first.body().equals(second.body()), "two changes, two answers");
        assertFalse(second.headers().containsKey(IdempotencyGuard.REPLAYED_HEADER));
    }

    @Test
    void theSameKeyAndRequestReplayTheFirstAnswerWithoutRunningTheActionAgain() {
        String key = newKey();
        StoredAnswer first = guard.execute(request(key, body("a")), createsAThing());
        StoredAnswer again = guard.execute(request(key, body("a")), createsAThing());

        assertEquals(1, runs.get());
        assertFalse(first.headers().containsKey(IdempotencyGuard.REPLAYED_HEADER));
        assertEquals("true", again.headers().get(IdempotencyGuard.REPLAYED_HEADER));
        assertEquals(first.status(), again.status());
        assertEquals(first.body(), again.body());
        assertEquals(first.headers().get("Location"), again.headers().get("Location"));
        assertEquals(1, things.count("owner", merchant), "one change for two requests");
    }

    @Test
    void theStoredAnswerKeepsItsStatusHeadersAndBody() {
        String key = newKey();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", "/v1/things/thg_1");
        headers.put("Request-Id", "req_1");
        StoredAnswer declined = new StoredAnswer(402, headers,
                "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"message\":\"Declined \\u00e9\"}}");
        guard.execute(request(key, body("a")), claim -> transactions.inTransaction(() -> claim.complete(declined)));

        StoredAnswer replayed = guard.execute(request(key, body("a")), createsAThing());
        assertEquals(0, runs.get());
        assertEquals(402, replayed.status());
        assertEquals(declined.body(), replayed.body());
        Map<String, String> expected = new LinkedHashMap<>(headers);
        expected.put(IdempotencyGuard.REPLAYED_HEADER, "true");
        assertEquals(expected, replayed.headers());
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        String key = newKey();
        guard.execute(request(key, body("a")), createsAThing());

        ApiException otherBody = assertThrows(ApiException.class,
                () -> guard.execute(request(key, body("b")), createsAThing()));
        assertEquals(422, otherBody.status());
        assertEquals(ErrorCodes.IDEMPOTENCY_KEY_REUSED, otherBody.body().error().code());
        assertEquals("idempotency_error", otherBody.body().error().type());

        IdempotentRequest otherPath = new IdempotentRequest(merchant, false, key, "POST", "/v1/things/thg_1/cancel",
                body("a"));
        assertEquals(422, assertThrows(ApiException.class, () -> guard.execute(otherPath, createsAThing())).status());
        assertEquals(1, runs.get());
    }

    @Test
    void theSameBodyWithItsFieldsInAnotherOrderIsTheSameRequest() {
        String key = newKey();
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("name", "a");
        one.put("amount", 100);
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("amount", 100);
        other.put("name", "a");
        guard.execute(request(key, one), createsAThing());
        StoredAnswer again = guard.execute(request(key, other), createsAThing());
        assertEquals("true", again.headers().get(IdempotencyGuard.REPLAYED_HEADER));
        assertEquals(1, runs.get());
    }

    @Test
    void aKeyStillInFlightIsRefusedUntilItsRequestCompletes() throws Exception {
        String key = newKey();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<StoredAnswer> first = CompletableFuture.supplyAsync(
                () -> guard.execute(request(key, body("a")), claim -> {
                    claimed.countDown();
                    await(finish);
                    return createsAThing().apply(claim);
                }));
        try {
            assertTrue(claimed.await(10, TimeUnit.SECONDS), "the first request claimed the key");
            ApiException racing = assertThrows(ApiException.class,
                    () -> guard.execute(request(key, body("a")), createsAThing()));
            assertEquals(409, racing.status());
            assertEquals(ErrorCodes.IDEMPOTENCY_KEY_IN_USE, racing.body().error().code());
        } finally {
            finish.countDown();
        }
        StoredAnswer answer = first.get(10, TimeUnit.SECONDS);
        assertEquals(1, runs.get());
        assertEquals(answer.body(), guard.execute(request(key, body("a")), createsAThing()).body(),
                "once completed, the key replays");
    }

    @Test
    void aKeyLeftInFlightByARequestThatDiedIsTakenAgainOnceItsLeaseRanOut() {
        // What a crash between the claim and the change's commit leaves behind: the key in flight
        // with the request's fingerprint (the same for the same request under any key). Lease: 60 s.
        String done = newKey();
        guard.execute(request(done, body("a")), createsAThing());
        String fingerprint = column("request_hash", done);
        String young = newKey();
        String old = newKey();
        leftInFlight(young, fingerprint, "30 seconds");
        leftInFlight(old, fingerprint, "61 seconds");

        assertEquals(409, assertThrows(ApiException.class,
                () -> guard.execute(request(young, body("a")), createsAThing())).status());
        StoredAnswer answer = guard.execute(request(old, body("a")), createsAThing());
        assertEquals(201, answer.status());
        assertFalse(answer.headers().containsKey(IdempotencyGuard.REPLAYED_HEADER));
        assertEquals(2, runs.get());
        assertEquals("completed", state(old));
    }

    void leftInFlight(String key, String fingerprint, String ago) {
        execute("INSERT INTO idempotency_keys (merchant_id, idempotency_key, request_hash, state, locked_at, created_at) "
                + "VALUES (?, ?, ?, 'in_flight', now() - CAST(? AS interval), now())", merchant, key, fingerprint, ago);
    }

    @Test
    void aFailedActionReleasesItsKeySoARetryRuns() {
        String key = newKey();
        String thingId = "thg_failed_" + UUID.randomUUID();
        IllegalStateException failure = new IllegalStateException("the change was refused");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> guard.execute(request(key, body("a")), claim -> transactions.inTransaction(() -> {
                    things.persist(ListedThing.of(thingId, merchant, Instant.now()));
                    claim.complete(new StoredAnswer(201, Map.of(), "{}"));
                    throw failure;
                })));
        assertSame(failure, thrown);
        assertFalse(things.committed(thingId), "the change rolled back, and the answer it recorded with it");
        assertNull(state(key), "the key was released");

        StoredAnswer retried = guard.execute(request(key, body("a")), createsAThing());
        assertEquals(201, retried.status());
        assertFalse(retried.headers().containsKey(IdempotencyGuard.REPLAYED_HEADER));
        assertEquals(1, runs.get());
    }

    @Test
    void anAnswerWhoseTransactionRolledBackIsNotKeptAndFreesTheKey() {
        String key = newKey();
        String thingId = "thg_rolled_back_" + UUID.randomUUID();
        StoredAnswer answered = guard.execute(request(key, body("a")), claim -> {
            try {
                transactions.inTransaction(() -> {
                    things.persist(ListedThing.of(thingId, merchant, Instant.now()));
                    claim.complete(new StoredAnswer(201, Map.of(), "{\"id\":\"" + thingId + "\"}"));
                    throw new IllegalStateException("the commit did not happen");
                });
            } catch (IllegalStateException rolledBack) {
                // An action that swallows its own failure and answers something else.
            }
            return new StoredAnswer(503, Map.of(), "{}");
        });
        assertEquals(503, answered.status());
        assertFalse(things.committed(thingId));
        assertNull(state(key), "a key whose change never committed is free again, not in flight for a minute");

        StoredAnswer retried = guard.execute(request(key, body("a")), createsAThing());
        assertEquals(201, retried.status());
        assertEquals(1, runs.get());
    }

    @Test
    void anInvalidKeyIsRefusedBeforeAnythingRuns() {
        List<String> invalid = List.of("with space", "x".repeat(256), "", "tab\tkey", "caf\u00e9");
        for (String key : invalid) {
            ApiException e = assertThrows(ApiException.class,
                    () -> guard.execute(request(key, body("a")), createsAThing()), key);
            assertEquals(400, e.status());
            assertEquals(ErrorCodes.IDEMPOTENCY_KEY_INVALID, e.body().error().code());
        }
        assertEquals(0, runs.get());
        guard.execute(request("k".repeat(255), body("a")), createsAThing());
        assertEquals(1, runs.get(), "255 printable characters is a valid key");
    }

    @Test
    void keysArePerMode() {
        String key = newKey();
        StoredAnswer test = guard.execute(request(key, body("a")), createsAThing());
        StoredAnswer live = guard.execute(new IdempotentRequest(merchant, true, key, "POST", "/v1/things", body("a")),
                createsAThing());
        assertEquals(2, runs.get(), "a live request never replays a test-mode answer");
        assertFalse(live.headers().containsKey(IdempotencyGuard.REPLAYED_HEADER));
        assertFalse(test.body().equals(live.body()));
    }

    @Test
    void aRetryAfterTheRequestDiedAnswersWithWhatItMadeInsteadOfMakingAnother() {
        String key = newKey();
        String thingId = "thg_bound_" + UUID.randomUUID();
        // The first attempt makes its object, binds it to the key, then dies before answering.
        assertThrows(IllegalStateException.class, () -> guard.execute(request(key, body("a")), claim -> {
            transactions.inTransaction(() -> {
                things.persist(ListedThing.of(thingId, merchant, Instant.now()));
                claim.bind(thingId);
            });
            throw new IllegalStateException("the process died here");
        }));
        assertEquals("in_flight", state(key), "the key keeps naming what was made");
        assertEquals(thingId, column("resource_id", key));
        assertEquals(409, assertThrows(ApiException.class,
                () -> guard.execute(request(key, body("a")), createsAThing())).status(), "until its lease runs out");

        execute("UPDATE idempotency_keys SET locked_at = now() - interval '61 seconds' "
                + "WHERE merchant_id = ? AND idempotency_key = ?", merchant, key);
        StoredAnswer resumed = guard.execute(request(key, body("a")), claim -> transactions.inTransaction(
                () -> claim.complete(new StoredAnswer(201, Map.of(), "{\"id\":\"" + claim.resumed().orElseThrow()
                        + "\"}"))));
        assertEquals("{\"id\":\"" + thingId + "\"}", resumed.body());
        assertEquals(0, runs.get(), "nothing was made twice");
        assertEquals("completed", state(key));
        assertEquals(422, assertThrows(ApiException.class,
                () -> guard.execute(request(key, body("b")), createsAThing())).status());
    }

    @Test
    void keysArePerMerchant() {
        String key = newKey();
        String otherMerchant = merchant + "_other";
        StoredAnswer mine = guard.execute(request(merchant, key, body("a")), createsAThing());
        StoredAnswer theirs = guard.execute(request(otherMerchant, key, body("a")), createsAThing());
        assertEquals(2, runs.get());
        assertFalse(theirs.headers().containsKey(IdempotencyGuard.REPLAYED_HEADER));
        assertFalse(mine.body().equals(theirs.body()));
        assertEquals(422, assertThrows(ApiException.class,
                () -> guard.execute(request(otherMerchant, key, body("b")), createsAThing())).status(),
                "and the other merchant's use of it is theirs");
    }

    @Test
    void completingOutsideTheChangesTransactionIsRefusedAndReleasesTheKey() {
        String key = newKey();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> guard.execute(request(key, body("a")), claim -> claim.complete(new StoredAnswer(200, Map.of(), "{}"))));
        assertTrue(e.getMessage().contains("inside the transaction"), e.getMessage());
        assertNull(state(key));
        guard.execute(request(key, body("a")), createsAThing());
        assertEquals(1, runs.get());
    }

    @Test
    void anActionThatNeverCompletesStillHasItsAnswerRecordedAndTheGuardSaysSo() {
        String key = newKey();
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(IdempotencyGuard.class.getName());
        logger.addHandler(capture);
        try {
            // The ERROR "did not record its answer in its transaction" in the log is this test's.
            StoredAnswer answer = guard.execute(request(key, body("a")), claim -> transactions.inTransaction(() -> {
                runs.incrementAndGet();
                return new StoredAnswer(201, Map.of("Location", "/v1/things/thg_x"), "{\"id\":\"thg_x\"}");
            }));
            assertEquals(201, answer.status());
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals("completed", state(key));
        StoredAnswer replayed = guard.execute(request(key, body("a")), createsAThing());
        assertEquals("true", replayed.headers().get(IdempotencyGuard.REPLAYED_HEADER));
        assertEquals("{\"id\":\"thg_x\"}", replayed.body());
        assertEquals(1, runs.get());
        assertTrue(logged.stream().anyMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()
                && r.getMessage().contains("did not record its answer")), "an error was logged");
    }

    String state(String key) {
        return column("state", key);
    }

    String column(String name, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + name + " FROM idempotency_keys WHERE merchant_id = ? AND idempotency_key = ?")) {
            ps.setString(1, merchant);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never let go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
