package dev.paysuite.payments.application.domain.model;

import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.PaymentMethodId;
import java.util.regex.Pattern;

/** What the customer pays with: a stored payment method of the merchant's, or a one-off token. */
public sealed interface PaymentSource {
    Pattern METHOD_ID = Pattern.compile(Pattern.quote(PaymentMethodId.PREFIX) + "[A-Za-z0-9_]{1,60}");
    /** A token: ours ({@code tok_…}) or the {@code card_token_…} seed 000 sends; the vault knows both. */
    Pattern TOKEN = Pattern.compile("(tok|card_token)_[A-Za-z0-9_]{1,60}");

    String value();

    /** The domain's name for the value, named in errors about it. */
    String field();

    record StoredMethod(PaymentMethodId id) implements PaymentSource {
        public static final String FIELD = "paymentMethodId";

        public StoredMethod {
            if (id == null || !METHOD_ID.matcher(id.value()).matches()) {
                throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                        "Invalid {" + FIELD + "}: expected an id such as pm_1234567890.", FIELD);
            }
        }

        public static StoredMethod of(String id) {
            return new StoredMethod(id == null ? null : new PaymentMethodId(id));
        }

        @Override
        public String value() {
            return id.value();
        }

        @Override
        public String field() {
            return FIELD;
        }
    }

    record Token(String value) implements PaymentSource {
        public static final String FIELD = "source";

        public Token {
            if (value == null || !TOKEN.matcher(value).matches()) {
                throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                        "Invalid {" + FIELD + "}: expected a token such as tok_visa.", FIELD);
            }
        }

        @Override
        public String field() {
            return FIELD;
        }
    }
}
