package dev.paysuite.refunds.application.domain.model;

/** What the processor says of a refund: done, still under way, or refused (with a reason code). */
public sealed interface ProcessorOutcome {
    String reference();

    record Succeeded(String reference) implements ProcessorOutcome {
    }

    record Pending(String reference) implements ProcessorOutcome {
    }

    record Failed(String reference, String reason) implements ProcessorOutcome {
    }
}
