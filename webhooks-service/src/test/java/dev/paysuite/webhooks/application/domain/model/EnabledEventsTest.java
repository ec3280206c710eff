package dev.paysuite.webhooks.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnabledEventsTest {

    @Test
    void everyTypeTheServicesPublishMayBeChosen() {
        List<String> all = List.copyOf(EventTypes.KNOWN);
        assertEquals(all, EnabledEvents.of(all).types());
        assertEquals(19, all.size());
    }

    @Test
    void theStarAloneMeansEveryType() {
        EnabledEvents all = EnabledEvents.of(List.of("*"));
        assertTrue(all.isAll());
        assertTrue(all.matches("payment.succeeded"));
        assertTrue(all.matches("a.type.added.later"));
    }

    @Test
    void aListMatchesItsTypesOnlyKeepingTheOrderGivenWithoutDuplicates() {
        EnabledEvents events = EnabledEvents.of(List.of("refund.created", "payment.succeeded", "refund.created"));
        assertEquals(List.of("refund.created", "payment.succeeded"), events.types());
        assertTrue(events.matches("payment.succeeded"));
        assertFalse(events.matches("payment.failed"));
        assertFalse(events.isAll());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "payment.unknown                | event_type_unknown | {enabledEvents} contains an unknown event type: payment.unknown.",
            "payment.*                      | event_type_unknown | {enabledEvents} contains an unknown event type: payment.*.",
            "PAYMENT.SUCCEEDED              | event_type_unknown | {enabledEvents} contains an unknown event type: PAYMENT.SUCCEEDED.",
            "*,payment.succeeded            | event_type_unknown | {enabledEvents} is either [\"*\"] alone or a list of event types, not both.",
            "{amount}                       | event_type_unknown | {enabledEvents} contains an unknown event type: ?amount?.",
    })
    void unknownTypesAreRefusedNamingTheField(String types, String code, String message) {
        DomainException e = assertThrows(DomainException.class,
                () -> EnabledEvents.of(Arrays.asList(types.split(","))));
        assertEquals(DomainException.Kind.INVALID, e.kind());
        assertEquals(code, e.code());
        assertEquals("enabledEvents", e.field());
        assertEquals(message, e.message(name -> "{" + name + "}"));
    }

    @Test
    void anEmptyListIsMissing() {
        for (List<String> none : Arrays.asList(null, List.<String> of())) {
            DomainException e = assertThrows(DomainException.class, () -> EnabledEvents.of(none));
            assertEquals(ErrorCodes.PARAMETER_MISSING, e.code());
            assertEquals("enabledEvents", e.field());
        }
    }

    @Test
    void aBlankTypeIsRefused() {
        DomainException e = assertThrows(DomainException.class,
                () -> EnabledEvents.of(List.of("payment.succeeded", " ")));
        assertEquals(WebhookErrorCodes.EVENT_TYPE_UNKNOWN, e.code());
        assertEquals("enabledEvents", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = { "payment.created", "refund.failed", "customer.created", "payment_method.attached",
            "payment_method.detached", "endpoint.disabled", "chargeback.created", "subscription.created",
            "subscription.updated", "subscription.canceled" })
    void theIssuesTypesAreKnown(String type) {
        assertTrue(EventTypes.isKnown(type));
    }
}
