package dev.paysuite.webhooks.adapter.in.scheduler;

import dev.paysuite.platform.tracing.TraceContexts;
import dev.paysuite.webhooks.application.domain.model.EventsVisible;
import dev.paysuite.webhooks.application.port.in.DeliverWebhooksUseCase;
import dev.paysuite.webhooks.application.port.in.DeliverWebhooksUseCase.Claimed;
import dev.paysuite.webhooks.config.WebhooksConfig;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The two background jobs: the fan-out writes deliveries for new visible events (before anything is
 * sent), and the worker claims due deliveries and attempts them side by side on a bounded pool.
 * Claims never exceed the free threads, and never {@code per-endpoint} in flight for one endpoint,
 * so a slow or dead endpoint holds at most that many threads and the others keep flowing.
 * <p>
 * Neither waits for its tick when there is work: events made visible ({@link EventsVisible}, told
 * after their step commits) start a fan-out on the worker's own fan-out thread, a fan-out that wrote
 * deliveries claims at once, and every finished attempt claims again (one claim at a time; a demand
 * made during a claim runs another right after it, {@link OnDemand}). The ticks
 * ({@code fan-out.every}, {@code delivery.every}) remain the safety net: retries that became due, events
 * another instance made visible, a wake-up lost to a failure.
 * <p>
 * Each attempt runs in a {@code webhook delivery} span continuing the trace its event was consumed
 * in (kept with the event), so the HTTP call to the endpoint shows in the trace of the request that
 * caused the event, and carries that trace's {@code traceparent} to the receiver.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** At most this many fan-out batches per run, so a run never holds the scheduler thread for long. */
    private static final int BATCHES_PER_RUN = 20;
    private final DeliverWebhooksUseCase deliveries;
    private final WebhooksConfig config;
    private final ExecutorService pool;
    /** Runs the fan-outs that newly visible events ask for, off the consumer's thread. */
    private final ExecutorService fanOutThread;
    private final AtomicBoolean fanOutQueued = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final OnDemand fanOuts = new OnDemand(this::fanOutBatches);
    private final OnDemand claims = new OnDemand(this::claimOnce);

    private final Tracer tracer;

    public DeliveryWorker(DeliverWebhooksUseCase deliveries, WebhooksConfig config, Tracer tracer) {
        this.deliveries = deliveries;
        this.config = config;
        this.tracer = tracer;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "webhook-delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(config.delivery().concurrency(), threads);
        this.fanOutThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "webhook-fan-out");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        fanOutThread.shutdownNow();
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    /**
     * Events became visible and their step committed: fan them out now, on the fan-out thread (the
     * consumer goes on with its next record). However many steps commit meanwhile, at most one
     * fan-out waits in the queue, and it takes them all.
     */
    void onEventsVisible(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventsVisible visible) {
        if (!fanOutQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            fanOutThread.execute(() -> {
                fanOutQueued.set(false);
                try {
                    fanOuts.run();
                } catch (RuntimeException e) {
                    LOG.debugf("A fan-out on demand failed (%s); the next tick fans out", e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException stopping) {
            fanOutQueued.set(false); // shutting down: the events stay not fanned out for the next start
        }
    }

    @Scheduled(every = "${paysuite.webhooks.fan-out.every:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void fanOut() {
        fanOuts.run();
    }

    private void fanOutBatches() {
        int batch = config.fanOut().batchSize();
        for (int i = 0; i < BATCHES_PER_RUN; i++) {
            int events = deliveries.fanOut(batch);
            if (events > 0) {
                deliver(); // its deliveries are committed: claim them now rather than at the next tick
            }
            if (events < batch) {
                break;
            }
        }
    }

    @Scheduled(every = "${paysuite.webhooks.delivery.every:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliver() {
        claims.run();
    }

    private void claimOnce() {
        int free = config.delivery().concurrency() - inFlight.get();
        if (free <= 0) {
            return;
        }
        List<Claimed> claimed = deliveries.claimDue(free);
        for (Claimed c : claimed) {
            inFlight.incrementAndGet();
            try {
                pool.execute(() -> attempt(c));
            } catch (RejectedExecutionException stopping) {
                inFlight.decrementAndGet();
                return; // shutting down: the claim runs out and another instance (or the restart) attempts it
            }
        }
    }

    private void attempt(Claimed c) {
        Span span = tracer.spanBuilder("webhook delivery").setParent(TraceContexts.parent(c.traceContext()))
                .setAttribute("paysuite.delivery.id", c.id().value())
                .setAttribute("paysuite.webhook_endpoint.id", c.endpointId().value())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            deliveries.attempt(c.id());
        } catch (CancellationException stopping) {
            LOG.debugf("Delivery %s stopped with the worker; attempted again once its claim runs out", c.id());
        } catch (RuntimeException e) {
            // The outcome was not recorded: the claim runs out and the delivery is attempted again then
            LOG.warnf("Delivery %s to endpoint %s could not be attempted or recorded (%s); it is retried once its"
                    + " claim runs out", c.id(), c.endpointId(), e.getClass().getSimpleName());
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
        } finally {
            span.end();
            inFlight.decrementAndGet();
        }
        // a thread and an endpoint slot are free: look for due work now rather than at the next tick
        try {
            deliver();
        } catch (RuntimeException e) {
            LOG.debugf("Claiming after an attempt failed (%s); the next tick claims", e.getClass().getSimpleName());
        }
    }
}
