package dev.paysuite.payments.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.payments.application.domain.model.CaptureMethod;
import dev.paysuite.payments.application.domain.model.PaymentErrorCodes;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import dev.paysuite.payments.application.port.in.CreatePaymentCommand;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.platform.error.ApiParameters;
import dev.paysuite.platform.identity.Caller;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/payments}, as received; the command it becomes is validated. */
public record CreatePaymentRequest(Long amount, String currency, String paymentMethodId, String source,
        String cardToken,
        @Schema(oneOf = { String.class, InlinePaymentMethod.class }, description = "The kind of method the token is "
                + "(\"card\", with card_token), or card details inline, which the gateway exchanges for a token at the "
                + "vault before the payment reaches this service") JsonNode paymentMethod,
        String description, String customerId, Map<String, String> metadata,
        String captureMethod,
        @Schema(description = "Where the customer goes back to after a 3-D Secure challenge (absolute http or https "
                + "URL, at most 2048 characters); payment_id is added to its query", maxLength = 2048) String returnUrl,
        @Schema(description = "Test mode only: the id of one of your test clocks (clock_...) whose time the "
                + "payment follows; its authorization expires when the clock is advanced past the expiry, "
                + "not by real time") String testClock) {
    /** Card details inline, as the public API takes them: for the document only, never received here. */
    @Schema(name = "InlinePaymentMethod")
    record InlinePaymentMethod(@Schema(enumeration = "card") String type, InlineCard card) {
    }

    @Schema(name = "InlineCard")
    record InlineCard(String number, Integer expMonth, Integer expYear, String cvc) {
    }

    static final String PAYMENT_METHOD_ID = "payment_method_id";
    static final String CARD_TOKEN = "card_token";
    static final String PAYMENT_METHOD = "payment_method";

    static final CreatePaymentRequest EMPTY = new CreatePaymentRequest(null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** A request without a test clock. */
    CreatePaymentRequest(Long amount, String currency, String paymentMethodId, String source, String cardToken,
            JsonNode paymentMethod, String description, String customerId, Map<String, String> metadata,
            String captureMethod, String returnUrl) {
        this(amount, currency, paymentMethodId, source, cardToken, paymentMethod, description, customerId, metadata,
                captureMethod, returnUrl, null);
    }

    CreatePaymentCommand toCommand(Caller caller) {
        String methodType = methodType();
        return new CreatePaymentCommand(caller.merchantId(), caller.livemode(), Money.of(amount, currency),
                paymentSource(), CaptureMethod.parse(captureMethod), description, customerId, Metadata.of(metadata),
                methodType, returnUrl, testClock == null ? null : new TestClockId(testClock));
    }

    /**
     * {@code payment_method} as text is the caller's word for the kind of method (seed 000 sends
     * {@code "card"} with its {@code card_token}); the payment is refused if the method is another
     * kind. As an object it would be inline card details, which never reach this service: the
     * gateway exchanges them with the vault for a token and sends that as {@code source}.
     */
    private String methodType() {
        if (paymentMethod == null || paymentMethod.isNull()) {
            return null;
        }
        if (paymentMethod.isTextual()) {
            return paymentMethod.textValue();
        }
        if (paymentMethod.isObject()) {
            throw ApiException.invalid(PaymentErrorCodes.PAYMENT_METHOD_UNSUPPORTED,
                    "Inline card details are not accepted by payments-service: the gateway exchanges them for a "
                            + "token (source: tok_...) with the vault. Pass a payment_method_id or a token (source).",
                    PAYMENT_METHOD);
        }
        throw ApiException.invalid(ErrorCodes.PARAMETER_INVALID,
                "Invalid payment_method: expected a payment method type such as card.", PAYMENT_METHOD);
    }

    /** Exactly one of the three ways this API names a source: {@code payment_method_id}, or a token as {@code source} or {@code card_token}. */
    private PaymentSource paymentSource() {
        int given = (paymentMethodId != null ? 1 : 0) + (source != null ? 1 : 0) + (cardToken != null ? 1 : 0);
        if (given == 0) {
            throw ApiException.invalid(ErrorCodes.PARAMETER_MISSING,
                    "Missing required parameter: " + PAYMENT_METHOD_ID + ".", PAYMENT_METHOD_ID);
        }
        if (given > 1) {
            throw ApiException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "Pass only one of payment_method_id, source and card_token.", PAYMENT_METHOD_ID);
        }
        if (paymentMethodId != null) {
            return PaymentSource.StoredMethod.of(paymentMethodId);
        }
        return new PaymentSource.Token(source != null ? source : cardToken);
    }

    /** The parameter a field of the domain came in as: a token is named by the field the caller sent it in. */
    String parameter(String field) {
        if (PaymentSource.Token.FIELD.equals(field) && cardToken != null) {
            return CARD_TOKEN;
        }
        return ApiParameters.name(field);
    }
}
