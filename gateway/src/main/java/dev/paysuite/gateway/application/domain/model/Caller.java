package dev.paysuite.gateway.application.domain.model;

/** An authenticated caller: the merchant, the mode of its key, and which key. */
public record Caller(String merchantId, Mode mode, String keyId) {
}
