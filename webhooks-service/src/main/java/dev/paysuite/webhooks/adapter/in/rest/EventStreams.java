package dev.paysuite.webhooks.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.error.ErrorType;
import dev.paysuite.platform.error.ApiException;
import dev.paysuite.webhooks.adapter.json.EventJson;
import dev.paysuite.webhooks.application.domain.model.StreamedEvent;
import dev.paysuite.webhooks.application.port.in.StreamEventsUseCase;
import dev.paysuite.webhooks.application.port.in.StreamEventsUseCase.Batch;
import dev.paysuite.webhooks.application.port.in.StreamEventsUseCase.StreamPosition;
import dev.paysuite.webhooks.config.WebhooksConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The open live streams of this instance, served by one ticker: it reads the newest position (one
 * row), and only when it moved does each stream read its merchant's events after its own position
 * (an index range) and send them. A stream whose client has not taken what was sent yet is skipped
 * until it has (it reads on from its position later: a slow client costs it latency, never gaps, and
 * never this instance's memory). A comment goes out after {@code heartbeat} of silence, so proxies
 * keep the connection and a client that left is noticed.
 */
@ApplicationScoped
public class EventStreams {
    private static final Logger LOG = Logger.getLogger(EventStreams.class);
    /** What an EventSource waits before reconnecting after the connection drops. */
    private static final long RECONNECT_MILLIS = 3_000;

    private final StreamEventsUseCase streams;
    private final ObjectMapper mapper;
    private final long heartbeatNanos;
    private final int maxPerMerchant;
    private final int batchSize;
    private final long pollMillis;
    private final ScheduledExecutorService ticker;
    private final Map<Long, Subscriber> open = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public EventStreams(StreamEventsUseCase streams, ObjectMapper mapper, WebhooksConfig config, MeterRegistry meters) {
        this.streams = streams;
        this.mapper = mapper;
        this.heartbeatNanos = config.stream().heartbeat().toNanos();
        this.maxPerMerchant = config.stream().maxPerMerchant();
        this.batchSize = config.stream().batchSize();
        this.pollMillis = Math.max(10, config.stream().pollEvery().toMillis());
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-streams");
            t.setDaemon(true);
            return t;
        });
        meters.gaugeMapSize("paysuite_event_streams_open", List.of(), open);
    }

    /**
     * Starts a stream at {@code position} on {@code sink}: the answer's head at once (so proxies
     * and the gateway see it is a stream), then what was missed, then what comes.
     */
    void open(StreamPosition position, SseEventSink sink, Sse sse) {
        Subscriber s = new Subscriber(ids.incrementAndGet(), position, sink, sse);
        synchronized (open) {
            long theirs = open.values().stream().filter(o -> o.position.merchantId().equals(position.merchantId()))
                    .count();
            if (theirs >= maxPerMerchant) {
                throw new ApiException(429, ErrorType.RATE_LIMIT, ErrorCodes.RATE_LIMIT_EXCEEDED,
                        "Too many open event streams: at most " + maxPerMerchant + " at once per merchant. Close one "
                                + "first.", null);
            }
            open.put(s.id, s);
        }
        s.send(sse.newEventBuilder().reconnectDelay(RECONNECT_MILLIS).comment("paysuite event stream").build());
        serve(s, headOrNone());
    }

    /** The newest position, or -1 while the database cannot say (the stream then waits, with heartbeats). */
    private long headOrNone() {
        try {
            return streams.head();
        } catch (RuntimeException e) {
            LOG.debugf("Event streams wait: %s", e.toString());
            return -1;
        }
    }

    /** How many streams are open on this instance. */
    int openStreams() {
        return open.size();
    }

    void start(@Observes StartupEvent startup) {
        ticker.scheduleWithFixedDelay(this::tickSafely, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    private void tickSafely() {
        if (open.isEmpty()) {
            return;
        }
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Event streams tick failed");
        }
    }

    void tick() {
        long head = headOrNone(); // while -1, heartbeats go on; events once the database answers
        for (Subscriber s : open.values()) {
            serve(s, head);
        }
    }

    void closeAll(@Observes ShutdownEvent shutdown) {
        ticker.shutdownNow();
        open.values().forEach(Subscriber::close);
    }

    private void serve(Subscriber s, long head) {
        if (s.sink.isClosed() || s.failed) {
            s.close();
            return;
        }
        if (!s.lock.tryLock()) {
            return; // being served (its first batch, on the request's thread)
        }
        try {
            if (s.unsent.get() > 0) {
                return; // the client has not taken the last batch yet
            }
            if (head > s.position.after()) {
                Batch batch = streams.next(s.position, head, batchSize);
                for (StreamedEvent e : batch.events()) {
                    // the JSON as text, with no media type of its own (which would add a content-type line)
                    s.send(s.sse.newEventBuilder().id(e.event().id().value()).name(e.event().type())
                            .data(String.class, json(e)).build());
                }
                s.position = batch.reached();
            }
            if (System.nanoTime() - s.lastWrite >= heartbeatNanos) {
                s.send(s.sse.newEventBuilder().comment("heartbeat").build());
            }
        } catch (RuntimeException e) {
            LOG.debugf("Event stream %d waits: %s", s.id, e.toString());
        } finally {
            s.lock.unlock();
        }
    }

    private String json(StreamedEvent e) {
        try {
            return mapper.writeValueAsString(EventJson.of(e.event()));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("An event could not be written as JSON", ex);
        }
    }

    private final class Subscriber {
        final long id;
        final SseEventSink sink;
        final Sse sse;
        final ReentrantLock lock = new ReentrantLock();
        final AtomicInteger unsent = new AtomicInteger();
        volatile StreamPosition position;
        volatile long lastWrite = System.nanoTime();
        volatile boolean failed;
        private boolean closed;

        Subscriber(long id, StreamPosition position, SseEventSink sink, Sse sse) {
            this.id = id;
            this.position = position;
            this.sink = sink;
            this.sse = sse;
        }

        void send(OutboundSseEvent event) {
            unsent.incrementAndGet();
            lastWrite = System.nanoTime();
            try {
                sink.send(event).whenComplete((done, failure) -> {
                    unsent.decrementAndGet();
                    if (failure != null) {
                        failed = true; // the client left: closed at the next tick
                    }
                });
            } catch (IllegalStateException closedAlready) {
                unsent.decrementAndGet();
                failed = true;
            }
        }

        synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            open.remove(id);
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.debugf("Event stream %d closed: %s", id, e.toString());
            }
        }
    }
}
