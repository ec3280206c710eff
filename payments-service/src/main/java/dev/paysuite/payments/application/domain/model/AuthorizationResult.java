package dev.paysuite.payments.application.domain.model;

/** The processor's answer to an authorization. */
public sealed interface AuthorizationResult {
    String processorReference();

    record Approved(String processorReference) implements AuthorizationResult {
    }

    record Declined(String processorReference, Failure failure) implements AuthorizationResult {
    }

    record ActionRequired(String processorReference, NextAction nextAction) implements AuthorizationResult {
    }
}
