package dev.paysuite.payments.adapter.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paysuite.payments.application.domain.model.Payment;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The public representation of a payment: the body of the API's answers and the {@code data} of
 * the events on {@code payments.events}, so that what a webhook delivers is what the API shows.
 * Fields without a value are present as null. Timestamps are ISO 8601 UTC to the second.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PaymentJson(String id, String object, long amount, long amountCaptured, long amountRefunded,
        @Schema(description = "What disputes hold of the captured amount: a dispute's amount while it is open or "
                + "once lost; nothing once won or withdrawn") long amountDisputed,
        String currency, String status, String captureMethod, String paymentMethodId, String source,
        PaymentMethodDetails paymentMethodDetails, String description, String customerId,
        Map<String, String> metadata, String failureCode, String failureMessage, String declineCode,
        NextAction nextAction, String returnUrl, String paymentLink, String subscription, String testClock,
        String cancellationReason, String canceledAt,
        String capturedAt, boolean livemode,
        String createdAt, String updatedAt) {

    public record PaymentMethodDetails(String type, Card card) {
    }

    public record Card(String brand, String last4, Integer expMonth, Integer expYear, String fingerprint) {
    }

    public record NextAction(String type, RedirectToUrl redirectToUrl) {
    }

    public record RedirectToUrl(String url) {
    }

    public static PaymentJson of(Payment p) {
        PaymentInstrument i = p.instrument();
        PaymentMethodDetails details = i == null ? null
                : new PaymentMethodDetails(i.type(), i.isCard()
                        ? new Card(i.brand(), i.last4(), i.expMonth(), i.expYear(), i.fingerprint())
                        : null);
        NextAction next = p.nextAction() == null ? null
                : new NextAction(p.nextAction().type(), new RedirectToUrl(p.nextAction().redirectUrl()));
        return new PaymentJson(p.id().value(), "payment", p.amount().amount(), p.amountCaptured(), p.amountRefunded(),
                p.amountDisputed(),
                p.amount().currency().code(), p.status().wireName(), p.captureMethod().wireName(),
                p.source() instanceof PaymentSource.StoredMethod ? p.source().value() : null,
                p.source() instanceof PaymentSource.Token ? p.source().value() : null, details, p.description(),
                p.customerId(), p.metadata().values(), p.failure() == null ? null : p.failure().code(),
                p.failure() == null ? null : p.failure().message(),
                p.failure() == null ? null : p.failure().declineCode(), next, p.returnUrl(),
                p.paymentLink() == null ? null : p.paymentLink().value(),
                p.subscription() == null ? null : p.subscription().value(),
                p.testClock() == null ? null : p.testClock().value(), p.cancellationReason(),
                timestamp(p.canceledAt()), timestamp(p.capturedAt()), p.livemode(), timestamp(p.createdAt()),
                timestamp(p.updatedAt()));
    }

    public static String timestamp(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
