package dev.paysuite.payments.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paysuite.payments.application.domain.model.CaptureMethod;
import dev.paysuite.payments.application.domain.model.Metadata;
import dev.paysuite.payments.application.domain.model.Money;
import dev.paysuite.payments.application.domain.model.PaymentErrorCodes;
import dev.paysuite.payments.application.domain.model.PaymentException;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.payments.application.port.in.CreatePaymentCommand;
import dev.paysuite.platform.identity.Caller;
import java.util.Map;

/** The body of {@code POST /v1/payments}, as received; the command it becomes is validated. */
public record CreatePaymentRequest(Long amount, String currency, String paymentMethodId, String source,
        String cardToken, JsonNode paymentMethod, String description, String customerId, Map<String, String> metadata,
        String captureMethod) {

    static final CreatePaymentRequest EMPTY = new CreatePaymentRequest(null, null, null, null, null, null, null, null,
            null, null);

    CreatePaymentCommand toCommand(Caller caller) {
        if (paymentMethod != null && !paymentMethod.isNull()) {
            throw PaymentException.invalid(PaymentErrorCodes.PAYMENT_METHOD_UNSUPPORTED,
                    "Inline payment_method details are not accepted yet: pass a payment_method_id or a token "
                            + "(source).", "payment_method");
        }
        return new CreatePaymentCommand(caller.merchantId(), caller.livemode(), Money.of(amount, currency),
                PaymentSource.of(paymentMethodId, source, cardToken), CaptureMethod.parse(captureMethod), description,
                customerId, Metadata.of(metadata));
    }
}
