package dev.paysuite.kernel.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DisputeIdTest {

    @Test
    void generatedIdsAreWellFormedAndDistinct() {
        DisputeId one = DisputeId.generate();
        DisputeId two = DisputeId.generate();
        assertTrue(one.value().startsWith("dp_"), one.value());
        assertTrue(DisputeId.isWellFormed(one.value()), one.value());
        assertFalse(one.equals(two));
        assertEquals(one.value(), one.toString());
    }

    @Test
    void anythingElseNamesNoDispute() {
        for (String bad : new String[] { null, "", "dp_", "du_abc", "dp_abc/def", "dp_" + "a".repeat(37), "DP_abc",
                "dp_abc ", "pay_abc" }) {
            assertFalse(DisputeId.isWellFormed(bad), String.valueOf(bad));
        }
        assertTrue(DisputeId.isWellFormed("dp_" + "a".repeat(36)));
    }
}
