package dev.paysuite.platform.identity;

/**
 * Who is calling, as the gateway vouched for it in a signed token: the merchant, whether the API
 * key is a live or a test key, and which key it was.
 */
public record Caller(String merchantId, boolean livemode, String keyId) {
}
