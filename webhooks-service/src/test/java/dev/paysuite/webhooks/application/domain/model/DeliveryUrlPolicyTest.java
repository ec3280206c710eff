package dev.paysuite.webhooks.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.paysuite.kernel.error.DomainException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryUrlPolicyTest {
    static final HostResolver NEVER_ASKED = host -> fail("an IP literal is never resolved: " + host);
    static final DeliveryUrlPolicy STRICT = DeliveryUrlPolicy.strict();

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // literals only: no lookup
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static HostResolver dns(Map<String, List<String>> records) {
        return host -> {
            List<InetAddress> answer = new ArrayList<>();
            for (String literal : records.getOrDefault(host, List.of())) {
                answer.add(ip(literal));
            }
            return answer;
        };
    }

    static DomainException refused(DeliveryUrlPolicy policy, String url, HostResolver resolver) {
        return assertThrows(DomainException.class, () -> policy.check(DeliveryUrl.parse(url), resolver));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "127.0.0.1", "127.255.255.254", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.127.255.255", "224.0.0.1",
            "239.255.255.250", "255.255.255.255", "240.0.0.1",
            "[::1]", "[::]", "[fc00::1]", "[fd12:3456:789a::1]", "[fe80::1]", "[febf::1]", "[fec0::1]", "[ff02::1]",
            "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::ffff:10.0.0.1]", "[::ffff:169.254.169.254]",
            "[64:ff9b::7f00:1]", "[64:ff9b::192.168.0.1]", "[::127.0.0.1]", "[0:0:0:0:0:0:0:1]",
    })
    void nonPublicAddressesAreRefused(String host) {
        DomainException e = refused(STRICT, "https://" + host + "/hooks", NEVER_ASKED);
        assertEquals(WebhookErrorCodes.URL_FORBIDDEN, e.code());
        assertEquals(DomainException.Kind.UNPROCESSABLE, e.kind());
        assertEquals("url", e.field());
        assertFalse(e.getMessage().contains(host));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "8.8.8.8", "203.0.113.7", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "192.169.0.1", "223.255.255.255", "[2001:4860:4860::8888]", "[::ffff:8.8.8.8]",
            "[64:ff9b::808:808]", "[fbff::1]", "[2606:4700::1111]" })
    void publicAddressesPass(String host) {
        List<InetAddress> checked = STRICT.check(DeliveryUrl.parse("https://" + host + "/hooks"), NEVER_ASKED);
        assertEquals(1, checked.size());
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() {
        HostResolver resolver = dns(Map.of(
                "hooks.example.com", List.of("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"),
                "mixed.example.com", List.of("93.184.216.34", "10.0.0.7"),
                "localhost", List.of("127.0.0.1", "::1"),
                "metadata.example.com", List.of("169.254.169.254")));
        assertEquals(List.of(ip("93.184.216.34"), ip("2606:2800:220:1:248:1893:25c8:1946")),
                STRICT.check(DeliveryUrl.parse("https://hooks.example.com/h"), resolver));
        for (String host : List.of("mixed.example.com", "localhost", "metadata.example.com")) {
            assertEquals(WebhookErrorCodes.URL_FORBIDDEN, refused(STRICT, "https://" + host + "/h", resolver).code());
        }
    }

    @Test
    void aNameWithNoAddressIsRefused() {
        DomainException e = refused(STRICT, "https://nowhere.example/h", dns(Map.of()));
        assertEquals(WebhookErrorCodes.URL_UNRESOLVABLE, e.code());
        assertEquals(WebhookErrorCodes.URL_UNRESOLVABLE,
                refused(STRICT, "https://nowhere.example/h", host -> null).code());
    }

    @Test
    void theResolverIsAskedTheNameWithoutItsTrailingDot() {
        List<String> asked = new ArrayList<>();
        STRICT.check(DeliveryUrl.parse("https://hooks.example.com./h"), host -> {
            asked.add(host);
            return List.of(ip("93.184.216.34"));
        });
        assertEquals(List.of("hooks.example.com"), asked);
    }

    @ParameterizedTest(name = "{1} with allow-list {0}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1         | http://127.0.0.1:9999/hooks          | true",
            "127.0.0.1         | http://[::ffff:127.0.0.1]:9999/hooks | true",
            "127.0.0.1         | http://localhost:9999/hooks          | true",
            "127.0.0.1         | http://127.0.0.2:9999/hooks          | false",
            "127.0.0.1         | http://[::1]:9999/hooks              | false",
            "127.0.0.1         | http://dual.test:9999/hooks          | false",
            "127.0.0.0/8       | http://127.0.0.2:9999/hooks          | true",
            "10.0.0.0/8        | https://10.200.0.9/hooks             | true",
            "10.0.0.0/8        | https://192.168.0.9/hooks            | false",
            "::1               | http://[::1]:9999/hooks              | true",
            "[::1]             | http://[0:0::1]:9999/hooks           | true",
            "fd00::/8          | http://[fd00::5]/hooks               | true",
            "receiver.internal | http://receiver.internal/hooks       | true",
            "Receiver.Internal | http://receiver.internal/hooks       | true",
            "receiver.internal | http://localhost/hooks               | false",
    })
    void theAllowListLetsNamedAddressesAndHostsThrough(String allowed, String url, boolean passes) {
        DeliveryUrlPolicy policy = new DeliveryUrlPolicy(Set.of(allowed));
        HostResolver resolver = dns(Map.of("localhost", List.of("127.0.0.1"), "receiver.internal",
                List.of("10.1.1.1"), "dual.test", List.of("127.0.0.1", "::1")));
        if (passes) {
            assertFalse(policy.check(DeliveryUrl.parse(url), resolver).isEmpty());
        } else {
            assertEquals(WebhookErrorCodes.URL_FORBIDDEN, refused(policy, url, resolver).code());
        }
    }

    @Test
    void permitsJudgesRawAddresses() {
        assertFalse(STRICT.permits(ip("127.0.0.1").getAddress()));
        assertTrue(STRICT.permits(ip("1.1.1.1").getAddress()));
        assertTrue(new DeliveryUrlPolicy(Set.of("127.0.0.1")).permits(ip("127.0.0.1").getAddress()));
    }

    @Test
    void aBadAllowListEntryIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new DeliveryUrlPolicy(Set.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> new DeliveryUrlPolicy(Set.of("10.0.0.0/x")));
    }
}
