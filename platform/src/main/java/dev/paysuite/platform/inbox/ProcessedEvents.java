package dev.paysuite.platform.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The consumer side of "at least once": remembers, in the service's database and in the same
 * transaction as the change an event causes, which events were applied. An event whose id is
 * already here is skipped, so redeliveries and replays change nothing.
 */
@ApplicationScoped
public class ProcessedEvents {
    private final AgroalDataSource dataSource;
    private final String instance;

    public ProcessedEvents(AgroalDataSource dataSource,
            @ConfigProperty(name = "paysuite.instance-id", defaultValue = "unnamed") String instance) {
        this.dataSource = dataSource;
        this.instance = instance;
    }

    /** Records the event for {@code consumer}; false when it was already recorded (skip it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, String eventId, String eventType) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO processed_events (consumer, event_id, event_type, processed_by)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            ps.setString(1, consumer);
            ps.setString(2, eventId);
            ps.setString(3, eventType);
            ps.setString(4, instance);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record processed event " + eventId, e);
        }
    }
}
