package dev.paysuite.payments.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.kernel.id.DisputeId;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.payments.application.domain.model.Dispute;
import dev.paysuite.payments.application.domain.model.DisputeEvidence;
import dev.paysuite.payments.application.domain.model.DisputeStatus;
import dev.paysuite.payments.application.port.in.DisputeRef;
import dev.paysuite.payments.application.port.out.DisputeStorePort;
import dev.paysuite.platform.persistence.KeysetPages;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Optional;

/**
 * Disputes in table {@code disputes}; the evidence is kept as one JSON document. A read outside a
 * step is detached, so the next read sees the row again (not the request's first read of it).
 */
@ApplicationScoped
public class DisputePersistenceAdapter implements DisputeStorePort {
    private static final String BY_REF = "id = :id and merchantId = :merchant and livemode = :livemode";

    private final DisputeRepository repository;
    private final ObjectMapper json;

    public DisputePersistenceAdapter(DisputeRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /** The evidence as stored: the domain's fields, named as the API names them. */
    record StoredEvidence(String productDescription, String customerCommunication, String shippingTracking,
            String refundPolicy, List<String> files) {
    }

    @Override
    public Optional<Dispute> load(DisputeRef ref) {
        return repository.find(BY_REF, Parameters.with("id", ref.id().value()).and("merchant", ref.merchantId())
                .and("livemode", ref.livemode())).firstResultOptional().map(this::fresh);
    }

    @Override
    public Optional<Dispute> loadById(DisputeId id) {
        return repository.findByIdOptional(id.value()).map(this::fresh);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Optional<Dispute> loadForUpdate(DisputeId id) {
        return repository.findByIdOptional(id.value(), LockModeType.PESSIMISTIC_WRITE).map(this::toDomain);
    }

    @Override
    public Optional<Dispute> findByAcquirerReference(String acquirerReference) {
        return repository.find("acquirerReference", acquirerReference).firstResultOptional().map(this::fresh);
    }

    private Dispute fresh(DisputeJpaEntity e) {
        Dispute read = toDomain(e);
        if (!repository.getEntityManager().isJoinedToTransaction()) {
            repository.getEntityManager().detach(e);
        }
        return read;
    }

    @Override
    public Slice<Dispute> list(String merchantId, boolean livemode, PaymentId paymentId, DisputeStatus status,
            PageRequest page) {
        Parameters params = Parameters.with("merchant", merchantId).and("livemode", livemode);
        return KeysetPages.fetch(repository, where(paymentId, status, params), params, page).map(this::toDomain);
    }

    @Override
    public long count(String merchantId, boolean livemode, PaymentId paymentId, DisputeStatus status) {
        Parameters params = Parameters.with("merchant", merchantId).and("livemode", livemode);
        return repository.count(where(paymentId, status, params), params);
    }

    private static String where(PaymentId paymentId, DisputeStatus status, Parameters params) {
        StringBuilder where = new StringBuilder("merchantId = :merchant and livemode = :livemode");
        if (paymentId != null) {
            where.append(" and paymentId = :payment");
            params.and("payment", paymentId.value());
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status.name());
        }
        return where.toString();
    }

    @Override
    public List<DisputeId> awaitingAcquirer(int atMost) {
        return repository.find("acquirerPending is not null order by updatedAt, id").page(0, atMost).list().stream()
                .map(e -> new DisputeId(e.id)).toList();
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void insert(Dispute d) {
        DisputeJpaEntity e = new DisputeJpaEntity();
        e.id = d.id().value();
        e.merchantId = d.merchantId();
        e.livemode = d.livemode();
        e.paymentId = d.paymentId().value();
        e.amount = d.amount().amount();
        e.currency = d.amount().currency().code();
        e.reason = d.reason();
        e.evidenceDueBy = d.evidenceDueBy();
        e.acquirerReference = d.acquirerReference();
        e.createdAt = d.createdAt();
        copy(d, e);
        repository.persist(e);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void update(Dispute d) {
        DisputeJpaEntity e = repository.findById(d.id().value());
        if (e == null) {
            throw new IllegalStateException("Dispute " + d.id() + " vanished while it was being changed");
        }
        copy(d, e);
    }

    private void copy(Dispute d, DisputeJpaEntity e) {
        DisputeEvidence v = d.evidence();
        try {
            e.evidence = json.writeValueAsString(new StoredEvidence(v.productDescription(), v.customerCommunication(),
                    v.shippingTracking(), v.refundPolicy(), v.files()));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Could not write dispute " + d.id() + "'s evidence", ex);
        }
        e.status = d.status().name();
        e.submissionCount = d.submissionCount();
        e.submittedAt = d.submittedAt();
        e.acquirerPending = d.acquirerPending() == null ? null : d.acquirerPending().name();
        e.updatedAt = d.updatedAt();
        e.closedAt = d.closedAt();
    }

    private Dispute toDomain(DisputeJpaEntity e) {
        StoredEvidence v;
        try {
            v = json.readValue(e.evidence, StoredEvidence.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Unreadable evidence of dispute " + e.id, ex);
        }
        return new Dispute.Builder().id(new DisputeId(e.id)).paymentId(new PaymentId(e.paymentId))
                .merchantId(e.merchantId).livemode(e.livemode)
                .amount(new Money(e.amount, CurrencyUnit.of(e.currency))).reason(e.reason)
                .status(DisputeStatus.valueOf(e.status))
                .evidence(new DisputeEvidence(v.productDescription(), v.customerCommunication(), v.shippingTracking(),
                        v.refundPolicy(), v.files()))
                .evidenceDueBy(e.evidenceDueBy).submissionCount(e.submissionCount).submittedAt(e.submittedAt)
                .acquirerReference(e.acquirerReference)
                .acquirerPending(e.acquirerPending == null ? null : Dispute.AcquirerInstruction.valueOf(e.acquirerPending))
                .createdAt(e.createdAt).updatedAt(e.updatedAt).closedAt(e.closedAt).build();
    }
}
