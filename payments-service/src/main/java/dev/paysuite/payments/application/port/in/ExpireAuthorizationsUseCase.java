package dev.paysuite.payments.application.port.in;
public interface ExpireAuthorizationsUseCase {
    /** Cancels as expired every authorization held (requires_capture) longer than the configured expiry at
     *  {@code now}: those on real time when {@code clock} is null, else only those on that test clock.
     *  Answers how many it expired. */
    int expire(dev.paysuite.kernel.id.TestClockId clock, java.time.Instant now, int atMost);
    /** When the next authorization held on this test clock expires; empty when none is held. */
    java.util.Optional<java.time.Instant> nextExpiry(dev.paysuite.kernel.id.TestClockId clock);
}
