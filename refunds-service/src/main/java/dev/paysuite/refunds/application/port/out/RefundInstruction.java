package dev.paysuite.refunds.application.port.out;

/** What the processor needs to send money back: which payment, how much, and the card it came from. */
public record RefundInstruction(String refundId, String paymentId, long amount, String currency, String cardLast4,
        boolean livemode) {
}
