package dev.paysuite.payments.application.domain.model;

import java.util.regex.Pattern;

/** What the customer pays with: a stored payment method of the merchant's, or a one-off token. */
public sealed interface PaymentSource {
    Pattern METHOD_ID = Pattern.compile("pm_[A-Za-z0-9_]{1,60}");
    Pattern TOKEN = Pattern.compile("tok_[A-Za-z0-9_]{1,60}");

    /** The request parameter the source came from, named in errors. */
    String param();

    String value();

    record StoredMethod(String value) implements PaymentSource {
        public StoredMethod {
            if (value == null || !METHOD_ID.matcher(value).matches()) {
                throw PaymentException.invalid(PaymentErrorCodes.PARAMETER_INVALID,
                        "Invalid payment_method_id: expected an id such as pm_1234567890.", "payment_method_id");
            }
        }

        @Override
        public String param() {
            return "payment_method_id";
        }
    }

    record Token(String value, String param) implements PaymentSource {
        public Token {
            if (value == null || !TOKEN.matcher(value).matches()) {
                throw PaymentException.invalid(PaymentErrorCodes.PARAMETER_INVALID,
                        "Invalid " + param + ": expected a token such as tok_visa.", param);
            }
        }
    }

    /**
     * Exactly one of the three ways to name a source: {@code payment_method_id}, {@code source}
     * or {@code card_token} (the last two are tokens).
     */
    static PaymentSource of(String paymentMethodId, String source, String cardToken) {
        int given = (paymentMethodId != null ? 1 : 0) + (source != null ? 1 : 0) + (cardToken != null ? 1 : 0);
        if (given == 0) {
            throw PaymentException.missing("payment_method_id");
        }
        if (given > 1) {
            throw PaymentException.invalid(PaymentErrorCodes.PARAMETER_INVALID,
                    "Pass only one of payment_method_id, source and card_token.", "payment_method_id");
        }
        if (paymentMethodId != null) {
            return new StoredMethod(paymentMethodId);
        }
        return source != null ? new Token(source, "source") : new Token(cardToken, "card_token");
    }
}
