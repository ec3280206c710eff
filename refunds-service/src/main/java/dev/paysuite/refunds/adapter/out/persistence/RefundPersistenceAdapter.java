package dev.paysuite.refunds.adapter.out.persistence;

import dev.paysuite.refunds.application.domain.model.Refund;
import dev.paysuite.refunds.application.domain.model.RefundStatus;
import dev.paysuite.refunds.application.port.in.RefundRef;
import dev.paysuite.refunds.application.port.out.ListRefundsPort;
import dev.paysuite.refunds.application.port.out.LoadRefundPort;
import dev.paysuite.refunds.application.port.out.PageRequest;
import dev.paysuite.refunds.application.port.out.RefundFilter;
import dev.paysuite.refunds.application.port.out.RefundSlice;
import dev.paysuite.refunds.application.port.out.SaveRefundPort;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.hibernate.LockOptions;

@ApplicationScoped
public class RefundPersistenceAdapter implements LoadRefundPort, SaveRefundPort, ListRefundsPort {
    private final RefundRepository repository;
    private final RefundMapper mapper;

    public RefundPersistenceAdapter(RefundRepository repository, RefundMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    @Override
    public Optional<Refund> load(RefundRef ref) {
        return repository.find("id = :id and merchantId = :merchant and livemode = :livemode",
                Parameters.with("id", ref.refundId()).and("merchant", ref.merchantId()).and("livemode", ref.livemode()))
                .firstResultOptional().map(mapper::toDomain);
    }

    @Override
    public List<Refund> lockPending(int atMost) {
        return repository.find("status = ?1", Sort.by("createdAt"), RefundStatus.PENDING.name())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .page(0, atMost).list().stream().map(mapper::toDomain).toList();
    }

    @Override
    public void insert(Refund refund) {
        repository.persist(mapper.toNewEntity(refund));
    }

    @Override
    public void update(Refund refund) {
        RefundJpaEntity entity = repository.findById(refund.id());
        if (entity == null) {
            throw new IllegalStateException("Refund " + refund.id() + " vanished while it was being changed");
        }
        mapper.copyChanges(refund, entity);
    }

    @Override
    public RefundSlice list(RefundFilter filter, PageRequest page) {
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
        List<RefundJpaEntity> rows = repository.find(where.toString(), sort, params)
                .range(offset, offset + page.limit()).list();
        boolean hasMore = rows.size() > page.limit();
        List<Refund> items = new ArrayList<>(rows.subList(0, Math.min(rows.size(), page.limit())).stream()
                .map(mapper::toDomain).toList());
        if (backwards) {
            Collections.reverse(items);
        }
        return new RefundSlice(items, hasMore);
    }

    @Override
    public long count(RefundFilter filter) {
        StringBuilder where = new StringBuilder();
        Parameters params = filterClause(filter, where);
        return repository.count(where.toString(), params);
    }

    private static Parameters filterClause(RefundFilter f, StringBuilder where) {
        where.append("merchantId = :merchant and livemode = :livemode");
        Parameters params = Parameters.with("merchant", f.merchantId()).and("livemode", f.livemode());
        if (f.paymentId() != null) {
            where.append(" and paymentId = :payment");
            params.and("payment", f.paymentId());
        }
        if (f.status() != null) {
            where.append(" and status = :status");
            params.and("status", f.status().name());
        }
        return params;
    }
}
