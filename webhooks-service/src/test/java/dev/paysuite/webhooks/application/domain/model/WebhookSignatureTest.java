package dev.paysuite.webhooks.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.paysuite.webhooks.application.domain.model.WebhookSignature.Headers;
import dev.paysuite.webhooks.application.domain.model.WebhookSignature.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookSignatureTest {
    // The Standard Webhooks reference libraries' own test vector (libraries/java WebhookTest)
    static final SigningSecret SPEC_SECRET = SigningSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SPEC_TIMESTAMP = 1614265330;
    static final String SPEC_BODY = "{\"test\": 2432232314}";
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    static final Instant SPEC_TIME = Instant.ofEpochSecond(SPEC_TIMESTAMP);

    @Test
    void theSpecsTestVectorSignsAsPublished() {
        assertEquals(SPEC_SIGNATURE, WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY));
    }

    @Test
    void theHeadersCarryTheIdTheAttemptsTimestampInSecondsAndTheSignature() {
        Headers h = WebhookSignature.headers(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIME.plusMillis(999), SPEC_BODY);
        assertEquals(new Headers(SPEC_ID, "1614265330", SPEC_SIGNATURE), h);
        assertFalse(h.toString().contains(SPEC_SIGNATURE.substring(3)));
    }

    @Test
    void duringARollBothSecretsSignSpaceSeparatedTheCurrentFirst() {
        SigningSecret next = SigningSecret.generate(new SplittableRandom(1));
        Headers h = WebhookSignature.headers(List.of(next, SPEC_SECRET), SPEC_ID, SPEC_TIME, SPEC_BODY);
        assertEquals(WebhookSignature.sign(next, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY) + " " + SPEC_SIGNATURE,
                h.webhookSignature());
        // a receiver holding either secret accepts it
        for (SigningSecret held : List.of(next, SPEC_SECRET)) {
            assertEquals(Verification.VALID, WebhookSignature.verify(held, SPEC_ID, h.webhookTimestamp(),
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
        assertEquals(expected, WebhookSignature.verify(SPEC_SECRET, id, timestamp, signature, SPEC_BODY,
                SPEC_TIME.plusSeconds(receivedAfterSeconds)));
    }

    @Test
    void aChangedBodyOrAnotherSecretDoesNotVerify() {
        assertEquals(Verification.NO_MATCHING_SIGNATURE, WebhookSignature.verify(SPEC_SECRET, SPEC_ID,
                "1614265330", SPEC_SIGNATURE, "{\"test\": 2432232315}", SPEC_TIME));
        assertEquals(Verification.NO_MATCHING_SIGNATURE, WebhookSignature.verify(SigningSecret.generate(), SPEC_ID,
                "1614265330", SPEC_SIGNATURE, SPEC_BODY, SPEC_TIME));
        assertEquals(Verification.MALFORMED,
                WebhookSignature.verify(SPEC_SECRET, null, "1614265330", SPEC_SIGNATURE, SPEC_BODY, SPEC_TIME));
    }

    @Test
    void aBodyOutsideAsciiIsSignedAsItsUtf8Bytes() throws Exception {
        String body = "{\"description\": \"Café 東京 🎉\"}";
        String expected = "v1," + java.util.Base64.getEncoder().encodeToString(
                jdkMac(SPEC_SECRET.key(), (SPEC_ID + ".1614265330." + body).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, body));
    }

    // ---- HMAC-SHA256 built on MessageDigest (the domain may not use javax.crypto) ----

    @ParameterizedTest(name = "RFC 4231 case {0}")
    @CsvSource({
            "1, 0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b, 4869205468657265, "
                    + "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
            "2, 4a656665, 7768617420646f2079612077616e7420666f72206e6f7468696e673f, "
                    + "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            "6, aa*131, "
                    + "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374, "
                    + "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    })
    void hmacMatchesRfc4231(int testCase, String key, String data, String mac) {
        HexFormat hex = HexFormat.of();
        String keyHex = key.contains("*") ? key.substring(0, 2).repeat(Integer.parseInt(key.substring(3))) : key;
        assertEquals(mac, hex.formatHex(HmacSha256.mac(hex.parseHex(keyHex), hex.parseHex(data))));
    }

    @Test
    void hmacMatchesTheJdksForKeysAndMessagesOfEveryLength() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 300; i++) {
            byte[] key = new byte[random.nextInt(1, 150)];
            byte[] message = new byte[random.nextInt(0, 300)];
            random.nextBytes(key);
            random.nextBytes(message);
            assertArrayEquals(jdkMac(key, message), HmacSha256.mac(key, message), "key " + key.length
                    + " bytes, message " + message.length + " bytes");
        }
    }

    static byte[] jdkMac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }
}
