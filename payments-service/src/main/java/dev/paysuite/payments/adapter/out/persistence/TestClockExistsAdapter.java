package dev.paysuite.payments.adapter.out.persistence;

import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.payments.application.port.out.TestClockExistsPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Looks the clock up in {@code test_clocks}: it exists for the merchant if a test-mode row of theirs has its id. */
@ApplicationScoped
public class TestClockExistsAdapter implements TestClockExistsPort {
    private final EntityManager entityManager;

    public TestClockExistsAdapter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<Instant> frozenTime(String merchantId, TestClockId clock) {
        if (!TestClockId.isWellFormed(clock.value())) {
            return Optional.empty();
        }
        List<?> rows = entityManager.createNativeQuery(
                "select frozen_time from test_clocks where id = :id and merchant_id = :merchant and not livemode")
                .setParameter("id", clock.value()).setParameter("merchant", merchantId).setMaxResults(1)
                .getResultList();
        return rows.stream().findFirst().map(TestClockExistsAdapter::instant);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("test_clocks.frozen_time read as " + value.getClass());
    }
}
