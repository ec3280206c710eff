package dev.paysuite.webhooks.application.port.in;

import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.webhooks.application.domain.model.PublicEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** The Events API: a merchant's visible events (numbered, or about no payment), in its mode. */
public interface EventsUseCase {

    /** NOT_FOUND for an unknown event, another merchant's, the other mode's, or one not visible yet. */
    PublicEvent get(String merchantId, boolean livemode, EventId id);

    Page<PublicEvent> list(ListEvents query);

    /**
     * @param types only these types; empty for every type
     * @param createdAfter exclusive, or null
     * @param createdBefore exclusive, or null
     */
    record ListEvents(String merchantId, boolean livemode, Set<String> types, Instant createdAfter,
            Instant createdBefore, PageQuery page) {
        public ListEvents {
            Objects.requireNonNull(merchantId, "merchantId");
            Objects.requireNonNull(page, "page");
            types = types == null ? Set.of() : Set.copyOf(types);
        }
    }
}
