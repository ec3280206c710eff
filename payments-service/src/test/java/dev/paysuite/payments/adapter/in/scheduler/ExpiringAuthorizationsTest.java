package dev.paysuite.payments.adapter.in.scheduler;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.kernel.id.SubscriptionId;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.payments.adapter.out.messaging.PaymentEventsTopic;
import dev.paysuite.payments.application.port.in.ExpireAuthorizationsUseCase;
import dev.paysuite.platform.testing.TestCaller;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Authorizations held past paysuite.payments.authorization-expiry (P7D) against real PostgreSQL and
 * Kafka: the use case (and its scheduler, every 2 s in tests) cancels them as expired; those on a
 * test clock expire by that clock only. Also the payment's {@code test_clock} and the
 * {@code subscription} filter of the list.
 */
@QuarkusTest
class ExpiringAuthorizationsTest {
    static final String MANUAL = "{\"amount\": 3100, \"currency\": \"USD\", \"payment_method_id\": \"pm_test_success\", "
            + "\"capture_method\": \"manual\"%s}";

    final TestCaller merchant = TestCaller.newTestMerchant();
    final ObjectMapper json = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ExpireAuthorizationsUseCase expire;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    String held(String extra) {
        return merchant.request().body(MANUAL.formatted(extra)).post("/v1/payments").then().statusCode(201)
                .body("status", equalTo("requires_capture")).extract().path("id");
    }

    /** Makes the payment look created {@code days} ago. */
    void age(String paymentId, int days) throws SQLException {
        assertEquals(1, update("UPDATE payments SET created_at = created_at - make_interval(days => ?) WHERE id = ?",
                days, paymentId));
    }

    String newClock(String merchantId) throws SQLException {
        return newClock(merchantId, OffsetDateTime.now());
    }

    String newClock(String merchantId, OffsetDateTime frozenTime) throws SQLException {
        String id = TestClockId.generate().value();
        update("INSERT INTO test_clocks (id, merchant_id, livemode, frozen_time, status, created_at, updated_at) "
                + "VALUES (?, ?, false, ?, 'ready', now(), now())", id, merchantId, frozenTime);
        return id;
    }

    @Test
    void anAuthorizationHeldEightDaysIsCanceledAsExpiredAndAnnounced() throws Exception {
        try (KafkaConsumer<String, String> consumer = PaymentEventsTopic.consumer(bootstrap)) {
            String old = held("");
            String young = held("");
            age(old, 8);
            age(young, 6);
            expire.expire(null, Instant.now(), 50); // the scheduler may have been first: either way, once
            merchant.request().get("/v1/payments/" + old).then().statusCode(200)
                    .body("status", equalTo("canceled")).body("cancellation_reason", equalTo("expired"));
            merchant.request().get("/v1/payments/" + young).then().statusCode(200)
                    .body("status", equalTo("requires_capture")).body("cancellation_reason", nullValue());

            List<ConsumerRecord<String, String>> records = PaymentEventsTopic.readFor(consumer, old, 4);
            assertEquals(List.of("payment.created", "payment.requires_capture", "payment.processing",
                    "payment.canceled"), records.stream().map(r -> PaymentEventsTopic.field(r, "type")).toList());
            JsonNode canceled = json.readTree(records.get(3).value()).get("data");
            assertEquals("canceled", canceled.get("status").asText());
            assertEquals("expired", canceled.get("cancellation_reason").asText());
            assertEquals(1, count("SELECT count(*) FROM simulator_operations WHERE acquirer_key = ?", old + "/void"),
                    "voided once at the acquirer");
        }
    }

