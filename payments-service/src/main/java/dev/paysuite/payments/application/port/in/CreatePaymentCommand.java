package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.payments.application.domain.model.CaptureMethod;
import dev.paysuite.payments.application.domain.model.PaymentException;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;
import dev.paysuite.payments.application.domain.model.PaymentSource;
import java.util.Objects;

/**
 * Open a payment for a merchant and charge it at once (or authorize it, with manual capture).
 * {@code methodType}, when given, is the caller's word for what the source is ({@code card},
 * {@code paypal}, …): the payment is refused when the method turns out to be something else.
 * {@code returnUrl} is where a payer goes back to after a 3-D Secure challenge. {@code testClock}
 * (test mode only, a clock of the merchant's) is the clock whose time the payment follows: its
 * authorization expires when that clock passes the expiry, never by real time.
 */
public record CreatePaymentCommand(String merchantId, boolean livemode, Money amount, PaymentSource source,
        CaptureMethod captureMethod, String description, String customerId, Metadata metadata, String methodType,
        String returnUrl, TestClockId testClock) {
    public static final String METHOD_TYPE_FIELD = "paymentMethod";
    public static final String TEST_CLOCK_FIELD = "testClock";

    public CreatePaymentCommand {
        if (merchantId == null || merchantId.isBlank()) {
            throw new IllegalArgumentException("merchantId is required");
        }
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(source, "source");
        captureMethod = captureMethod == null ? CaptureMethod.AUTOMATIC : captureMethod;
        metadata = metadata == null ? Metadata.EMPTY : metadata;
        if (methodType != null && !PaymentInstrument.TYPES.contains(methodType)) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID, "Invalid {" + METHOD_TYPE_FIELD + "}: "
                    + (methodType.length() <= 40 ? "'" + methodType + "'. " : "") + "Use one of " + String.join(", ", PaymentInstrument.TYPES) + ".",
                    METHOD_TYPE_FIELD);
        }
        if (testClock != null && livemode) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "Test clocks exist in test mode only; a live payment cannot follow one.", TEST_CLOCK_FIELD);
        }
    }

    public CreatePaymentCommand(String merchantId, boolean livemode, Money amount, PaymentSource source,
            CaptureMethod captureMethod, String description, String customerId, Metadata metadata, String methodType,
            String returnUrl) {
        this(merchantId, livemode, amount, source, captureMethod, description, customerId, metadata, methodType,
                returnUrl, null);
    }

    public CreatePaymentCommand(String merchantId, boolean livemode, Money amount, PaymentSource source,
            CaptureMethod captureMethod, String description, String customerId, Metadata metadata, String methodType) {
        this(merchantId, livemode, amount, source, captureMethod, description, customerId, metadata, methodType, null);
    }

    public CreatePaymentCommand(String merchantId, boolean livemode, Money amount, PaymentSource source,
            CaptureMethod captureMethod, String description, String customerId, Metadata metadata) {
        this(merchantId, livemode, amount, source, captureMethod, description, customerId, metadata, null, null);
    }
}
