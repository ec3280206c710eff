package dev.paysuite.payments.adapter.out.persistence;

import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.out.ListPaymentsPort;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PageRequest;
import dev.paysuite.payments.application.port.out.PaymentFilter;
import dev.paysuite.payments.application.port.out.PaymentSlice;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import dev.paysuite.platform.persistence.KeysetPages;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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
    public Optional<Payment> loadForUpdate(PaymentRef ref) {
        return repository.find(BY_REF, byRef(ref)).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .map(mapper::toDomain);
    }

    @Override
    public void insert(Payment payment) {
        repository.persist(mapper.toNewEntity(payment));
    }

    @Override
    public void update(Payment payment) {
        PaymentJpaEntity entity = repository.findById(payment.id().value());
        if (entity == null) {
            throw new IllegalStateException("Payment " + payment.id() + " vanished while it was being changed");
        }
        mapper.copyChanges(payment, entity);
    }

    @Override
    public PaymentSlice list(PaymentFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder();
        Parameters params = filterClause(filter, where);
        KeysetPages.Page keyset;
        if (page instanceof PageRequest.After a) {
            keyset = new KeysetPages.Page.After(a.cursorCreatedAt(), a.cursorId(), a.limit());
        } else if (page instanceof PageRequest.Before b) {
            keyset = new KeysetPages.Page.Before(b.cursorCreatedAt(), b.cursorId(), b.limit());
        } else {
            PageRequest.FromOffset o = (PageRequest.FromOffset) page;
            keyset = new KeysetPages.Page.FromOffset(o.offset(), o.limit());
        }
        KeysetPages.Slice<PaymentJpaEntity> rows = KeysetPages.fetch(repository, where.toString(), params, keyset);
        return new PaymentSlice(rows.items().stream().map(mapper::toDomain).toList(), rows.hasMore());
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
        return Parameters.with("id", ref.paymentId()).and("merchant", ref.merchantId()).and("livemode", ref.livemode());
    }
}
