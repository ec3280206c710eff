package dev.paysuite.payments.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.id.PaymentLinkId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.payments.application.domain.model.PaymentLink;
import dev.paysuite.payments.application.domain.model.PaymentStatus;
import dev.paysuite.payments.application.port.in.PaymentLinkRef;
import dev.paysuite.payments.application.port.out.LoadPaymentLinkPort;
import dev.paysuite.payments.application.port.out.SavePaymentLinkPort;
import dev.paysuite.platform.persistence.KeysetPages;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class PaymentLinkPersistenceAdapter implements LoadPaymentLinkPort, SavePaymentLinkPort {
    private static final String BY_REF = "id = :id and merchantId = :merchant and livemode = :livemode";
    private static final TypeReference<List<LineItemRow>> LINE_ITEMS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };
    private static final List<String> NOT_PAID = List.of(PaymentStatus.FAILED.name(), PaymentStatus.CANCELED.name());

    /** A line item as stored (JSON text). */
    record LineItemRow(String name, long quantity, long unitAmount) {
    }

    private final PaymentLinkRepository repository;
    private final PaymentRepository payments;
    private final ObjectMapper json;

    public PaymentLinkPersistenceAdapter(PaymentLinkRepository repository, PaymentRepository payments,
            ObjectMapper json) {
        this.repository = repository;
        this.payments = payments;
        this.json = json;
    }

    @Override
    public Optional<PaymentLink> load(PaymentLinkRef ref) {
        return repository.find(BY_REF, Parameters.with("id", ref.id().value()).and("merchant", ref.merchantId())
                .and("livemode", ref.livemode())).firstResultOptional().map(this::toDomain);
    }

    @Override
    public Optional<PaymentLink> loadById(PaymentLinkId id) {
        return repository.findByIdOptional(id.value()).map(this::toDomain);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public Optional<PaymentLink> loadForUpdate(PaymentLinkId id) {
        return repository.findByIdOptional(id.value(), LockModeType.PESSIMISTIC_WRITE).map(this::toDomain);
    }

    @Override
    public Slice<PaymentLink> list(String merchantId, boolean livemode, PageRequest page) {
        return KeysetPages.fetch(repository, "merchantId = :merchant and livemode = :livemode",
                Parameters.with("merchant", merchantId).and("livemode", livemode), page).map(this::toDomain);
    }

    @Override
    public long count(String merchantId, boolean livemode) {
        return repository.count("merchantId = ?1 and livemode = ?2", merchantId, livemode);
    }

    @Override
    public Set<PaymentLinkId> paid(Collection<PaymentLinkId> links) {
        if (links.isEmpty()) {
            return Set.of();
        }
        List<String> ids = links.stream().map(PaymentLinkId::value).toList();
        Set<PaymentLinkId> paid = new HashSet<>();
        payments.getEntityManager().createQuery(
                "select distinct p.paymentLink from PaymentJpaEntity p where p.paymentLink in :ids and p.status not in :notPaid",
                String.class).setParameter("ids", ids).setParameter("notPaid", NOT_PAID).getResultList()
                .forEach(id -> paid.add(new PaymentLinkId(id)));
        return paid;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void insert(PaymentLink link) {
        PaymentLinkJpaEntity e = new PaymentLinkJpaEntity();
        e.id = link.id().value();
        e.merchantId = link.merchantId();
        e.livemode = link.livemode();
        e.createdAt = link.createdAt();
        copy(link, e);
        repository.persist(e);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void update(PaymentLink link) {
        PaymentLinkJpaEntity e = repository.findById(link.id().value());
        if (e == null) {
            throw new IllegalStateException("Payment link " + link.id() + " vanished while it was being changed");
        }
        copy(link, e);
    }

    private void copy(PaymentLink link, PaymentLinkJpaEntity e) {
        e.amount = link.amount().amount();
        e.currency = link.amount().currency().code();
        e.lineItems = write(link.lineItems().stream()
                .map(i -> new LineItemRow(i.name(), i.quantity(), i.unitAmount())).toList());
        e.description = link.description();
        e.metadata = write(link.metadata().values());
        e.reusable = link.reusable();
        e.expiresAt = link.expiresAt();
        e.redirectUrl = link.redirectUrl();
        e.paymentMethodTypes = String.join(",", link.paymentMethodTypes());
        e.deactivated = link.deactivated();
        e.updatedAt = link.updatedAt();
    }

    private PaymentLink toDomain(PaymentLinkJpaEntity e) {
        try {
            List<PaymentLink.LineItem> items = json.readValue(e.lineItems, LINE_ITEMS).stream()
                    .map(r -> new PaymentLink.LineItem(r.name(), r.quantity(), r.unitAmount())).toList();
            return new PaymentLink(new PaymentLinkId(e.id), e.merchantId, e.livemode,
                    new Money(e.amount, CurrencyUnit.of(e.currency)), items, e.description,
                    Metadata.of(json.readValue(e.metadata, METADATA)), e.reusable, e.expiresAt, e.redirectUrl,
                    Arrays.asList(e.paymentMethodTypes.split(",")), e.deactivated, e.createdAt, e.updatedAt);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Unreadable payment link " + e.id, ex);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Could not serialize a payment link's field", ex);
        }
    }
}
