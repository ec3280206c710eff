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
import dev.paysuite.platform.persistence.KeysetPages;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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
        KeysetPages.Page keyset;
        if (page instanceof PageRequest.After a) {
            keyset = new KeysetPages.Page.After(a.cursorCreatedAt(), a.cursorId(), a.limit());
        } else if (page instanceof PageRequest.Before b) {
            keyset = new KeysetPages.Page.Before(b.cursorCreatedAt(), b.cursorId(), b.limit());
        } else {
            PageRequest.FromOffset o = (PageRequest.FromOffset) page;
            keyset = new KeysetPages.Page.FromOffset(o.offset(), o.limit());
        }
        KeysetPages.Slice<RefundJpaEntity> rows = KeysetPages.fetch(repository, where.toString(), params, keyset);
        return new RefundSlice(rows.items().stream().map(mapper::toDomain).toList(), rows.hasMore());
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
