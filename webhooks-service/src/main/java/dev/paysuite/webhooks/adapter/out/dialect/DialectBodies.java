package dev.paysuite.webhooks.adapter.out.dialect;

import dev.paysuite.dialects.Dialect;
import dev.paysuite.dialects.Dialects;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.webhooks.application.port.out.CheckDialectPort;
import dev.paysuite.webhooks.application.port.out.RenderDeliveryBodyPort;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The dialects module's webhook events behind the ports: which dialects exist, and an event as a
 * dialect writes it. The lookup is {@link Dialects#named} in production; a test passes its own.
 */
public class DialectBodies implements CheckDialectPort, RenderDeliveryBodyPort {
    private static final Logger LOG = Logger.getLogger(DialectBodies.class);
    static final String DIALECT_FAILED = "dialect_failed";

    private final Function<String, Optional<Dialect>> lookup;

    public DialectBodies(Function<String, Optional<Dialect>> lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    @Override
    public boolean isKnown(String dialect) {
        return lookup.apply(dialect).isPresent();
    }

    @Override
    public Optional<String> render(String dialect, String canonicalEvent) {
        Dialect d = lookup.apply(dialect).orElseThrow(() -> failed(dialect, "is not served any more"));
        try {
            return d.webhooks().event(canonicalEvent);
        } catch (RuntimeException e) {
            // a dialect's bug: logged with its cause here, the delivery's log says only that it failed
            LOG.errorf(e, "The %s dialect could not write an event", dialect);
            throw failed(dialect, "could not write the event");
        }
    }

    private static DomainException failed(String dialect, String what) {
        return new DomainException(DomainException.Kind.UNPROCESSABLE, DIALECT_FAILED,
                "the endpoint's dialect (" + dialect + ") " + what, null);
    }
}
