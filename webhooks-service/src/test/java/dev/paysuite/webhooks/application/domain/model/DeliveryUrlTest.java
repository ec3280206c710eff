package dev.paysuite.webhooks.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DeliveryUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://example.com/hooks?source=paysuite, example.com",
            "http://203.0.113.7:8080/h,                 203.0.113.7",
            "HTTPS://Example.COM/Hooks,                 example.com",
            "https://[2001:DB8::1]:8443/h,              [2001:db8::1]",
            "https://hooks.example.com./h,              hooks.example.com.",
            "https://v1.example.com/h,                  v1.example.com",
    })
    void anAbsoluteHttpUrlWithAHostIsAccepted(String url, String host) {
        DeliveryUrl parsed = DeliveryUrl.parse(url);
        assertEquals(url, parsed.value());
        assertEquals(host, parsed.host());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ftp://example.com/hooks",
            "javascript:alert(1)",
            "example.com/hooks",
            "/hooks",
            "https:///hooks",
            "https://user:secret@example.com/hooks",
            "https://user@example.com/hooks",
            "https://example.com/hooks#part",
            "https://exa mple.com/hooks",
            "https://2130706433/",
            "https://0177.0.0.1/",
            "https://0x7f.0.0.1/",
            "https://0x7f000001/",
            "https://127.1/",
            "https://127.0.0.01/",
            "https://1.2.3.4.5/",
            "https://256.0.0.1/",
            "https://example.0x10/",
            "https://[fe80::1%25eth0]/",
            "https://[fe80::1%eth0]/",
    })
    void anythingElseIsRefusedAsInvalid(String url) {
        DomainException e = assertThrows(DomainException.class, () -> DeliveryUrl.parse(url));
        assertEquals(WebhookErrorCodes.URL_INVALID, e.code());
        assertEquals(DomainException.Kind.INVALID, e.kind());
        assertEquals("url", e.field());
    }

    @Test
    void atMost2048Characters() {
        String base = "https://example.com/";
        DeliveryUrl.parse(base + "a".repeat(2048 - base.length()));
        DomainException e = assertThrows(DomainException.class,
                () -> DeliveryUrl.parse(base + "a".repeat(2049 - base.length())));
        assertEquals(WebhookErrorCodes.URL_INVALID, e.code());
    }

    @Test
    void noUrlIsMissing() {
        assertEquals(ErrorCodes.PARAMETER_MISSING, assertThrows(DomainException.class,
                () -> DeliveryUrl.parse(" ")).code());
    }
}
