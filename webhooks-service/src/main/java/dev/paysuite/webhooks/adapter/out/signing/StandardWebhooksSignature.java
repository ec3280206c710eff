package dev.paysuite.webhooks.adapter.out.signing;

import dev.paysuite.webhooks.application.domain.model.SigningSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing the Standard Webhooks way (standardwebhooks.com): the signed content is
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, the signature the base64 of its HMAC-SHA256 under
 * the secret's key, sent as {@code webhook-signature: v1,<signature>}. While a secret is being rolled
 * both secrets sign and the header carries both, space-separated, so a receiver holding either
 * accepts the delivery. Every attempt is signed anew with its own timestamp (the attempt's, not the
 * event's): receivers refuse a timestamp outside their tolerance, and a retry three days later must
 * still pass. The body signed must be the exact bytes sent (UTF-8). Cryptography is an adapter's
 * business: the domain keeps the secrets and decides when to deliver, this signs.
 */
public final class StandardWebhooksSignature {
    public static final String VERSION = "v1";
    /** How far a receiver lets a timestamp stray from its clock, either way (the spec's and the libraries' default). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooksSignature() {
    }

    /** The three headers of one delivery attempt. */
    public record Headers(String webhookId, String webhookTimestamp, String webhookSignature) {
        @Override
        public String toString() {
            return "Headers[webhook-id=" + webhookId + ", webhook-timestamp=" + webhookTimestamp + "]";
        }
    }

    /** What a receiver concluded of a delivery. */
    public enum Verification {
        VALID,
        /** The headers are missing or not of the spec's form. */
        MALFORMED,
        /** The timestamp is further than the tolerance from the receiver's clock: a replay, or a clock to fix. */
        TIMESTAMP_OUT_OF_TOLERANCE,
        /** No {@code v1} signature in the header is the one the receiver's secret gives. */
        NO_MATCHING_SIGNATURE
    }

    /** The headers for an attempt at {@code at}, signed by every secret in {@code secrets} (the current one first). */
    public static Headers headers(List<SigningSecret> secrets, String webhookId, Instant at, String body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a delivery is signed by at least one secret");
        }
        long timestamp = at.getEpochSecond();
        List<String> signatures = new ArrayList<>(secrets.size());
        for (SigningSecret secret : secrets) {
            signatures.add(sign(secret, webhookId, timestamp, body));
        }
        return new Headers(webhookId, Long.toString(timestamp), String.join(" ", signatures));
    }

    /** One {@code v1,<base64>} signature. */
    public static String sign(SigningSecret secret, String webhookId, long timestamp, String body) {
        return VERSION + "," + Base64.getEncoder().encodeToString(mac(secret, webhookId, timestamp, body));
    }

    /**
     * A receiver's check, as the Standard Webhooks libraries make it: the timestamp within
     * {@link #TOLERANCE} of {@code now}, and one of the header's {@code v1} signatures equal (compared
     * in constant time) to the one {@code secret} gives. Other versions in the header are skipped.
     */
    public static Verification verify(SigningSecret secret, String webhookId, String webhookTimestamp,
            String webhookSignature, String body, Instant now) {
        if (webhookId == null || webhookTimestamp == null || webhookSignature == null || body == null) {
            return Verification.MALFORMED;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(webhookTimestamp);
        } catch (NumberFormatException e) {
            return Verification.MALFORMED;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            return Verification.TIMESTAMP_OUT_OF_TOLERANCE;
        }
        byte[] expected = Base64.getEncoder().encode(mac(secret, webhookId, timestamp, body));
        for (String versioned : webhookSignature.split(" ")) {
            int comma = versioned.indexOf(',');
            if (comma < 0 || !versioned.substring(0, comma).equals(VERSION)) {
                continue;
            }
            byte[] given = versioned.substring(comma + 1).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given)) {
                return Verification.VALID;
            }
        }
        return Verification.NO_MATCHING_SIGNATURE;
    }

    private static byte[] mac(SigningSecret secret, String webhookId, long timestamp, String body) {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(body, "body");
        String content = webhookId + "." + timestamp + "." + body;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
