package dev.paysuite.payments.adapter.out.persistence;

import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.payments.application.port.out.TestClockExistsPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Looks the clock up in {@code test_clocks}: it exists for the merchant if a test-mode row of theirs has its id. */
@ApplicationScoped
public class TestClockExistsAdapter implements TestClockExistsPort {
    private final EntityManager entityManager;

    public TestClockExistsAdapter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public boolean exists(String merchantId, TestClockId clock) {
        if (!TestClockId.isWellFormed(clock.value())) {
            return false;
        }
        return !entityManager.createNativeQuery(
                "select 1 from test_clocks where id = :id and merchant_id = :merchant and not livemode")
                .setParameter("id", clock.value()).setParameter("merchant", merchantId).setMaxResults(1)
                .getResultList().isEmpty();
    }
}