    @Test
    void theSchedulerExpiresThemByItself() throws SQLException {
        String old = held("");
        age(old, 8);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                merchant.request().get("/v1/payments/" + old).then().statusCode(200)
                        .body("status", equalTo("canceled")).body("cancellation_reason", equalTo("expired")));
    }

    @Test
    void oneOnATestClockExpiresByItsClockOnly() throws SQLException {
        Instant clockTime = Instant.parse("2030-01-01T00:00:00Z");
        String clock = newClock(merchant.merchantId(), clockTime.atOffset(java.time.ZoneOffset.UTC));
        String onClock = held(", \"test_clock\": \"" + clock + "\"");
        merchant.request().get("/v1/payments/" + onClock).then().body("test_clock", equalTo(clock))
                .body("created_at", equalTo("2030-01-01T00:00:00Z"));
        Instant createdAt = createdAt(onClock);
        assertEquals(clockTime, createdAt, "made at its clock's time");
        assertEquals(Optional.of(createdAt.plus(Duration.ofDays(7))), expire.nextExpiry(new TestClockId(clock)));

        expire.expire(null, Instant.now(), 50);
        merchant.request().get("/v1/payments/" + onClock).then().body("status", equalTo("requires_capture"));
        assertEquals(0, expire.expire(new TestClockId(newClock(merchant.merchantId())), Instant.now(), 50),
                "another clock has nothing held");

        assertEquals(0, expire.expire(new TestClockId(clock), createdAt.plus(Duration.ofDays(7)).minusSeconds(1), 50));
        assertEquals(1, expire.expire(new TestClockId(clock), createdAt.plus(Duration.ofDays(7)), 50));
        merchant.request().get("/v1/payments/" + onClock).then().body("status", equalTo("canceled"))
                .body("cancellation_reason", equalTo("expired")).body("test_clock", equalTo(clock));
        assertEquals(Optional.empty(), expire.nextExpiry(new TestClockId(clock)));
        assertEquals(0, expire.expire(new TestClockId(clock), clockTime.plus(Duration.ofDays(30)), 50));
    }

    @Test
    void aTestClockIsForTestModeAndTheMerchantsOwnOnly() throws SQLException {
        String theirs = newClock(TestCaller.newTestMerchant().merchantId());
        for (String clock : List.of(theirs, TestClockId.generate().value(), "clock_", "nope", "clock_" + "a".repeat(200))) {
            merchant.request().body(MANUAL.formatted(", \"test_clock\": \"" + clock + "\"")).post("/v1/payments")
                    .then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
                    .body("error.code", equalTo("resource_missing")).body("error.param", equalTo("test_clock"));
        }
        String mine = newClock(merchant.merchantId());
        merchant.live().request().body(MANUAL.formatted(", \"test_clock\": \"" + mine + "\"")).post("/v1/payments")
                .then().statusCode(400).body("error.code", equalTo("parameter_invalid"))
                .body("error.param", equalTo("test_clock"));
        merchant.request().body(MANUAL.formatted(", \"test_clock\": null")).post("/v1/payments").then()
                .statusCode(201).body("test_clock", nullValue());
        merchant.request().get("/v1/payments?limit=100").then().statusCode(200).body("data", hasSize(1));
    }

    @Test
    void aSubscriptionsCyclePaymentsAreListedByIt() throws SQLException {
        String cycle = held("");
        held("");
        String subscription = SubscriptionId.generate().value();
        update("""
                INSERT INTO subscriptions (id, merchant_id, livemode, customer_id, payment_method_id, amount, currency,
                    billing_interval, interval_count, start_at, status, created_at, updated_at)
                VALUES (?, ?, false, 'cus_1', 'pm_test_success', 3100, 'USD', 'month', 1, now(), 'active', now(),
                    now())""", subscription, merchant.merchantId());
        update("UPDATE payments SET subscription = ? WHERE id = ?", subscription, cycle);

        merchant.request().get("/v1/payments?subscription=" + subscription).then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].id", equalTo(cycle))
                .body("data[0].subscription", equalTo(subscription)).body("total_count", equalTo(1));
        merchant.request().get("/v1/payments").then().body("data", hasSize(2));
        for (String other : List.of(SubscriptionId.generate().value(), "nope", "sub_" + "x".repeat(300))) {
            merchant.request().get("/v1/payments?subscription=" + other).then().statusCode(200)
                    .body("data", hasSize(0)).body("total_count", equalTo(0));
        }
        TestCaller.newTestMerchant().request().get("/v1/payments?subscription=" + subscription).then()
                .statusCode(200).body("data", hasSize(0));
        merchant.live().request().get("/v1/payments?subscription=" + subscription).then()
                .statusCode(200).body("data", hasSize(0));
    }

    int update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    long count(String sql, String param) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    Instant createdAt(String paymentId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT created_at FROM payments WHERE id = ?")) {
            ps.setString(1, paymentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

}
