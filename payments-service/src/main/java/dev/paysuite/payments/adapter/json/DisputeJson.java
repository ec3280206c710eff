package dev.paysuite.payments.adapter.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paysuite.payments.application.domain.model.Dispute;
import dev.paysuite.payments.application.domain.model.DisputeEvidence;
import dev.paysuite.payments.application.domain.model.DisputeStatus;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The public representation of a dispute: the API's answers and the {@code data} of its events on
 * {@code payments.events}. Amounts in the currency's minor unit; times ISO 8601 UTC to the second.
 * {@code evidence_details.past_due}: the dispute still needs a response and its evidence is past due,
 * as of the answer (or the event).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DisputeJson(String id, String object, String paymentId, long amount, String currency,
        @Schema(description = "Why the cardholder disputed the payment, as the issuer says", enumeration = {
                "fraudulent", "product_not_received", "general" }) String reason,
        @Schema(enumeration = { "needs_response", "under_review", "won", "lost", "closed" }) String status,
        Evidence evidence, EvidenceDetails evidenceDetails, boolean livemode, String createdAt, String updatedAt,
        String closedAt) {

    public record Evidence(String productDescription, String customerCommunication, String shippingTracking,
            String refundPolicy, List<String> files) {
    }

    public record EvidenceDetails(String dueBy, boolean hasEvidence, boolean pastDue, int submissionCount,
            String submittedAt) {
    }

    public static DisputeJson of(Dispute d, Instant now) {
        DisputeEvidence e = d.evidence();
        return new DisputeJson(d.id().value(), "dispute", d.paymentId().value(), d.amount().amount(),
                d.amount().currency().code(), d.reason(), d.status().wireName(),
                new Evidence(e.productDescription(), e.customerCommunication(), e.shippingTracking(), e.refundPolicy(),
                        e.files()),
                new EvidenceDetails(PaymentJson.timestamp(d.evidenceDueBy()), !e.isEmpty(),
                        d.status() == DisputeStatus.NEEDS_RESPONSE && d.isPastDue(now),
                        d.submissionCount(), PaymentJson.timestamp(d.submittedAt())),
                d.livemode(), PaymentJson.timestamp(d.createdAt()), PaymentJson.timestamp(d.updatedAt()),
                PaymentJson.timestamp(d.closedAt()));
    }
}
