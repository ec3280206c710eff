package dev.paysuite.payments.adapter.out.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paysuite.payments.application.domain.model.DisputeEvidence;
import dev.paysuite.payments.application.domain.model.DisputeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated issuer's documented rule: tracking wins, the customer's conversation gets it withdrawn, else lost. */
class SimulatedDisputesDecisionTest {

    @Test
    void theIssuerDecidesByTheEvidenceGiven() {
        assertEquals(DisputeStatus.WON, SimulatedDisputes.decision(
                new DisputeEvidence(null, "we talked", "1Z999AA10123456784", null, null)));
        assertEquals(DisputeStatus.CLOSED, SimulatedDisputes.decision(
                new DisputeEvidence("a mug", "the customer said it arrived", null, "30 days", List.of("file_a"))));
        assertEquals(DisputeStatus.LOST, SimulatedDisputes.decision(
                new DisputeEvidence("a mug", null, null, "30 days", List.of("file_a"))));
        assertEquals(DisputeStatus.LOST, SimulatedDisputes.decision(DisputeEvidence.NONE));
    }

    @Test
    void theDisputedTestCardsAndTheirReasons() {
        assertEquals("fraudulent", SimulatedDisputes.DISPUTED.get("0259"));
        assertEquals("product_not_received", SimulatedDisputes.DISPUTED.get("2685"));
    }
}
