package dev.paysuite.refunds.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.RefundId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.refunds.application.domain.model.Refund;
import dev.paysuite.refunds.application.domain.model.RefundStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

@ApplicationScoped
public class RefundMapper {
    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };
    private final ObjectMapper json;

    public RefundMapper(ObjectMapper json) {
        this.json = json;
    }

    Refund toDomain(RefundJpaEntity e) {
        try {
            return new Refund(new RefundId(e.id), new PaymentId(e.paymentId), e.merchantId, e.livemode,
                    new Money(e.amount, CurrencyUnit.of(e.currency)), RefundStatus.valueOf(e.status), e.reason, Metadata.of(json.readValue(e.metadata, METADATA)),
                    e.failureReason, e.processorReference, e.createdAt, e.updatedAt);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Unreadable metadata in the refunds table", ex);
        }
    }

    RefundJpaEntity toNewEntity(Refund r) {
        RefundJpaEntity e = new RefundJpaEntity();
        e.id = r.id().value();
        e.paymentId = r.paymentId().value();
        e.merchantId = r.merchantId();
        e.livemode = r.livemode();
        e.amount = r.amount().amount();
        e.currency = r.amount().currency().code();
        e.reason = r.reason();
        e.createdAt = r.createdAt();
        try {
            e.metadata = json.writeValueAsString(r.metadata().values());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Could not serialize metadata", ex);
        }
        copyChanges(r, e);
        return e;
    }

    void copyChanges(Refund r, RefundJpaEntity e) {
        e.status = r.status().name();
        e.failureReason = r.failureReason();
        e.processorReference = r.processorReference();
        e.updatedAt = r.updatedAt();
    }
}
