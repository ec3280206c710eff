package dev.paysuite.webhooks.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration FIVE_DAYS = WebhookEndpoint.AUTO_DISABLE_AFTER;

    static WebhookEndpoint endpoint(String... types) {
        return WebhookEndpoint.create("mer_a", false, DeliveryUrl.parse("https://example.com/hooks"),
                EnabledEvents.of(List.of(types)), "orders", null, SigningSecret.generate(), NOW);
    }

    @Test
    void anEndpointSpeaksTheCanonicalApiOrTheDialectItWasCreatedWith() {
        assertTrue(endpoint("*").dialect().isEmpty());
        WebhookEndpoint e = WebhookEndpoint.create("mer_a", false, DeliveryUrl.parse("https://example.com/hooks"),
                EnabledEvents.ALL, null, "example", SigningSecret.generate(), NOW);
        assertEquals("example", e.dialect().orElseThrow());
    }

    @Test
    void aDialectIsALowerCaseNameOrNothing() {
        for (String bad : List.of("", "Example", "ex ample", "{x}", "x".repeat(41), "ex\nample")) {
            DomainException x = assertThrows(DomainException.class, () -> WebhookEndpoint.create("mer_a", false,
                    DeliveryUrl.parse("https://example.com/hooks"), EnabledEvents.ALL, null, bad,
                    SigningSecret.generate(), NOW), bad);
            assertEquals(ErrorCodes.PARAMETER_INVALID, x.code());
            assertEquals(WebhookEndpoint.DIALECT_FIELD, x.field());
        }
        assertEquals("paymentprocessing-v1_2", WebhookEndpoint.checkedDialect("paymentprocessing-v1_2"));
        assertNull(WebhookEndpoint.checkedDialect(null));
    }

    @Test
    void aNewEndpointIsEnabledWithAWeIdAndOneSecret() {
        WebhookEndpoint e = endpoint("payment.succeeded");
        assertTrue(e.id().value().startsWith("we_"));
        assertEquals(EndpointStatus.ENABLED, e.status());
        assertEquals(List.of(e.secret()), e.signingSecrets(NOW));
        assertEquals(NOW, e.createdAt());
    }

    @Test
    void itReceivesTheTypesItSubscribesToWhileEnabled() {
        WebhookEndpoint e = endpoint("payment.succeeded", "refund.created");
        assertTrue(e.receives("payment.succeeded"));
        assertFalse(e.receives("payment.failed"));
        e.disable(NOW);
        assertTrue(e.matches("payment.succeeded"));
        assertFalse(e.receives("payment.succeeded"));
    }

    @Test
    void disablingAndEnablingTwiceChangesNothingTheSecondTime() {
        WebhookEndpoint e = endpoint("*");
        assertTrue(e.disable(NOW));
        assertFalse(e.disable(NOW));
        assertEquals(EndpointStatus.DISABLED, e.status());
        assertTrue(e.enable(NOW));
        assertFalse(e.enable(NOW));
    }

    @Test
    void aDescriptionOfMoreThan1000CharactersIsRefused() {
        WebhookEndpoint e = endpoint("*");
        e.changeDescription("x".repeat(1000), NOW);
        DomainException x = assertThrows(DomainException.class, () -> e.changeDescription("x".repeat(1001), NOW));
        assertEquals(ErrorCodes.PARAMETER_INVALID, x.code());
        assertEquals("description", x.field());
        e.changeDescription(null, NOW);
        assertNull(e.description());
    }

    @Test
    void changesAreKept() {
        WebhookEndpoint e = endpoint("*");
        Instant later = NOW.plusSeconds(60);
        e.changeUrl(DeliveryUrl.parse("https://example.org/new"), later);
        e.changeEnabledEvents(EnabledEvents.of(List.of("refund.failed")), later);
        assertEquals("https://example.org/new", e.url().value());
        assertEquals(List.of("refund.failed"), e.enabledEvents().types());
        assertEquals(later, e.updatedAt());
    }

    // ---- Rolling the secret ----

    @Test
    void afterARollBothSecretsSignUntilTheGracePeriodEnds() {
        WebhookEndpoint e = endpoint("*");
        SigningSecret old = e.secret();
        SigningSecret next = e.rollSecret(NOW, WebhookEndpoint.DEFAULT_ROLL_GRACE);
        assertEquals(next, e.secret());
        assertEquals(List.of(next, old), e.signingSecrets(NOW));
        assertEquals(List.of(next, old), e.signingSecrets(NOW.plus(Duration.ofHours(24)).minusMillis(1)));
        assertEquals(List.of(next), e.signingSecrets(NOW.plus(Duration.ofHours(24))));
    }

    @Test
    void rollingWithNoGraceDropsTheOldSecretAtOnce() {
        WebhookEndpoint e = endpoint("*");
        SigningSecret next = e.rollSecret(NOW, Duration.ZERO);
        assertEquals(List.of(next), e.signingSecrets(NOW));
        assertNull(e.previousSecret());
        assertThrows(IllegalArgumentException.class, () -> e.rollSecret(NOW, Duration.ofSeconds(-1)));
    }

    @Test
    void rollingTwiceKeepsOnlyTheSecretJustReplaced() {
        WebhookEndpoint e = endpoint("*");
        SigningSecret first = e.secret();
        SigningSecret second = e.rollSecret(NOW, Duration.ofHours(24));
        SigningSecret third = e.rollSecret(NOW.plusSeconds(60), Duration.ofHours(24));
        List<SigningSecret> signing = e.signingSecrets(NOW.plusSeconds(61));
        assertEquals(List.of(third, second), signing);
        assertFalse(signing.contains(first));
    }

    // ---- Disabling by itself ----

    @Test
    void fiveDaysOfNothingButFailuresDisablesIt() {
        WebhookEndpoint e = endpoint("*");
        e.recordOutcome(false, NOW);
        e.recordOutcome(false, NOW.plus(Duration.ofDays(3)));
        assertFalse(e.shouldDisable(NOW.plus(FIVE_DAYS).minusSeconds(1), FIVE_DAYS));
        assertTrue(e.shouldDisable(NOW.plus(FIVE_DAYS), FIVE_DAYS));
        assertEquals(NOW, e.failingSince());
    }

    @Test
    void aSuccessStartsTheCountAgain() {
        WebhookEndpoint e = endpoint("*");
        e.recordOutcome(false, NOW);
        e.recordOutcome(true, NOW.plus(Duration.ofDays(4)));
        e.recordOutcome(false, NOW.plus(Duration.ofDays(4)).plusSeconds(1));
        assertFalse(e.shouldDisable(NOW.plus(Duration.ofDays(6)), FIVE_DAYS));
        assertTrue(e.shouldDisable(NOW.plus(Duration.ofDays(9)).plusSeconds(1), FIVE_DAYS));
    }

    @Test
    void outcomesRecordedOutOfOrderCountFromTheEarliestFailureAfterTheLatestSuccess() {
        WebhookEndpoint e = endpoint("*");
        e.recordOutcome(false, NOW.plusSeconds(50));
        e.recordOutcome(true, NOW.plusSeconds(10)); // older than the failure: the run goes on
        assertEquals(NOW.plusSeconds(50), e.failingSince());
        e.recordOutcome(false, NOW.plusSeconds(5)); // older than the success: starts nothing
        assertEquals(NOW.plusSeconds(50), e.failingSince());
        e.recordOutcome(false, NOW.plusSeconds(20)); // between: the run began earlier than we knew
        assertEquals(NOW.plusSeconds(20), e.failingSince());
        e.recordOutcome(true, NOW.plusSeconds(60));
        assertNull(e.failingSince());
        assertEquals(NOW.plusSeconds(60), e.lastSuccessAt());
    }

    @Test
    void aDisabledEndpointIsNotDisabledAgainAndEnablingForgetsTheFailures() {
        WebhookEndpoint e = endpoint("*");
        e.recordOutcome(false, NOW);
        Instant sixDays = NOW.plus(Duration.ofDays(6));
        assertTrue(e.shouldDisable(sixDays, FIVE_DAYS));
        e.disable(sixDays);
        assertFalse(e.shouldDisable(sixDays, FIVE_DAYS));
        e.enable(sixDays);
        assertNull(e.failingSince());
        assertFalse(e.shouldDisable(sixDays.plusSeconds(1), FIVE_DAYS));
    }

    @Test
    void theDisablingPeriodIsConfigurable() {
        WebhookEndpoint e = endpoint("*");
        e.recordOutcome(false, NOW);
        assertTrue(e.shouldDisable(NOW.plusSeconds(30), Duration.ofSeconds(30)));
    }
}
