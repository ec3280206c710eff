package dev.paysuite.payments.adapter.out.persistence;

import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.out.ListPaymentsPort;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PaymentFilter;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import dev.paysuite.platform.persistence.KeysetPages;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PaymentPersistenceAdapter implements LoadPaymentPort, SavePaymentPort, ListPaymentsPort {
    private static final String BY_REF = "id = :id and merchantId = :merchant and livemode = :livemode";

    private final PaymentRepository repository;
    private final PaymentMapper mapper;

    public PaymentPersistenceAdapter(PaymentRepository repository, PaymentMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    @Override
    public Optional<Payment> load(PaymentRef ref) {
        return repository.find(BY_REF, byRef(ref)).firstResultOptional().map(mapper::toDomain);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Optional<Payment> loadForUpdate(PaymentRef ref) {
        return repository.find(BY_REF, byRef(ref)).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .map(mapper::toDomain);
    }

    @Override
    public List<Payment> processingSince(Instant before, int atMost) {
        return repository.find("status = ?1 and pendingSince < ?2", Sort.by("pendingSince"),
                PaymentStatus.PROCESSING.name(), before).page(0, atMost).list().stream().map(mapper::toDomain).toList();
    }

    @Override
    public List<Payment> heldSince(TestClockId clock, Instant createdAtOrBefore, int atMost) {
        Parameters params = Parameters.with("held", PaymentStatus.REQUIRES_CAPTURE.name())
                .and("cutoff", createdAtOrBefore);
        String onClock = clock == null ? "testClock is null" : "testClock = :clock";
        if (clock != null) {
            params.and("clock", clock.value());
        }
        return repository.find("status = :held and " + onClock + " and createdAt <= :cutoff",
                Sort.by("createdAt").and("id"), params).page(0, atMost).list().stream().map(mapper::toDomain).toList();
    }

    @Override
    public Optional<Instant> oldestHeldOn(TestClockId clock) {
        return Optional.ofNullable(repository.getEntityManager().createQuery(
                "select min(p.createdAt) from PaymentJpaEntity p where p.status = :held and p.testClock = :clock",
                Instant.class).setParameter("held", PaymentStatus.REQUIRES_CAPTURE.name())
                .setParameter("clock", clock.value()).getSingleResult());
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void insert(Payment payment) {
        repository.persist(mapper.toNewEntity(payment));
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void update(Payment payment) {
        PaymentJpaEntity entity = repository.findById(payment.id().value());
        if (entity == null) {
            throw new IllegalStateException("Payment " + payment.id() + " vanished while it was being changed");
        }
        mapper.copyChanges(payment, entity);
    }

    @Override
    public Slice<Payment> list(PaymentFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder();
        Parameters params = filterClause(filter, where);
        return KeysetPages.fetch(repository, where.toString(), params, page).map(mapper::toDomain);
    }

    @Override
    public long count(PaymentFilter filter) {
        StringBuilder where = new StringBuilder();
        Parameters params = filterClause(filter, where);
        return repository.count(where.toString(), params);
    }

    private static Parameters filterClause(PaymentFilter f, StringBuilder where) {
        where.append("merchantId = :merchant and livemode = :livemode");
        Parameters params = Parameters.with("merchant", f.merchantId()).and("livemode", f.livemode());
        if (f.status() != null) {
            where.append(" and status = :status");
            params.and("status", f.status().name());
        }
        if (f.customerId() != null) {
            where.append(" and customerId = :customer");
            params.and("customer", f.customerId());
        }
        if (f.paymentLink() != null) {
            where.append(" and paymentLink = :link");
            params.and("link", f.paymentLink());
        }
        if (f.subscription() != null) {
            where.append(" and subscription = :subscription");
            params.and("subscription", f.subscription());
        }
        if (f.createdAfter() != null) {
            where.append(" and createdAt > :after");
            params.and("after", f.createdAfter());
        }
        if (f.createdBefore() != null) {
            where.append(" and createdAt < :before");
            params.and("before", f.createdBefore());
        }
        return params;
    }

    private static Parameters byRef(PaymentRef ref) {
        return Parameters.with("id", ref.paymentId().value()).and("merchant", ref.merchantId()).and("livemode", ref.livemode());
    }
}
