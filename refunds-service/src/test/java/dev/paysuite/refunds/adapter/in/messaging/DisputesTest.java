package dev.paysuite.refunds.adapter.in.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.platform.testing.TestCaller;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Disputes against the real broker and database: payments-service's dispute events on
 * payments.events make the view hold what a dispute holds, refunds get only what is left, and the
 * database's CHECK holds refunds and disputes together to what was captured. The consumer logs one
 * ERROR per dead letter here, on purpose.
 */
@QuarkusTest
class DisputesTest {
    static final Duration NEWS = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    final TestCaller merchant = TestCaller.newTestMerchant();

    /** Waits until the view of the payment shows "amount_reserved amount_disputed last_sequence". */
    static void awaitHolds(String paymentId, String holds) {
        await().atMost(NEWS).untilAsserted(() -> assertEquals(Optional.of(holds), PaymentEventsOnKafka.holdsOf(paymentId)));
    }

    void refund(String paymentId, long amount, int status) {
        merchant.request().body("{\"amount\": " + amount + "}").post("/v1/payments/" + paymentId + "/refunds").then()
                .statusCode(status);
    }

    @Test
    void aDisputeHoldsItsAmountUntilItIsWonAndOlderNewsChangesNothing() throws Exception {
        String pay = PaymentEventsOnKafka.newPaymentId();
        try (PaymentEventsOnKafka kafka = new PaymentEventsOnKafka(bootstrap)) {
            kafka.paidPayment(merchant, pay, 1000);
            String created = PaymentEventsOnKafka.newEventId();
            String createdEvent = PaymentEventsOnKafka.disputeEvent(created, merchant, pay, "created", "needs_response",
                    600, 4);
            kafka.send(pay, createdEvent);
            awaitHolds(pay, "0 600 4");

            merchant.request().body("{\"amount\": 500}").post("/v1/payments/" + pay + "/refunds").then()
                    .statusCode(422)
                    .body("error.type", equalTo("invalid_request_error"))
                    .body("error.code", equalTo("amount_exceeds_refundable"))
                    .body("error.param", equalTo("amount"))
                    .body("error.message", equalTo(
                            "Refund amount (500) is more than is left to refund (400); a dispute holds 600 of the payment."));
            merchant.request().body("{\"amount\": 400}").post("/v1/payments/" + pay + "/refunds").then()
                    .statusCode(200).body("amount", equalTo(400)).body("status", equalTo("succeeded"));
            merchant.request().body("{\"amount\": 1}").post("/v1/payments/" + pay + "/refunds").then()
                    .statusCode(422)
                    .body("error.code", equalTo("payment_disputed"))
                    .body("error.param", equalTo("payment_id"))
                    .body("error.message", equalTo(
                            "Nothing is left to refund of payment " + pay + ": a dispute holds 600 of it."));
            merchant.request().body("{}").post("/v1/payments/" + pay + "/refunds").then()
                    .statusCode(422).body("error.code", equalTo("payment_disputed"));

            kafka.send(pay, PaymentEventsOnKafka.disputeEvent(PaymentEventsOnKafka.newEventId(), merchant, pay,
                    "updated", "under_review", 600, 5));
            kafka.send(pay, PaymentEventsOnKafka.disputeEvent(PaymentEventsOnKafka.newEventId(), merchant, pay,
                    "closed", "won", 600, 6));
            awaitHolds(pay, "400 0 6");
            assertEquals(Optional.of("succeeded 6"), PaymentEventsOnKafka.viewOf(pay),
                    "the payment's status is its own events'");

            // Replayed (the same event id) and older (a new id, an old sequence) news of the dispute, then
            // a newer payment event that says nothing of disputes: the view holds nothing still.
            String older = PaymentEventsOnKafka.newEventId();
            kafka.send(pay, createdEvent);
            kafka.send(pay, PaymentEventsOnKafka.disputeEvent(older, merchant, pay, "updated", "needs_response", 600, 5));
            kafka.send(pay, PaymentEventsOnKafka.paymentEvent(PaymentEventsOnKafka.newEventId(), merchant, pay,
                    "succeeded", 1000, 1000, 7));
            awaitHolds(pay, "400 0 7");
            assertEquals(1, PaymentEventsOnKafka.timesProcessed(List.of(created)), "the replay was skipped");
            assertEquals(1, PaymentEventsOnKafka.timesProcessed(List.of(older)), "read, and changed nothing");

            refund(pay, 600, 200);
            merchant.request().body("{\"amount\": 1}").post("/v1/payments/" + pay + "/refunds").then()
                    .statusCode(409).body("error.code", equalTo("charge_already_refunded"));
        }
    }

