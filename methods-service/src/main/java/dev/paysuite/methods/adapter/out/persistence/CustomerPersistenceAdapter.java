package dev.paysuite.methods.adapter.out.persistence;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.id.CustomerId;
import dev.paysuite.kernel.id.PaymentMethodId;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.methods.application.domain.model.Customer;
import dev.paysuite.methods.application.port.out.CustomerStore;
import dev.paysuite.platform.persistence.KeysetPages;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;

@ApplicationScoped
public class CustomerPersistenceAdapter implements CustomerStore {
    private static final String VISIBLE = "id = :id and merchantId = :merchant and livemode = :livemode and deleted = false";
    private final CustomerRepository repository;

    public CustomerPersistenceAdapter(CustomerRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void insert(Customer customer) {
        CustomerJpaEntity e = new CustomerJpaEntity();
        e.id = customer.id().value();
        e.merchantId = customer.merchantId();
        e.livemode = customer.livemode();
        e.createdAt = customer.createdAt();
        e.testClock = customer.testClock() == null ? null : customer.testClock().value();
        copy(customer, e);
        repository.persist(e);
    }

    @Override
    public Optional<Customer> load(String merchantId, boolean livemode, CustomerId id) {
        return repository.find(VISIBLE, params(merchantId, livemode, id)).firstResultOptional().map(this::toDomain);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Optional<Customer> lock(String merchantId, boolean livemode, CustomerId id) {
        return repository.find(VISIBLE, params(merchantId, livemode, id)).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().map(this::toDomain);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void update(Customer customer) {
        CustomerJpaEntity e = repository.findById(customer.id().value());
        if (e == null) {
            throw new IllegalStateException("Customer " + customer.id() + " vanished while it was being changed");
        }
        copy(customer, e);
    }

    @Override
    public Slice<Customer> list(String merchantId, boolean livemode, PageRequest page) {
        return KeysetPages.fetch(repository, "merchantId = :merchant and livemode = :livemode and deleted = false",
                Parameters.with("merchant", merchantId).and("livemode", livemode), page).map(this::toDomain);
    }

    @Override
    public long count(String merchantId, boolean livemode) {
        return repository.count("merchantId = :merchant and livemode = :livemode and deleted = false",
                Parameters.with("merchant", merchantId).and("livemode", livemode));
    }

    private static Parameters params(String merchantId, boolean livemode, CustomerId id) {
        return Parameters.with("id", id.value()).and("merchant", merchantId).and("livemode", livemode);
    }

    private static void copy(Customer c, CustomerJpaEntity e) {
        e.email = c.email();
        e.name = c.name();
        e.description = c.description();
        e.metadata = JsonColumns.write(c.metadata().values());
        e.defaultPaymentMethodId = c.defaultPaymentMethodId() == null ? null : c.defaultPaymentMethodId().value();
        e.deleted = c.deleted();
        e.updatedAt = c.updatedAt();
    }

    private Customer toDomain(CustomerJpaEntity e) {
        return new Customer(new CustomerId(e.id), e.merchantId, e.livemode, e.email, e.name, e.description,
                Metadata.of(JsonColumns.read(e.metadata)),
                e.defaultPaymentMethodId == null ? null : new PaymentMethodId(e.defaultPaymentMethodId),
                e.testClock == null ? null : new TestClockId(e.testClock), e.deleted, e.createdAt, e.updatedAt);
    }
}
