package dev.paysuite.webhooks.application.port.out;

import dev.paysuite.kernel.error.DomainException;
import java.util.Optional;

/** What an endpoint registered through a dialect receives of an event: the event as the dialect writes it. */
public interface RenderDeliveryBodyPort {

    /**
     * The body for an endpoint of {@code dialect}, from the event as the canonical API shows it (the
     * canonical delivery's body), or empty when the dialect has no event for it: the endpoint is then
     * not sent it. Throws a {@link DomainException} when the dialect is unknown or fails to write it.
     */
    Optional<String> render(String dialect, String canonicalEvent);

    /**
     * Whether an endpoint of {@code dialect} is sent the event. One the dialect fails to write is sent:
     * its attempts fail and say why in the endpoint's log (and it can be resent once the dialect is
     * fixed), rather than the event being dropped unseen or the fan-out stopped for every merchant.
     */
    default boolean sends(String dialect, String canonicalEvent) {
        try {
            return render(dialect, canonicalEvent).isPresent();
        } catch (DomainException failed) {
            return true;
        }
    }
}