    @Test
    void aLostDisputeKeepsHoldingAndAPaymentEventSaysWhatDisputesHold() throws Exception {
        String lost = PaymentEventsOnKafka.newPaymentId();
        String told = PaymentEventsOnKafka.newPaymentId();
        try (PaymentEventsOnKafka kafka = new PaymentEventsOnKafka(bootstrap)) {
            kafka.paidPayment(merchant, lost, 1000);
            kafka.send(lost, PaymentEventsOnKafka.disputeEvent(PaymentEventsOnKafka.newEventId(), merchant, lost,
                    "created", "needs_response", 600, 4));
            kafka.send(lost, PaymentEventsOnKafka.disputeEvent(PaymentEventsOnKafka.newEventId(), merchant, lost,
                    "closed", "lost", 600, 5));
            awaitHolds(lost, "0 600 5");
            refund(lost, 401, 422);
            refund(lost, 400, 200);
            merchant.request().body("{\"amount\": 1}").post("/v1/payments/" + lost + "/refunds").then()
                    .statusCode(422).body("error.code", equalTo("payment_disputed"));

            // payments-service's payment events carry amount_disputed: the view takes it as it is now.
            kafka.send(told, PaymentEventsOnKafka.paymentEvent(PaymentEventsOnKafka.newEventId(), merchant, told,
                    "pending", 1000, 0, 1));
            kafka.send(told, PaymentEventsOnKafka.paymentEventHolding(PaymentEventsOnKafka.newEventId(), merchant, told,
                    "succeeded", 1000, 1000, 250, 2));
            awaitHolds(told, "0 250 2");
            refund(told, 751, 422);
            refund(told, 700, 200);
            // A newer event holding more than refunds left: the view holds what is left (the refund is done).
            kafka.send(told, PaymentEventsOnKafka.paymentEventHolding(PaymentEventsOnKafka.newEventId(), merchant, told,
                    "succeeded", 1000, 1000, 600, 3));
            awaitHolds(told, "700 300 3");
            merchant.request().body("{\"amount\": 1}").post("/v1/payments/" + told + "/refunds").then()
                    .statusCode(422).body("error.code", equalTo("payment_disputed"))
                    .body("error.message", containsString("a dispute holds 300"));
        }
    }

    @Test
    void aRefundClaimedBeforeTheDisputeWasHeardOfKeepsItsAmountAndGivesItToTheDisputeIfItFails() throws Exception {
        String pay = PaymentEventsOnKafka.newPaymentId();
        try (PaymentEventsOnKafka kafka = new PaymentEventsOnKafka(bootstrap)) {
            // The simulator leaves refunds of card ...5126 pending and fails them about 2 s later.
            kafka.send(pay, PaymentEventsOnKafka.paymentEvent(PaymentEventsOnKafka.newEventId(), merchant, pay,
                    "pending", 1000, 0, 1).replace("\"4242\"", "\"5126\""));
            kafka.send(pay, PaymentEventsOnKafka.paymentEvent(PaymentEventsOnKafka.newEventId(), merchant, pay,
                    "succeeded", 1000, 1000, 2).replace("\"4242\"", "\"5126\""));
            awaitHolds(pay, "0 0 2");
            merchant.request().body("{\"amount\": 700}").post("/v1/payments/" + pay + "/refunds").then()
                    .statusCode(200).body("status", equalTo("pending"));
            kafka.send(pay, PaymentEventsOnKafka.disputeEvent(PaymentEventsOnKafka.newEventId(), merchant, pay,
                    "created", "needs_response", 600, 3));
            // Heard of while the refund is most likely still pending, the dispute holds what was left (300);
            // once the refund failed, what it was reported to hold (the unit tests force each order).
            awaitHolds(pay, "0 600 3");
            refund(pay, 401, 422);
            merchant.request().body("{}").post("/v1/payments/" + pay + "/refunds").then()
                    .statusCode(200).body("amount", equalTo(400));
        }
    }

