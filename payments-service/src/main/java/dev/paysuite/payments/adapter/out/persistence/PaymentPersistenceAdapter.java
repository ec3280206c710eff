package dev.paysuite.payments.adapter.out.persistence;

import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.port.in.PaymentRef;
import dev.paysuite.payments.application.port.out.ListPaymentsPort;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PageRequest;
import dev.paysuite.payments.application.port.out.PaymentFilter;
import dev.paysuite.payments.application.port.out.PaymentSlice;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collections;
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
        boolean backwards = page instanceof PageRequest.Before;
        if (page instanceof PageRequest.After after) {
            where.append(" and (createdAt < :cursorAt or (createdAt = :cursorAt and id < :cursorId))");
            params.and("cursorAt", after.cursorCreatedAt()).and("cursorId", after.cursorId());
        } else if (page instanceof PageRequest.Before before) {
            where.append(" and (createdAt > :cursorAt or (createdAt = :cursorAt and id > :cursorId))");
            params.and("cursorAt", before.cursorCreatedAt()).and("cursorId", before.cursorId());
        }
        Sort sort = backwards
                ? Sort.by("createdAt", Sort.Direction.Ascending).and("id", Sort.Direction.Ascending)
                : Sort.by("createdAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending);
        int offset = page instanceof PageRequest.FromOffset fromOffset ? fromOffset.offset() : 0;
        PanacheQuery<PaymentJpaEntity> query = repository.find(where.toString(), sort, params);
        // One more than asked tells whether there is more beyond the page.
        List<PaymentJpaEntity> rows = query.range(offset, offset + page.limit()).list();
        boolean hasMore = rows.size() > page.limit();
        List<Payment> items = new ArrayList<>(rows.subList(0, Math.min(rows.size(), page.limit())).stream()
                .map(mapper::toDomain).toList());
        if (backwards) {
            Collections.reverse(items);
        }
        return new PaymentSlice(items, hasMore);
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
