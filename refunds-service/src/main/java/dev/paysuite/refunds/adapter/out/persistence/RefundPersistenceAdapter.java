package dev.paysuite.refunds.adapter.out.persistence;

import dev.paysuite.kernel.id.RefundId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.platform.persistence.KeysetPages;
import dev.paysuite.refunds.application.domain.model.Refund;
import dev.paysuite.refunds.application.domain.model.RefundStatus;
import dev.paysuite.refunds.application.port.in.RefundRef;
import dev.paysuite.refunds.application.port.out.ListRefundsPort;
import dev.paysuite.refunds.application.port.out.LoadRefundPort;
import dev.paysuite.refunds.application.port.out.RefundFilter;
import dev.paysuite.refunds.application.port.out.SaveRefundPort;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

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
                Parameters.with("id", ref.refundId().value()).and("merchant", ref.merchantId()).and("livemode", ref.livemode()))
                .firstResultOptional().map(mapper::toDomain);
    }

    @Override
    public List<Refund> pending(int atMost) {
        return repository.find("status = ?1", Sort.by("createdAt"), RefundStatus.PENDING.name())
                .page(0, atMost).list().stream().map(mapper::toDomain).toList();
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Optional<Refund> lock(RefundId id) {
        return Optional.ofNullable(repository.findById(id.value(), LockModeType.PESSIMISTIC_WRITE)).map(mapper::toDomain);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void insert(Refund refund) {
        repository.persist(mapper.toNewEntity(refund));
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void update(Refund refund) {
        RefundJpaEntity entity = repository.findById(refund.id().value());
        if (entity == null) {
            throw new IllegalStateException("Refund " + refund.id() + " vanished while it was being changed");
        }
        mapper.copyChanges(refund, entity);
    }

    @Override
    public Slice<Refund> list(RefundFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder();
        Parameters params = filterClause(filter, where);
        return KeysetPages.fetch(repository, where.toString(), params, page).map(mapper::toDomain);
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
            params.and("payment", f.paymentId().value());
        }
        if (f.status() != null) {
            where.append(" and status = :status");
            params.and("status", f.status().name());
        }
        return params;
    }
}