    @Test
    void disputeEventsThatCanNeverBeAppliedAreDeadLettered() throws Exception {
        String unknown = PaymentEventsOnKafka.newPaymentId();
        String pay = PaymentEventsOnKafka.newPaymentId();
        String neverSeen = PaymentEventsOnKafka.newEventId();
        String badStatus = PaymentEventsOnKafka.newEventId();
        String negative = PaymentEventsOnKafka.newEventId();
        String otherMerchant = PaymentEventsOnKafka.newEventId();
        try (PaymentEventsOnKafka kafka = new PaymentEventsOnKafka(bootstrap)) {
            kafka.send(unknown, PaymentEventsOnKafka.disputeEvent(neverSeen, merchant, unknown, "created",
                    "needs_response", 600, 4));
            kafka.paidPayment(merchant, pay, 1000);
            kafka.send(pay, PaymentEventsOnKafka.disputeEvent(badStatus, merchant, pay, "updated", "pending", 600, 4));
            kafka.send(pay, PaymentEventsOnKafka.disputeEvent(negative, merchant, pay, "created", "needs_response",
                    -600, 4));
            kafka.send(pay, PaymentEventsOnKafka.disputeEvent(otherMerchant, TestCaller.newTestMerchant(), pay,
                    "created", "needs_response", 600, 4));
            kafka.send(pay, PaymentEventsOnKafka.disputeEvent(PaymentEventsOnKafka.newEventId(), merchant, pay,
                    "created", "needs_response", 100, 4));
            awaitHolds(pay, "0 100 4");

            List<ConsumerRecord<String, String>> dead = kafka.deadLetters(
                    r -> unknown.equals(r.key()) || pay.equals(r.key()), 4, Duration.ofSeconds(30));
            assertEquals(4, dead.size());
            assertEquals("UnprocessableEventException: a dispute event for a payment this view has never seen "
                    + "(dispute.created event " + neverSeen + ")", reasonOf(dead, neverSeen));
            for (String wrong : List.of(badStatus, negative)) {
                assertTrue(reasonOf(dead, wrong).startsWith(
                        "UnprocessableEventException: a dispute event without a payment id, a known currency"),
                        reasonOf(dead, wrong));
            }
            assertEquals("UnprocessableEventException: a dispute event whose merchant, mode or currency is not its "
                    + "payment's (dispute.created event " + otherMerchant + ")", reasonOf(dead, otherMerchant));
            assertEquals(0, PaymentEventsOnKafka.timesProcessed(List.of(neverSeen, badStatus, negative, otherMerchant)));
        }
    }

    @Test
    void theDatabaseNeverLetsRefundsAndDisputesTogetherExceedWhatWasCaptured() throws Exception {
        String pay = PaymentEventsOnKafka.newPaymentId();
        try (PaymentEventsOnKafka kafka = new PaymentEventsOnKafka(bootstrap)) {
            kafka.paidPayment(merchant, pay, 1000);
            kafka.send(pay, PaymentEventsOnKafka.disputeEvent(PaymentEventsOnKafka.newEventId(), merchant, pay,
                    "created", "needs_response", 600, 4));
            awaitHolds(pay, "0 600 4");
            refund(pay, 400, 200);
        }
        for (String set : List.of("amount_disputed = 601", "amount_reserved = 401", "amount_disputed = -1",
                "amount_reserved = -1, amount_disputed = 1000", "amount_captured = 999")) {
            SQLException e = assertThrows(SQLException.class, () -> update(pay, set), set);
            assertEquals("23514", e.getSQLState(), set + ": a CHECK refuses it");
            assertTrue(e.getMessage().contains("refunds_and_disputes_never_exceed_captured"), e.getMessage());
        }
        assertEquals(1, update(pay, "amount_disputed = 0, amount_reserved = 1000"), "within what was captured");
        assertEquals(Optional.of("1000 0 4"), PaymentEventsOnKafka.holdsOf(pay));
    }

    /** The dead-letter reason of the record of this event (the dead-letter topic mixes partitions). */
    private static String reasonOf(List<ConsumerRecord<String, String>> dead, String eventId) {
        return dead.stream().filter(r -> r.value().contains("\"id\":\"" + eventId + "\"")).findFirst()
                .map(r -> PaymentEventsOnKafka.header(r, "dead-letter-reason")).orElse("no dead letter of " + eventId);
    }

    private static int update(String paymentId, String set) throws SQLException {
        try (Connection c = PaymentEventsOnKafka.database();
                PreparedStatement ps = c.prepareStatement("UPDATE refundable_payments SET " + set
                        + " WHERE payment_id = ?")) {
            ps.setString(1, paymentId);
            return ps.executeUpdate();
        }
    }
}
