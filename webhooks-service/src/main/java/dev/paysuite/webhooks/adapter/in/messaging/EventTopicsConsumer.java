package dev.paysuite.webhooks.adapter.in.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paysuite.kernel.PaymentHistory;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.SubscriptionId;
import dev.paysuite.platform.inbox.EventInbox;
import dev.paysuite.platform.inbox.IncomingEvent;
import dev.paysuite.platform.inbox.UnprocessableEventException;
import dev.paysuite.webhooks.application.domain.model.EventTypes;
import dev.paysuite.webhooks.application.domain.model.PublicEvent;
import dev.paysuite.webhooks.application.port.in.RecordEventUseCase;
import dev.paysuite.webhooks.application.port.in.RecordEventUseCase.RecordEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every topic the Events come from, one channel each, in consumer group {@code webhooks-service}.
 * Each CloudEvent becomes a public Event (its {@code id}, {@code merchantid}, {@code livemode},
 * {@code type}, {@code time} as {@code created_at}, {@code data} as given). Events of a payment carry
 * its place in the payment's history: a payment event ({@code sequence}, 0; and the refund event it
 * follows from, {@code refundsequence}, if any), a refund event ({@code paymentsequence}, {@code sequence}).
 * A dispute's events on {@code payments.events} are events of its payment (the payment's id in
 * {@code data.payment_id}): they take the payment's {@code sequence} as its own events do, at
 * ({@code sequence}, 0), and follow from no refund event.
 * A subscription's events on {@code payments.events} carry no place in a payment's history (their
 * {@code sequence} counts the subscription's own events): like methods events they are visible at
 * once, with {@code sequence: null}. Through {@link EventInbox}, a polled batch at a time (one
 * transaction per batch, {@code batch=true} on each channel, in which each event is stored, then all
 * are numbered and made visible together: {@link RecordEventUseCase#publish}): each event is applied once
 * (and the event id is the table's key besides), transient failures are waited out, and a record
 * that is no readable event goes to {@code webhooks.dlq.<topic>}.
 */
@ApplicationScoped
public class EventTopicsConsumer {
    static final String PAYMENTS_TOPIC = "payments.events";
    static final String REFUNDS_TOPIC = "refunds.events";
    static final String METHODS_TOPIC = "methods.events";
    static final Set<String> PAYMENT_TYPES = Set.of(EventTypes.PAYMENT_CREATED, EventTypes.PAYMENT_PROCESSING,
            EventTypes.PAYMENT_REQUIRES_ACTION, EventTypes.PAYMENT_REQUIRES_CAPTURE, EventTypes.PAYMENT_SUCCEEDED,
            EventTypes.PAYMENT_FAILED, EventTypes.PAYMENT_CANCELED, EventTypes.PAYMENT_REFUNDED);
    static final Set<String> SUBSCRIPTION_TYPES = Set.of(EventTypes.SUBSCRIPTION_CREATED,
            EventTypes.SUBSCRIPTION_UPDATED, EventTypes.SUBSCRIPTION_CANCELED);
    /** A dispute's events: events of the disputed payment, numbered in its history. */
    static final Set<String> DISPUTE_TYPES = Set.of(EventTypes.DISPUTE_CREATED, EventTypes.DISPUTE_UPDATED,
            EventTypes.DISPUTE_CLOSED);
    /** What the channel of {@code payments.events} records: a payment's events, a dispute's and a subscription's. */
    static final Set<String> PAYMENTS_TOPIC_TYPES = union(union(PAYMENT_TYPES, DISPUTE_TYPES), SUBSCRIPTION_TYPES);
    static final Set<String> REFUND_TYPES = Set.of(EventTypes.REFUND_CREATED, EventTypes.REFUND_SUCCEEDED,
            EventTypes.REFUND_FAILED);
    static final Set<String> METHOD_TYPES = Set.of(EventTypes.CUSTOMER_CREATED, EventTypes.PAYMENT_METHOD_ATTACHED,
            EventTypes.PAYMENT_METHOD_DETACHED);

    private final EventInbox inbox;
    private final RecordEventUseCase recordEvent;

    public EventTopicsConsumer(EventInbox inbox, RecordEventUseCase recordEvent) {
        this.inbox = inbox;
        this.recordEvent = recordEvent;
    }

    @Incoming("payments-events")
    @Blocking
    public CompletionStage<Void> onPaymentEvents(KafkaRecordBatch<String, String> records) {
        return inbox.consumeBatch(consumer(PAYMENTS_TOPIC), records, PAYMENTS_TOPIC_TYPES,
                steps(EventTopicsConsumer::fromPaymentsTopic));
    }

    @Incoming("refunds-events")
    @Blocking
    public CompletionStage<Void> onRefundEvents(KafkaRecordBatch<String, String> records) {
        return inbox.consumeBatch(consumer(REFUNDS_TOPIC), records, REFUND_TYPES,
                steps(EventTopicsConsumer::fromRefundsTopic));
    }

    @Incoming("methods-events")
    @Blocking
    public CompletionStage<Void> onMethodEvents(KafkaRecordBatch<String, String> records) {
        return inbox.consumeBatch(consumer(METHODS_TOPIC), records, METHOD_TYPES,
                steps(event -> new RecordEvent(publicEvent(event), METHODS_TOPIC, null, null)));
    }

    /** Each transaction of a batch: stores its events one by one, then publishes those stored, together. */
    private Supplier<EventInbox.BatchHandler> steps(Function<IncomingEvent, RecordEvent> read) {
        return () -> new EventInbox.BatchHandler() {
            private final List<RecordEvent> stored = new ArrayList<>();

            @Override
            public void apply(IncomingEvent event) {
                RecordEvent command = read.apply(event);
                if (recordEvent.store(command)) {
                    stored.add(command);
                }
            }

            @Override
            public void endOfTransaction() {
                recordEvent.publish(stored);
            }
        };
    }

    private static RecordEvent fromPaymentsTopic(IncomingEvent event) {
        if (SUBSCRIPTION_TYPES.contains(event.type())) {
            JsonNode id = event.data() == null ? null : event.data().path("id");
            if (id == null || !id.isTextual() || !SubscriptionId.isWellFormed(id.asText())) {
                throw new UnprocessableEventException("a subscription event without the subscription's id");
            }
            return new RecordEvent(publicEvent(event), PAYMENTS_TOPIC, null, null);
        }
        if (DISPUTE_TYPES.contains(event.type())) {
            if (event.sequence() < 1) {
                throw new UnprocessableEventException("a dispute event without its payment's sequence");
            }
            String paymentId = paymentId(event.data() == null ? null : event.data().path("payment_id"),
                    "a dispute event without its payment_id");
            return new RecordEvent(publicEvent(event), PAYMENTS_TOPIC, paymentId,
                    PaymentHistory.ofPaymentEvent(event.sequence()));
        }
        if (event.sequence() < 1) {
            throw new UnprocessableEventException("a payment event without its sequence");
        }
        String paymentId = paymentId(event.data().path("id"), "a payment event without the payment's id");
        long afterRefundEvent = event.extension("refundsequence", 0);
        if (afterRefundEvent < 0) {
            throw new UnprocessableEventException("a payment event with a negative refundsequence");
        }
        return new RecordEvent(publicEvent(event), PAYMENTS_TOPIC, paymentId,
                PaymentHistory.ofPaymentEvent(event.sequence()), afterRefundEvent);
    }

    private static RecordEvent fromRefundsTopic(IncomingEvent event) {
        long basedOn = event.extension("paymentsequence", -1);
        if (event.sequence() < 1 || basedOn < 0) {
            throw new UnprocessableEventException("a refund event without its sequence and paymentsequence");
        }
        String paymentId = paymentId(event.data().path("payment_id"), "a refund event without its payment_id");
        return new RecordEvent(publicEvent(event), REFUNDS_TOPIC, paymentId,
                PaymentHistory.ofRefundEvent(basedOn, event.sequence()));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    static String consumer(String topic) {
        return "webhooks-service:" + topic;
    }

    private static String paymentId(JsonNode id, String refusal) {
        if (id == null || !id.isTextual() || !PaymentId.isWellFormed(id.asText())) {
            throw new UnprocessableEventException(refusal);
        }
        return id.asText();
    }

    /** The Event as the envelope gives it; refused (dead-lettered) when a part of it is missing or wrong. */
    private static PublicEvent publicEvent(IncomingEvent event) {
        if (!event.id().startsWith(EventId.PREFIX) || event.id().length() > 64) {
            throw new UnprocessableEventException("an event id is evt_… of at most 64 characters");
        }
        if (event.merchantId() == null || event.merchantId().isBlank() || event.merchantId().length() > 64) {
            throw new UnprocessableEventException("an event without its merchantid");
        }
        if (event.data() == null || !event.data().isObject()) {
            throw new UnprocessableEventException("an event whose data is not a JSON object");
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(event.envelope().path("time").asText("")).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnprocessableEventException("an event without a readable time");
        }
        return new PublicEvent(new EventId(event.id()), event.type(), time, event.livemode(), null,
                event.data().toString(), event.merchantId());
    }
}
