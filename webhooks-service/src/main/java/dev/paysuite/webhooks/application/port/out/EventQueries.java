package dev.paysuite.webhooks.application.port.out;

import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.webhooks.application.domain.model.PublicEvent;
import dev.paysuite.webhooks.application.domain.model.StreamedEvent;
import dev.paysuite.webhooks.application.port.in.EventsUseCase.ListEvents;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Reads visible events (those with a position) of one merchant in one mode. */
public interface EventQueries {

    Optional<PublicEvent> findVisible(String merchantId, boolean livemode, EventId id);

    /** One page of {@code filter}'s events (its {@code page} is ignored: {@code request} says where). */
    Slice<PublicEvent> list(ListEvents filter, PageRequest request);

    long count(ListEvents filter);

    /** The newest position given (0 before any event). */
    long lastPosition();

    /** The position of the merchant's visible event in that mode, if it has one. */
    OptionalLong positionOf(String merchantId, boolean livemode, EventId id);

    /** The merchant's visible events of {@code types} (empty for all) after {@code position}, oldest first. */
    List<StreamedEvent> after(String merchantId, boolean livemode, Set<String> types, long position, int limit);
}
