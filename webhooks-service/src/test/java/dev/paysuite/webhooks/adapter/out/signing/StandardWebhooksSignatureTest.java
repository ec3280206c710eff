package dev.paysuite.webhooks.adapter.out.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.paysuite.webhooks.adapter.out.signing.StandardWebhooksSignature.Headers;
import dev.paysuite.webhooks.adapter.out.signing.StandardWebhooksSignature.Verification;
import dev.paysuite.webhooks.application.domain.model.SigningSecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandardWebhooksSignatureTest {
    // The Standard Webhooks reference libraries' own test vector (libraries/java WebhookTest)
    static final SigningSecret SPEC_SECRET = SigningSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SPEC_TIMESTAMP = 1614265330;
    static final String SPEC_BODY = "{\"test\": 2432232314}";
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    static final Instant SPEC_TIME = Instant.ofEpochSecond(SPEC_TIMESTAMP);

    @Test
    void theSpecsTestVectorSignsAsPublished() {
        assertEquals(SPEC_SIGNATURE, StandardWebhooksSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY));
    }

    @Test
    void theHeadersCarryTheIdTheAttemptsTimestampInSecondsAndTheSignature() {
        Headers h = StandardWebhooksSignature.headers(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIME.plusMillis(999), SPEC_BODY);
        assertEquals(new Headers(SPEC_ID, "1614265330", SPEC_SIGNATURE), h);
        assertFalse(h.toString().contains(SPEC_SIGNATURE.substring(3)));
    }

    @Test
    void duringARollBothSecretsSignSpaceSeparatedTheCurrentFirst() {
        SigningSecret next = SigningSecret.generate(new SplittableRandom(1));
        Headers h = StandardWebhooksSignature.headers(List.of(next, SPEC_SECRET), SPEC_ID, SPEC_TIME, SPEC_BODY);
        assertEquals(StandardWebhooksSignature.sign(next, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY) + " " + SPEC_SIGNATURE,
                h.webhookSignature());
        // a receiver holding either secret accepts it
        for (SigningSecret held : List.of(next, SPEC_SECRET)) {
            assertEquals(Verification.VALID, StandardWebhooksSignature.verify(held, SPEC_ID, h.webhookTimestamp(),
                    h.webhookSignature(), SPEC_BODY, SPEC_TIME));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "exactly as sent                 | msg_p5jXN8AQM9LWM0D4loKWxJek | 1614265330 | v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=                                                     | 0    | VALID",
            "5 minutes late                  | msg_p5jXN8AQM9LWM0D4loKWxJek | 1614265330 | v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=                                                     | 300  | VALID",
            "5 minutes early                 | msg_p5jXN8AQM9LWM0D4loKWxJek | 1614265330 | v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=                                                     | -300 | VALID",
            "among other versions and junk   | msg_p5jXN8AQM9LWM0D4loKWxJek | 1614265330 | v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= junk v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= | 0 | VALID",
            "older than the tolerance        | msg_p5jXN8AQM9LWM0D4loKWxJek | 1614265330 | v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=                                                     | 301  | TIMESTAMP_OUT_OF_TOLERANCE",
            "newer than the tolerance        | msg_p5jXN8AQM9LWM0D4loKWxJek | 1614265330 | v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=                                                     | -301 | TIMESTAMP_OUT_OF_TOLERANCE",
            "another id                      | msg_other                    | 1614265330 | v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=                                                     | 0    | NO_MATCHING_SIGNATURE",
            "the right signature as v2       | msg_p5jXN8AQM9LWM0D4loKWxJek | 1614265330 | v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=                                                     | 0    | NO_MATCHING_SIGNATURE",
            "no version                      | msg_p5jXN8AQM9LWM0D4loKWxJek | 1614265330 | g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=                                                        | 0    | NO_MATCHING_SIGNATURE",
            "a timestamp that is no number   | msg_p5jXN8AQM9LWM0D4loKWxJek | 16142653.3 | v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=                                                     | 0    | MALFORMED",
    })
    void aReceiverChecksTimestampAndSignature(String what, String id, String timestamp, String signature,
            long receivedAfterSeconds, Verification expected) {
        assertEquals(expected, StandardWebhooksSignature.verify(SPEC_SECRET, id, timestamp, signature, SPEC_BODY,
                SPEC_TIME.plusSeconds(receivedAfterSeconds)));
    }

    @Test
    void aChangedBodyOrAnotherSecretDoesNotVerify() {
        assertEquals(Verification.NO_MATCHING_SIGNATURE, StandardWebhooksSignature.verify(SPEC_SECRET, SPEC_ID,
                "1614265330", SPEC_SIGNATURE, "{\"test\": 2432232315}", SPEC_TIME));
        assertEquals(Verification.NO_MATCHING_SIGNATURE, StandardWebhooksSignature.verify(SigningSecret.generate(), SPEC_ID,
                "1614265330", SPEC_SIGNATURE, SPEC_BODY, SPEC_TIME));
        assertEquals(Verification.MALFORMED,
                StandardWebhooksSignature.verify(SPEC_SECRET, null, "1614265330", SPEC_SIGNATURE, SPEC_BODY, SPEC_TIME));
    }

    @Test
    void aBodyOutsideAsciiIsSignedAsItsUtf8Bytes() throws Exception {
        String body = "{\"description\": \"Café 東京 🎉\"}";
        String expected = "v1," + java.util.Base64.getEncoder().encodeToString(
                jdkMac(SPEC_SECRET.key(), (SPEC_ID + ".1614265330." + body).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, StandardWebhooksSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, body));
    }

    static byte[] jdkMac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }
}
