package dev.paysuite.methods.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.id.PaymentMethodId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerTest {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void anUpdateChangesWhatItNamesAndMergesMetadata() {
        Map<String, String> first = new LinkedHashMap<>();
        first.put("tier", "gold");
        first.put("ref", "x");
        Customer c = Customer.create("mer_a", false, "jenny@example.com", "Jenny", null, Metadata.of(first), NOW);
        c.update(null, "", "VIP", Metadata.of(Map.of("tier", "platinum", "ref", "")), NOW.plusSeconds(1));
        assertEquals("jenny@example.com", c.email());
        assertNull(c.name());
        assertEquals("VIP", c.description());
        assertEquals(Map.of("tier", "platinum"), c.metadata().values());
        assertEquals(NOW.plusSeconds(1), c.updatedAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jenny", "jenny@", "@example.com", "jenny@example", "a b@example.com", "j@@example.com"})
    void aMalformedEmailIsRefused(String email) {
        DomainException e = assertThrows(DomainException.class,
                () -> Customer.create("mer_a", false, email, null, null, Metadata.EMPTY, NOW));
        assertEquals("email", e.field());
    }

    @Test
    void aDetachedDefaultMethodStopsBeingTheDefault() {
        Customer c = Customer.create("mer_a", false, null, null, null, Metadata.EMPTY, NOW);
        PaymentMethodId pm = new PaymentMethodId("pm_1");
        c.useByDefault(pm, NOW);
        c.methodDetached(new PaymentMethodId("pm_2"), NOW);
        assertEquals(pm, c.defaultPaymentMethodId());
        c.methodDetached(pm, NOW);
        assertNull(c.defaultPaymentMethodId());
    }

    @Test
    void aNameWithControlCharactersIsRefused() {
        assertThrows(DomainException.class,
                () -> Customer.create("mer_a", false, null, "Jen\u0000ny", null, Metadata.EMPTY, NOW));
    }

    @Test
    void aTestModeCustomerMayFollowAWellFormedTestClock() {
        Customer c = Customer.create("mer_a", false, null, null, null, Metadata.EMPTY, "clock_abc", NOW);
        assertEquals("clock_abc", c.testClock().value());
        assertNull(Customer.create("mer_a", true, null, null, null, Metadata.EMPTY, null, NOW).testClock());
        DomainException malformed = assertThrows(DomainException.class,
                () -> Customer.create("mer_a", false, null, null, null, Metadata.EMPTY, "cus_abc", NOW));
        assertEquals(Customer.TEST_CLOCK, malformed.field());
        DomainException live = assertThrows(DomainException.class,
                () -> Customer.create("mer_a", true, null, null, null, Metadata.EMPTY, "clock_abc", NOW));
        assertEquals(Customer.TEST_CLOCK, live.field());
        assertTrue(live.getMessage().contains("test mode only"), live.getMessage());
    }
}
