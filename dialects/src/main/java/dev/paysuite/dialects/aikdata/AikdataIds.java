package dev.paysuite.dialects.aikdata;

import dev.paysuite.dialects.ApiError;
import dev.paysuite.dialects.DialectRefusal;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.error.ErrorType;
import dev.paysuite.kernel.id.PaymentId;
import dev.paysuite.kernel.id.RefundId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Seed 003's ids: a charge {@code ch_X} is the canonical payment {@code pay_X}, a refund
 * {@code rf_X} the canonical refund {@code ref_X}. An id that is not a charge's names no charge.
 */
final class AikdataIds {
    static final String CHARGE = "ch_";
    static final String REFUND = "rf_";
    private static final Pattern PAYMENT_IN_TEXT = Pattern.compile("\\b" + PaymentId.PREFIX + "([A-Za-z0-9]+)");
    private static final Pattern REFUND_IN_TEXT = Pattern.compile("\\b" + RefundId.PREFIX + "([A-Za-z0-9]+)");

    private AikdataIds() {
    }

    /** The canonical payment a charge id names; a 404 in the dialect's words when it names none. */
    static String paymentId(String chargeId) {
        return payment(chargeId).orElseThrow(() -> noSuchCharge(chargeId));
    }

    /** The canonical payment a charge id names, if it is a charge's id at all. */
    static Optional<String> payment(String chargeId) {
        if (chargeId != null && chargeId.startsWith(CHARGE)) {
            String payment = PaymentId.PREFIX + chargeId.substring(CHARGE.length());
            if (PaymentId.isWellFormed(payment)) {
                return Optional.of(payment);
            }
        }
        return Optional.empty();
    }

    static DialectRefusal noSuchCharge(String chargeId) {
        return new DialectRefusal(404, new ApiError(ErrorType.INVALID_REQUEST.wireName(), ErrorCodes.RESOURCE_MISSING,
                "No such charge: '" + chargeId + "'", "id"));
    }

    static String chargeId(String paymentId) {
        return swap(paymentId, PaymentId.PREFIX, CHARGE);
    }

    static String refundId(String canonicalRefundId) {
        return swap(canonicalRefundId, RefundId.PREFIX, REFUND);
    }

    /** A canonical message with the ids it names written as this dialect's ({@code No such payment: 'ch_1'}). */
    static String inMessage(String canonical) {
        if (canonical == null) {
            return null;
        }
        String charges = PAYMENT_IN_TEXT.matcher(canonical).replaceAll(CHARGE + "$1");
        return REFUND_IN_TEXT.matcher(charges).replaceAll(REFUND + "$1");
    }

    private static String swap(String id, String from, String to) {
        return id != null && id.startsWith(from) ? to + id.substring(from.length()) : id;
    }
}
