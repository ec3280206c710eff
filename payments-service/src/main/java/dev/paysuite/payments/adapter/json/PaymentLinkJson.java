package dev.paysuite.payments.adapter.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paysuite.payments.application.domain.model.PaymentLink;
import java.util.List;
import java.util.Map;

/**
 * The public representation of a payment link. {@code url} is its public page (no API key needed);
 * {@code active} says whether it takes a payment now (not deactivated, not expired, and for a
 * one-time link not paid yet). Amounts are in the currency's minor unit, like a payment's.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PaymentLinkJson(String id, String object, String url, boolean active, long amount, String currency,
        List<LineItem> lineItems, String description, Map<String, String> metadata, boolean reusable,
        String expiresAt, String redirectUrl, List<String> paymentMethodTypes, boolean livemode, String createdAt,
        String updatedAt) {

    public record LineItem(String name, long quantity, long unitAmount, long amount) {
    }

    public static PaymentLinkJson of(PaymentLink link, boolean active, String publicUrl) {
        return new PaymentLinkJson(link.id().value(), "payment_link", pageUrl(publicUrl, link), active,
                link.amount().amount(), link.amount().currency().code(),
                link.lineItems().stream()
                        .map(i -> new LineItem(i.name(), i.quantity(), i.unitAmount(), i.quantity() * i.unitAmount()))
                        .toList(),
                link.description(), link.metadata().values(), link.reusable(),
                PaymentJson.timestamp(link.expiresAt()), link.redirectUrl(), link.paymentMethodTypes(),
                link.livemode(), PaymentJson.timestamp(link.createdAt()), PaymentJson.timestamp(link.updatedAt()));
    }

    /** The link's public page, on the gateway's public URL. */
    public static String pageUrl(String publicUrl, PaymentLink link) {
        return publicUrl.replaceAll("/+$", "") + "/pay/" + link.id().value();
    }
}
