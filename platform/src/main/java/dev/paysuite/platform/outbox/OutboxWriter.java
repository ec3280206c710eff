package dev.paysuite.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.platform.tracing.TraceContexts;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Appends events to the service's {@code outbox} table inside the caller's transaction, so an event
 * exists if and only if the state change it announces committed. {@link OutboxRelay} publishes it.
 * The current trace context goes with it ({@code traceparent}), so that its publication shows in the
 * trace of the request (or consumed event) that caused it.
 */
@ApplicationScoped
public class OutboxWriter {
    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final Event<OutboxAppended> appended;

    public OutboxWriter(AgroalDataSource dataSource, ObjectMapper mapper, Event<OutboxAppended> appended) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.appended = appended;
    }

    /** Signals, after commit, that there is something to relay. */
    public record OutboxAppended() {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(OutboxMessage message) {
        String payload;
        try {
            payload = mapper.writeValueAsString(CloudEvents.envelope(mapper, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialize event " + message.type(), e);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbox (event_id, topic, message_key, event_type, payload, created_at, traceparent)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, message.id());
            ps.setString(2, message.topic());
            ps.setString(3, message.key());
            ps.setString(4, message.type());
            ps.setString(5, payload);
            ps.setTimestamp(6, Timestamp.from(message.time()));
            ps.setString(7, TraceContexts.current().orElse(null));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write event " + message.type() + " to the outbox", e);
        }
        appended.fire(new OutboxAppended());
    }
}
