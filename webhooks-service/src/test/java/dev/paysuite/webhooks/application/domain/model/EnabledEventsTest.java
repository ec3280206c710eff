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
        assertEquals(22, all.size());
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
            "subscription.updated", "subscription.canceled", "dispute.created", "dispute.updated", "dispute.closed" })
    void theIssuesTypesAreKnown(String type) {
        assertTrue(EventTypes.isKnown(type));
    }

    /** chargeback.created (the issue's and seed 001's name) is an alias of dispute.created, and of nothing else. */
    @Test
    void chargebackCreatedMatchesTheDisputeCreatedEventsOnly() {
        EnabledEvents chargebacks = EnabledEvents.of(List.of("chargeback.created"));
        assertEquals(List.of("chargeback.created"), chargebacks.types(), "kept as given, echoed back");
        assertTrue(chargebacks.matches("dispute.created"));
        assertTrue(chargebacks.matches("chargeback.created"));
        assertFalse(chargebacks.matches("dispute.updated"));
        assertFalse(chargebacks.matches("dispute.closed"));
        assertFalse(chargebacks.matches("payment.succeeded"));
        assertEquals("dispute.created", EventTypes.published("chargeback.created"));
        assertEquals("dispute.updated", EventTypes.published("dispute.updated"));

        EnabledEvents both = EnabledEvents.of(List.of("dispute.created", "chargeback.created", "dispute.closed"));
        assertEquals(List.of("dispute.created", "chargeback.created", "dispute.closed"), both.types());
        assertTrue(both.matches("dispute.created"));
        assertTrue(both.matches("dispute.closed"));
        assertFalse(both.matches("dispute.updated"));

        EnabledEvents disputes = EnabledEvents.of(List.of("dispute.created"));
        assertTrue(disputes.matches("dispute.created"));
        assertFalse(disputes.matches("chargeback.created"), "the alias works one way: a name for a published type");
    }

    @Test
    void everyAliasIsKnownAndStandsForAKnownPublishedType() {
        EventTypes.ALIASES.forEach((alias, type) -> {
            assertTrue(EventTypes.isKnown(alias), alias);
            assertTrue(EventTypes.isKnown(type), type);
            assertFalse(EventTypes.ALIASES.containsKey(type), "an alias names a published type, not another alias");
        });
    }
}
