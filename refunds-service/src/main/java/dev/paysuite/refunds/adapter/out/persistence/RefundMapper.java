package dev.paysuite.refunds.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.refunds.application.domain.model.Metadata;
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
            return new Refund(e.id, e.paymentId, e.merchantId, e.livemode, e.amount, e.currency,
                    RefundStatus.valueOf(e.status), e.reason, Metadata.of(json.readValue(e.metadata, METADATA)),
                    e.failureReason, e.processorReference, e.createdAt, e.updatedAt);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Unreadable metadata in the refunds table", ex);
        }
    }

    RefundJpaEntity toNewEntity(Refund r) {
        RefundJpaEntity e = new RefundJpaEntity();
        e.id = r.id();
        e.paymentId = r.paymentId();
        e.merchantId = r.merchantId();
        e.livemode = r.livemode();
        e.amount = r.amount();
        e.currency = r.currency();
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
