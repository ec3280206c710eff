package dev.paysuite.methods.application.domain.model;

/**
 * What a payment is charged with, as payments-service may know it: the method or token, its type,
 * what may be shown of it, and the fingerprint by which this merchant recognises the same card or
 * account (null for crypto addresses, which are public anyway).
 */
public record Instrument(String id, MethodType type, ShownDetails shown, String fingerprint, String vaultRecordId) {
}
