package dev.paysuite.refunds.adapter.in.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.platform.testing.TestCaller;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Records refunds-service can never apply go to refunds.dlq.payments.events with their reason, and
 * the records behind them on the same partition are applied. The consumer logs one ERROR per dead
 * letter here, on purpose.
 */
@QuarkusTest
class PaymentEventsDeadLetterTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    final TestCaller merchant = TestCaller.newTestMerchant();

    @Test
    void anUnreadableRecordAndAnEventTheDomainRefusesAreDeadLetteredAndTheNextRecordIsApplied() throws Exception {
        String paymentId = PaymentEventsOnKafka.newPaymentId();
        String notAnEvent = "not an event, from " + paymentId;
        String refusedEventId = PaymentEventsOnKafka.newEventId();
        String negative = PaymentEventsOnKafka.paymentEvent(refusedEventId, merchant, paymentId, "succeeded", -500, 0, 2);
        try (PaymentEventsOnKafka kafka = new PaymentEventsOnKafka(bootstrap)) {
            // One key, so one partition: the good events queue up behind the two that can never be applied.
            kafka.send(paymentId, notAnEvent);
            kafka.send(paymentId, negative);
            List<String> good = kafka.paidPayment(merchant, paymentId, 1200);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(
                    () -> assertEquals(Optional.of("succeeded 3"), PaymentEventsOnKafka.viewOf(paymentId)));
            assertEquals(3, PaymentEventsOnKafka.timesProcessed(good));

            List<ConsumerRecord<String, String>> dead = kafka.deadLetters(r -> paymentId.equals(r.key()), 2,
                    Duration.ofSeconds(30));
            assertEquals(List.of(notAnEvent, negative), dead.stream().map(ConsumerRecord::value).toList(),
                    "both, as they were published, in their order");

            String unreadable = PaymentEventsOnKafka.header(dead.get(0), "dead-letter-reason");
            assertTrue(unreadable.startsWith("MalformedEventException: not a CloudEvent"), unreadable);
            String refused = PaymentEventsOnKafka.header(dead.get(1), "dead-letter-reason");
            assertEquals("IllegalArgumentException: a payment's amounts are never negative (payment.succeeded event "
                    + refusedEventId + ")", refused);
            for (ConsumerRecord<String, String> r : dead) {
                assertEquals("payments.events", PaymentEventsOnKafka.header(r, "dead-letter-topic"));
                assertEquals(null, PaymentEventsOnKafka.header(r, "dead-letter-cause"), "no raw cause travels");
                assertFalse(PaymentEventsOnKafka.header(r, "dead-letter-reason").contains("4242"));
            }
            assertEquals(0, PaymentEventsOnKafka.timesProcessed(List.of(refusedEventId)));
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("paysuite_inbox_dead_lettered_total{consumer=\"refunds-service:payments.events\","
                        + "reason=\"IllegalArgumentException\"}"))
                .body(containsString("reason=\"MalformedEventException\"}"));
    }
}
