package dev.paysuite.payments.application.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An operation submitted to the processor whose outcome is not recorded yet; the payment is
 * {@code processing} while it has one. The acquirer key is stable (the payment id and the
 * operation), so asking the processor again, or asking it for the outcome, never charges twice.
 *
 * @param amount the amount the operation moves, in the payment's minor unit (the capture's amount)
 */
public record PendingOperation(Operation operation, long amount, String acquirerKey, Instant submittedAt) {

    public enum Operation {
        AUTHORIZE("authorize"),
        COMPLETE_AUTHENTICATION("authenticate"),
        CAPTURE("capture"),
        VOID("void");

        private final String keySuffix;

        Operation(String keySuffix) {
            this.keySuffix = keySuffix;
        }
    }

    public PendingOperation {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(acquirerKey, "acquirerKey");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    static PendingOperation of(Operation operation, Payment payment, long amount, Instant now) {
        return new PendingOperation(operation, amount, payment.id().value() + "/" + operation.keySuffix, now);
    }
}
