package dev.paysuite.webhooks.application.port.out;

import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.webhooks.application.domain.model.PublicEvent;
import dev.paysuite.webhooks.application.port.in.EventsUseCase.ListEvents;
import java.util.Optional;

/** Reads visible events (those with a position) of one merchant in one mode. */
public interface EventQueries {

    Optional<PublicEvent> findVisible(String merchantId, boolean livemode, EventId id);

    /** One page of {@code filter}'s events (its {@code page} is ignored: {@code request} says where). */
    Slice<PublicEvent> list(ListEvents filter, PageRequest request);

    long count(ListEvents filter);
}
