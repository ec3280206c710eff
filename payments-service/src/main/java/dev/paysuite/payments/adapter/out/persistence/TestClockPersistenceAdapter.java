package dev.paysuite.payments.adapter.out.persistence;

import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.payments.application.domain.model.TestClock;
import dev.paysuite.payments.application.port.in.TestClockRef;
import dev.paysuite.payments.application.port.out.TestClockStorePort;
import dev.paysuite.platform.persistence.KeysetPages;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TestClockPersistenceAdapter implements TestClockStorePort {
    private static final String READY = "ready";
    private static final String ADVANCING = "advancing";

    private final TestClockRepository repository;

    public TestClockPersistenceAdapter(TestClockRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<TestClock> load(TestClockRef ref) {
        return repository.find("id = ?1 and merchantId = ?2 and livemode = false", ref.id().value(), ref.merchantId())
                .firstResultOptional().map(this::fresh);
    }

    @Override
    public Optional<TestClock> loadById(TestClockId id) {
        return repository.findByIdOptional(id.value()).map(this::fresh);
    }

    /** The row as it is now: an advance reads its clock again after each of its steps changed it. */
    private TestClock fresh(TestClockJpaEntity e) {
        TestClock read = toDomain(e);
        if (!repository.getEntityManager().isJoinedToTransaction()) {
            // Outside a transaction the request's session would keep it: let the next read see the row again
            repository.getEntityManager().detach(e);
        }
        return read;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Optional<TestClock> loadForUpdate(TestClockId id) {
        return repository.findByIdOptional(id.value(), LockModeType.PESSIMISTIC_WRITE)
                .map(TestClockPersistenceAdapter::toDomain);
    }

    @Override
    public Slice<TestClock> list(String merchantId, PageRequest page) {
        return KeysetPages.fetch(repository, "merchantId = :merchant and livemode = false",
                Parameters.with("merchant", merchantId), page).map(TestClockPersistenceAdapter::toDomain);
    }

    @Override
    public long count(String merchantId) {
        return repository.count("merchantId = ?1 and livemode = false", merchantId);
    }

    @Override
    public List<TestClockId> advancingSince(Instant before, int atMost) {
        return repository.find("status = ?1 and updatedAt < ?2", Sort.by("updatedAt"), ADVANCING, before)
                .page(0, atMost).list().stream().map(e -> new TestClockId(e.id)).toList();
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void insert(TestClock clock) {
        TestClockJpaEntity e = new TestClockJpaEntity();
        e.id = clock.id().value();
        e.merchantId = clock.merchantId();
        e.livemode = false;
        e.createdAt = clock.createdAt();
        copy(clock, e);
        repository.persist(e);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void update(TestClock clock) {
        TestClockJpaEntity e = repository.findById(clock.id().value());
        if (e == null) {
            throw new IllegalStateException("Test clock " + clock.id() + " vanished while it was being changed");
        }
        copy(clock, e);
    }

    private static void copy(TestClock clock, TestClockJpaEntity e) {
        e.name = clock.name();
        e.frozenTime = clock.frozenTime();
        e.advanceTo = clock.advanceTo();
        e.status = clock.advancing() ? ADVANCING : READY;
        e.updatedAt = clock.updatedAt();
    }

    private static TestClock toDomain(TestClockJpaEntity e) {
        return new TestClock(new TestClockId(e.id), e.merchantId, e.name, e.frozenTime, e.advanceTo, e.createdAt,
                e.updatedAt);
    }
}
