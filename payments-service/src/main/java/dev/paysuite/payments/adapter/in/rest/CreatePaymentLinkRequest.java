package dev.paysuite.payments.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.payments.application.domain.model.PaymentLink;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.platform.web.QueryParams;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/payment_links}, as received; the link it becomes is validated by the domain. */
public record CreatePaymentLinkRequest(Long amount, String currency, List<LineItem> lineItems, String description,
        Map<String, String> metadata, Boolean reusable,
        @Schema(oneOf = { String.class, Long.class }, description = "When the link stops taking payments: an ISO 8601 "
                + "timestamp or Unix seconds, in the future") JsonNode expiresAt,
        String redirectUrl, List<String> paymentMethodTypes) {

    /** One line item: a name, a quantity (1 to 1000) and the unit amount in the currency's minor unit. */
    public record LineItem(String name, Long quantity, Long unitAmount) {
    }

    static final CreatePaymentLinkRequest EMPTY = new CreatePaymentLinkRequest(null, null, null, null, null, null, null,
            null, null);

    PaymentLink.Draft toDraft() {
        List<PaymentLink.LineItem> items = lineItems == null ? null : lineItems.stream()
                .map(i -> i == null ? null : new PaymentLink.LineItem(i.name(),
                        i.quantity() == null ? 1 : i.quantity(), i.unitAmount() == null ? 0 : i.unitAmount()))
                .toList();
        return new PaymentLink.Draft(amount, currency, items, description, Metadata.of(metadata), reusable,
                expiry(), redirectUrl, paymentMethodTypes);
    }

    private Instant expiry() {
        if (expiresAt == null || expiresAt.isNull()) {
            return null;
        }
        if (expiresAt.isIntegralNumber() || expiresAt.isTextual()) {
            return QueryParams.instant(expiresAt.asText(), "expires_at");
        }
        throw ApiException.invalid(ErrorCodes.PARAMETER_INVALID,
                "Invalid expires_at: expected an ISO 8601 timestamp or Unix seconds.", "expires_at");
    }
}
