package dev.paysuite.payments.adapter.in.rest;

import dev.paysuite.payments.application.domain.model.DisputeEvidence;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v1/disputes/{id}} (and of {@code /submit}): evidence, added to what was
 * given before, and whether to submit it all now.
 */
public record UpdateDisputeRequest(Evidence evidence,
        @Schema(description = "Submit all the evidence given to the issuer now (default false: keep it for later)")
        Boolean submit) {

    static final UpdateDisputeRequest EMPTY = new UpdateDisputeRequest(null, null);

    /** Each field optional; a field given replaces what was given before, and {@code files}, if given, replace the files. */
    public record Evidence(
            @Schema(description = "What was sold, as the customer saw it", maxLength = DisputeEvidence.MAX_TEXT)
            String productDescription,
            @Schema(description = "The conversation with the customer", maxLength = DisputeEvidence.MAX_TEXT)
            String customerCommunication,
            @Schema(description = "The carrier's tracking number of the shipment", maxLength = DisputeEvidence.MAX_TRACKING)
            String shippingTracking,
            @Schema(description = "The refund policy shown to the customer", maxLength = DisputeEvidence.MAX_TEXT)
            String refundPolicy,
            @Schema(description = "Files the merchant keeps: file ids (file_…) or https URLs, at most 10")
            List<String> files) {
    }

    DisputeEvidence toEvidence() {
        if (evidence == null) {
            return DisputeEvidence.NONE;
        }
        return new DisputeEvidence(evidence.productDescription(), evidence.customerCommunication(),
                evidence.shippingTracking(), evidence.refundPolicy(), evidence.files());
    }
}
