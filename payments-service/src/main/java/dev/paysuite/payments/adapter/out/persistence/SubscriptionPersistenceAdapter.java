package dev.paysuite.payments.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.SubscriptionId;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.payments.application.domain.model.BillingInterval;
import dev.paysuite.payments.application.domain.model.Subscription;
import dev.paysuite.payments.application.domain.model.SubscriptionStatus;
import dev.paysuite.payments.application.port.in.SubscriptionRef;
import dev.paysuite.payments.application.port.out.SubscriptionStorePort;
import dev.paysuite.platform.persistence.KeysetPages;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class SubscriptionPersistenceAdapter implements SubscriptionStorePort {
    private static final String BY_REF = "id = :id and merchantId = :merchant and livemode = :livemode";
    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private final SubscriptionRepository repository;
    private final ObjectMapper json;

    public SubscriptionPersistenceAdapter(SubscriptionRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @Override
    public Optional<Subscription> load(SubscriptionRef ref) {
        return repository.find(BY_REF, Parameters.with("id", ref.id().value()).and("merchant", ref.merchantId())
                .and("livemode", ref.livemode())).firstResultOptional().map(this::fresh);
    }

    @Override
    public Optional<Subscription> loadById(SubscriptionId id) {
        return repository.findByIdOptional(id.value()).map(this::fresh);
    }

    /**
     * The row as it is now, not as this session first read it: a request (a clock's advance, a
     * create that charges its first cycle) reads a subscription again after steps of its own
     * transactions changed it.
     */
    private Subscription fresh(SubscriptionJpaEntity e) {
        Subscription read = toDomain(e);
        if (!repository.getEntityManager().isJoinedToTransaction()) {
            // Outside a transaction the request's session would keep it: let the next read see the row again
            repository.getEntityManager().detach(e);
        }
        return read;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Optional<Subscription> loadForUpdate(SubscriptionId id) {
        return repository.findByIdOptional(id.value(), LockModeType.PESSIMISTIC_WRITE).map(this::toDomain);
    }

    @Override
    public Slice<Subscription> list(String merchantId, boolean livemode, String customerId, SubscriptionStatus status,
            PageRequest page) {
        Parameters params = Parameters.with("merchant", merchantId).and("livemode", livemode);
        return KeysetPages.fetch(repository, where(customerId, status, params), params, page).map(this::toDomain);
    }

    @Override
    public long count(String merchantId, boolean livemode, String customerId, SubscriptionStatus status) {
        Parameters params = Parameters.with("merchant", merchantId).and("livemode", livemode);
        return repository.count(where(customerId, status, params), params);
    }

    private static String where(String customerId, SubscriptionStatus status, Parameters params) {
        StringBuilder where = new StringBuilder("merchantId = :merchant and livemode = :livemode");
        if (customerId != null) {
            where.append(" and customerId = :customer");
            params.and("customer", customerId);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status.name());
        }
        return where.toString();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<SubscriptionId> due(Instant now, Instant settleBefore, int atMost) {
        return ((List<String>) repository.getEntityManager().createNativeQuery("""
                SELECT id FROM subscriptions
                 WHERE test_clock IS NULL AND next_attempt_at <= :now
                UNION
                SELECT id FROM subscriptions
                 WHERE test_clock IS NULL AND pending_payment IS NOT NULL AND updated_at < :settleBefore
                LIMIT :atMost""")
                .setParameter("now", Timestamp.from(now)).setParameter("settleBefore", Timestamp.from(settleBefore))
                .setParameter("atMost", atMost).getResultList()).stream().map(SubscriptionId::new).toList();
    }

    @Override
    public List<SubscriptionId> dueOnClock(TestClockId clock, Instant at, int atMost) {
        return repository.find("testClock = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt, id", clock.value(), at)
                .page(0, atMost).list().stream().map(e -> new SubscriptionId(e.id)).toList();
    }

    @Override
    public Optional<Instant> nextDueOnClock(TestClockId clock) {
        return Optional.ofNullable(repository.getEntityManager().createQuery(
                "select min(s.nextAttemptAt) from SubscriptionJpaEntity s where s.testClock = :clock", Instant.class)
                .setParameter("clock", clock.value()).getSingleResult());
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void insert(Subscription s) {
        SubscriptionJpaEntity e = new SubscriptionJpaEntity();
        e.id = s.id().value();
        e.merchantId = s.merchantId();
        e.livemode = s.livemode();
        e.createdAt = s.createdAt();
        copy(s, e);
        repository.persist(e);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void update(Subscription s) {
        SubscriptionJpaEntity e = repository.findById(s.id().value());
        if (e == null) {
            throw new IllegalStateException("Subscription " + s.id() + " vanished while it was being changed");
        }
        copy(s, e);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void recordAttempt(SubscriptionId subscription, int cycle, int attempt, PaymentId payment, Instant at) {
        repository.getEntityManager().createNativeQuery("""
                INSERT INTO subscription_attempts (subscription_id, cycle, attempt, payment_id, created_at)
                VALUES (:subscription, :cycle, :attempt, :payment, :at)""")
                .setParameter("subscription", subscription.value()).setParameter("cycle", cycle)
                .setParameter("attempt", attempt).setParameter("payment", payment.value())
                .setParameter("at", Timestamp.from(at)).executeUpdate();
    }

    private void copy(Subscription s, SubscriptionJpaEntity e) {
        e.customerId = s.customerId();
        e.paymentMethodId = s.paymentMethodId();
        e.amount = s.amount().amount();
        e.currency = s.amount().currency().code();
        e.interval = s.interval().wireName();
        e.intervalCount = s.intervalCount();
        e.startAt = s.startAt();
        e.endAt = s.endAt();
        e.cycles = s.cycles();
        e.metadata = write(s.metadata().values());
        e.status = s.status().name();
        e.cancelAtPeriodEnd = s.cancelAtPeriodEnd();
        e.canceledAt = s.canceledAt();
        e.cancellationReason = s.cancellationReason();
        e.currentCycle = s.currentCycle();
        e.cyclesPaid = s.cyclesPaid();
        e.attempt = s.attempt();
        e.nextAttemptAt = s.nextAttemptAt();
        e.pendingPayment = s.pendingPayment() == null ? null : s.pendingPayment().value();
        e.latestPayment = s.latestPayment() == null ? null : s.latestPayment().value();
        e.testClock = s.testClock() == null ? null : s.testClock().value();
        e.updatedAt = s.updatedAt();
        e.eventSequence = s.eventSequence();
    }

    private Subscription toDomain(SubscriptionJpaEntity e) {
        try {
            return new Subscription.Builder().id(new SubscriptionId(e.id)).merchantId(e.merchantId).livemode(e.livemode)
                    .customerId(e.customerId).paymentMethodId(e.paymentMethodId)
                    .amount(new Money(e.amount, CurrencyUnit.of(e.currency)))
                    .interval(BillingInterval.fromWire(e.interval).orElseThrow()).intervalCount(e.intervalCount)
                    .startAt(e.startAt).endAt(e.endAt).cycles(e.cycles)
                    .metadata(Metadata.of(json.readValue(e.metadata, METADATA)))
                    .status(SubscriptionStatus.valueOf(e.status)).cancelAtPeriodEnd(e.cancelAtPeriodEnd)
                    .canceledAt(e.canceledAt).cancellationReason(e.cancellationReason).currentCycle(e.currentCycle)
                    .cyclesPaid(e.cyclesPaid).attempt(e.attempt).nextAttemptAt(e.nextAttemptAt)
                    .pendingPayment(e.pendingPayment == null ? null : new PaymentId(e.pendingPayment))
                    .latestPayment(e.latestPayment == null ? null : new PaymentId(e.latestPayment))
                    .testClock(e.testClock == null ? null : new TestClockId(e.testClock)).createdAt(e.createdAt)
                    .updatedAt(e.updatedAt).eventSequence(e.eventSequence).build();
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Unreadable subscription " + e.id, ex);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Could not serialize a subscription's field", ex);
        }
    }
}
