package dev.paysuite.methods.adapter.out.persistence;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.id.CustomerId;
import dev.paysuite.kernel.id.PaymentMethodId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.methods.application.domain.model.MethodStatus;
import dev.paysuite.methods.application.domain.model.MethodType;
import dev.paysuite.methods.application.domain.model.PaymentMethod;
import dev.paysuite.methods.application.domain.model.ShownDetails;
import dev.paysuite.methods.application.port.out.PaymentMethodStore;
import dev.paysuite.platform.persistence.KeysetPages;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class PaymentMethodPersistenceAdapter implements PaymentMethodStore {
    /** Its own methods; in test mode also the shared test aliases (no merchant). */
    private static final String VISIBLE = "id = :id and livemode = :livemode and (merchantId = :merchant"
            + " or (merchantId is null and livemode = false))";
    private final PaymentMethodRepository repository;

    public PaymentMethodPersistenceAdapter(PaymentMethodRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void insert(PaymentMethod method) {
        PaymentMethodJpaEntity e = new PaymentMethodJpaEntity();
        e.id = method.id().value();
        e.merchantId = method.merchantId();
        e.livemode = method.livemode();
        e.type = method.type().apiName();
        ShownDetails shown = method.shown();
        e.brand = shown.brand();
        e.last4 = shown.last4();
        e.expMonth = shown.expMonth();
        e.expYear = shown.expYear();
        e.funding = shown.funding();
        e.details = JsonColumns.write(shown.extra());
        e.metadata = JsonColumns.write(method.metadata().values());
        e.vaultRecordId = method.vaultRecordId();
        e.secretHash = method.secretHash();
        e.createdAt = method.createdAt();
        copy(method, e);
        repository.persist(e);
    }

    @Override
    public Optional<PaymentMethod> load(String merchantId, boolean livemode, PaymentMethodId id) {
        return repository.find(VISIBLE, params(merchantId, livemode, id)).firstResultOptional().map(this::toDomain);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Optional<PaymentMethod> lock(String merchantId, boolean livemode, PaymentMethodId id) {
        return repository.find(VISIBLE, params(merchantId, livemode, id)).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().map(this::toDomain);
    }

    @Override
    public boolean exists(PaymentMethodId id) {
        return repository.count("id", id.value()) > 0;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void update(PaymentMethod method) {
        PaymentMethodJpaEntity e = repository.findById(method.id().value());
        if (e == null) {
            throw new IllegalStateException("Payment method " + method.id() + " vanished while it was being changed");
        }
        copy(method, e);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public List<PaymentMethod> lockAttachedTo(CustomerId customer) {
        return repository.find("customerId = :customer and status = :usable", Sort.by("id"),
                Parameters.with("customer", customer.value()).and("usable", MethodStatus.USABLE.name()))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().stream().map(this::toDomain).toList();
    }

    @Override
    public List<PaymentMethodId> attachedTo(String merchantId, boolean livemode, CustomerId customer) {
        return repository.find("merchantId = :merchant and livemode = :livemode and customerId = :customer"
                + " and status = :usable", Sort.by("id"), Parameters.with("merchant", merchantId)
                .and("livemode", livemode).and("customer", customer.value()).and("usable", MethodStatus.USABLE.name()))
                .list().stream().map(e -> new PaymentMethodId(e.id)).toList();
    }

    @Override
    public Slice<PaymentMethod> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder();
        Parameters params = filterClause(filter, where);
        return KeysetPages.fetch(repository, where.toString(), params, page).map(this::toDomain);
    }

    @Override
    public long count(Filter filter) {
        StringBuilder where = new StringBuilder();
        Parameters params = filterClause(filter, where);
        return repository.count(where.toString(), params);
    }

    private static Parameters filterClause(Filter f, StringBuilder where) {
        where.append("merchantId = :merchant and livemode = :livemode");
        Parameters params = Parameters.with("merchant", f.merchantId()).and("livemode", f.livemode());
        if (f.customerId() != null) {
            where.append(" and customerId = :customer and status = :usable");
            params.and("customer", f.customerId().value()).and("usable", MethodStatus.USABLE.name());
        }
        if (f.type() != null) {
            where.append(" and type = :type");
            params.and("type", f.type().apiName());
        }
        return params;
    }

    private static Parameters params(String merchantId, boolean livemode, PaymentMethodId id) {
        return Parameters.with("id", id.value()).and("merchant", merchantId).and("livemode", livemode);
    }

    private static void copy(PaymentMethod m, PaymentMethodJpaEntity e) {
        e.customerId = m.customerId() == null ? null : m.customerId().value();
        e.status = m.status().name();
        e.updatedAt = m.updatedAt();
        e.detachedAt = m.detachedAt();
    }

    private PaymentMethod toDomain(PaymentMethodJpaEntity e) {
        return new PaymentMethod(new PaymentMethodId(e.id), e.merchantId, e.livemode,
                MethodType.valueOf(e.type.toUpperCase(Locale.ROOT)),
                new ShownDetails(e.brand, e.last4, e.expMonth, e.expYear, e.funding, JsonColumns.read(e.details)),
                Metadata.of(JsonColumns.read(e.metadata)), e.vaultRecordId, e.secretHash,
                e.customerId == null ? null : new CustomerId(e.customerId), MethodStatus.valueOf(e.status),
                e.createdAt, e.updatedAt, e.detachedAt);
    }
}
