package dev.paysuite.payments.application.domain.model;

/** Why a payment failed: a public code (card_declined, insufficient_funds, ...) and a message for the payer. */
public record Failure(String code, String declineCode, String message) {
}
