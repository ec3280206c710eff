package dev.paysuite.gateway.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void addressForwardingWithoutTrustedProxiesStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> TrustedProxies.check(true, Optional.empty()));
        assertThrows(IllegalStateException.class, () -> TrustedProxies.check(true, Optional.of(List.of())));
    }

    @Test
    void addressForwardingFromListedProxiesOrNoForwardingAtAllStarts() {
        assertDoesNotThrow(() -> TrustedProxies.check(true, Optional.of(List.of("10.0.0.0/8"))));
        assertDoesNotThrow(() -> TrustedProxies.check(false, Optional.empty()));
    }
}
