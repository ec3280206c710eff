package dev.paysuite.methods.adapter.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paysuite.methods.application.domain.model.Customer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The public representation of a customer: the API's answers and the {@code data} of
 * {@code customer.created} on {@code methods.events}. Timestamps are ISO 8601 UTC to the second;
 * {@code test_clock} is the clock the customer follows, null when none.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CustomerJson(String id, String object, String email, String name, String description,
        Map<String, String> metadata, String defaultPaymentMethodId, String testClock, boolean livemode,
        String createdAt, String updatedAt) {

    public static CustomerJson of(Customer c) {
        return new CustomerJson(c.id().value(), "customer", c.email(), c.name(), c.description(), c.metadata().values(),
                c.defaultPaymentMethodId() == null ? null : c.defaultPaymentMethodId().value(),
                c.testClock() == null ? null : c.testClock().value(), c.livemode(), timestamp(c.createdAt()),
                timestamp(c.updatedAt()));
    }

    static String timestamp(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The answer to a deletion. */
    public record Deleted(String id, String object, boolean deleted) {
        public static Deleted of(Customer c) {
            return new Deleted(c.id().value(), "customer", true);
        }
    }
}
