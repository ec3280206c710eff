package dev.paysuite.webhooks.application.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.webhooks.application.domain.model.PublicEvent;
import dev.paysuite.webhooks.application.domain.model.StreamedEvent;
import dev.paysuite.webhooks.application.port.in.EventsUseCase.ListEvents;
import dev.paysuite.webhooks.application.port.in.StreamEventsUseCase.Batch;
import dev.paysuite.webhooks.application.port.in.StreamEventsUseCase.StreamPosition;
import dev.paysuite.webhooks.application.port.out.EventQueries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamEventsServiceTest {
    private final Log log = new Log();
    private final StreamEventsService service = new StreamEventsService(log);

    @Test
    void aNewStreamStartsAfterTheNewestEventAndAResumedOneAfterItsLastEvent() {
        log.add("mer_a", "payment.created");
        StreamedEvent second = log.add("mer_a", "payment.succeeded");
        log.add("mer_b", "payment.created");
        assertEquals(3, service.open("mer_a", false, Set.of(), Optional.empty()).after());
        assertEquals(second.position(),
                service.open("mer_a", false, Set.of(), Optional.of(second.event().id())).after());
        DomainException e = assertThrows(DomainException.class,
                () -> service.open("mer_b", false, Set.of(), Optional.of(second.event().id())));
        assertEquals("Last-Event-ID", e.field());
        assertThrows(DomainException.class,
                () -> service.open("mer_a", true, Set.of(), Optional.of(second.event().id())), "the other mode");
    }

    @Test
    void batchesFollowPositionsAndAFilteredStreamMovesPastWhatItSkips() {
        StreamPosition start = service.open("mer_a", false, Set.of("refund.created"), Optional.empty());
        log.add("mer_a", "payment.created");
        StreamedEvent refund = log.add("mer_a", "refund.created");
        log.add("mer_b", "refund.created");
        log.add("mer_a", "payment.succeeded");
        Batch batch = service.next(start, service.head(), 10);
        assertEquals(List.of(refund), batch.events());
        assertEquals(4, batch.reached().after(), "past the events of other types and merchants");
        assertTrue(service.next(batch.reached(), service.head(), 10).events().isEmpty());
    }

    @Test
    void aFullBatchStopsAtItsLastEventSoTheNextReadsOn() {
        StreamPosition start = service.open("mer_a", false, Set.of(), Optional.empty());
        List<StreamedEvent> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            added.add(log.add("mer_a", "payment.created"));
        }
        Batch first = service.next(start, service.head(), 2);
        assertEquals(added.subList(0, 2), first.events());
        assertEquals(2, first.reached().after());
        Batch second = service.next(first.reached(), service.head(), 2);
        assertEquals(added.subList(2, 4), second.events());
        Batch third = service.next(second.reached(), service.head(), 2);
        assertEquals(added.subList(4, 5), third.events());
        assertEquals(5, third.reached().after());
    }

    @Test
    void nothingIsReadWhileTheStreamIsAtTheHead() {
        log.add("mer_a", "payment.created");
        StreamPosition start = service.open("mer_a", false, Set.of(), Optional.empty());
        int reads = log.reads;
        assertTrue(service.next(start, service.head(), 10).events().isEmpty());
        assertEquals(reads, log.reads);
    }

    /** Visible events in position order, as the table holds them. */
    static final class Log implements EventQueries {
        final List<StreamedEvent> events = new ArrayList<>();
        int reads;

        StreamedEvent add(String merchant, String type) {
            long position = events.size() + 1;
            StreamedEvent e = new StreamedEvent(position, new PublicEvent(new EventId("evt_" + position), type,
                    Instant.now(), false, null, "{}", merchant));
            events.add(e);
            return e;
        }

        @Override
        public Optional<PublicEvent> findVisible(String merchantId, boolean livemode, EventId id) {
            return events.stream().map(StreamedEvent::event).filter(e -> e.id().equals(id)
                    && e.merchantId().equals(merchantId) && e.livemode() == livemode).findFirst();
        }

        @Override
        public Slice<PublicEvent> list(ListEvents filter, PageRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count(ListEvents filter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long lastPosition() {
            return events.size();
        }

        @Override
        public OptionalLong positionOf(String merchantId, boolean livemode, EventId id) {
            return events.stream().filter(e -> e.event().id().equals(id) && e.event().merchantId().equals(merchantId)
                    && e.event().livemode() == livemode).mapToLong(StreamedEvent::position).findFirst();
        }

        @Override
        public List<StreamedEvent> after(String merchantId, boolean livemode, Set<String> types, long position,
                int limit) {
            reads++;
            return events.stream().filter(e -> e.position() > position && e.event().merchantId().equals(merchantId)
                    && e.event().livemode() == livemode && (types.isEmpty() || types.contains(e.event().type())))
                    .limit(limit).toList();
        }
    }
}
