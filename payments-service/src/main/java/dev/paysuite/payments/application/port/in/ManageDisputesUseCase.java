package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.payments.application.domain.model.Dispute;
import dev.paysuite.payments.application.domain.model.DisputeEvidence;
import dev.paysuite.payments.application.domain.model.DisputeStatus;

/** A merchant's disputes through the API: retrieve, list, give evidence and submit it, accept. */
public interface ManageDisputesUseCase {

    /** Which of a merchant's disputes a list shows: all, or a payment's, or those in a status. */
    record Filter(PaymentId paymentId, DisputeStatus status) {
        public static final Filter ALL = new Filter(null, null);
    }

    Dispute get(DisputeRef ref);

    Page<Dispute> list(String merchantId, boolean livemode, Filter filter, PageQuery page);

    /**
     * Adds {@code evidence} to what was given, and submits it all to the issuer when {@code submit}
     * (the dispute is {@code under_review} then, and the decision comes later). Refused once the
     * evidence is past due, or the dispute no longer needs a response.
     */
    Dispute giveEvidence(DisputeRef ref, DisputeEvidence evidence, boolean submit);

    /** The merchant accepts the dispute: it is lost at once. */
    Dispute accept(DisputeRef ref);
}
