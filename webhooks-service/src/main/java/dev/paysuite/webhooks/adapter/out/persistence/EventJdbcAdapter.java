package dev.paysuite.webhooks.adapter.out.persistence;

import static dev.paysuite.webhooks.adapter.out.persistence.Jdbc.failed;
import static dev.paysuite.webhooks.adapter.out.persistence.Jdbc.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.kernel.id.EventId;
import dev.paysuite.kernel.id.WebhookEndpointId;
import dev.paysuite.webhooks.adapter.json.EventJson;
import dev.paysuite.webhooks.adapter.json.WebhookEndpointJson;
import dev.paysuite.webhooks.application.domain.model.EventTypes;
import dev.paysuite.webhooks.application.domain.model.PublicEvent;
import dev.paysuite.webhooks.application.domain.model.WebhookEndpoint;
import dev.paysuite.webhooks.application.port.out.EventLog;
import dev.paysuite.webhooks.application.port.out.EventStore;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code events} table as deliveries read it (only visible rows: {@code position} set), and the
 * one event this service writes itself, {@code endpoint.disabled}. The Events API and the consumers
 * that fill the table are elsewhere.
 */
@ApplicationScoped
public class EventJdbcAdapter implements EventStore {
    private static final String SOURCE = "webhooks-service";
    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final EventLog eventLog;

    public EventJdbcAdapter(AgroalDataSource dataSource, ObjectMapper mapper, EventLog eventLog) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.eventLog = eventLog;
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public List<EventRef> lockNotFannedOut(int limit) {
        return refs("SELECT id, merchant_id, livemode, type FROM events WHERE position IS NOT NULL AND NOT fanned_out"
                + " ORDER BY position LIMIT ? FOR NO KEY UPDATE SKIP LOCKED", limit);
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public void markFannedOut(List<EventId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE events SET fanned_out = true WHERE id = ANY (?)")) {
            Array array = c.createArrayOf("varchar", ids.stream().map(EventId::value).toArray());
            s.setArray(1, array);
            s.executeUpdate();
        } catch (SQLException x) {
            throw failed("mark events fanned out", x);
        }
    }

    @Override
    public Optional<EventRef> visible(String merchantId, boolean livemode, EventId id) {
        return refs("SELECT id, merchant_id, livemode, type FROM events WHERE id = ? AND merchant_id = ?"
                + " AND livemode = ? AND position IS NOT NULL", id.value(), merchantId, livemode).stream().findFirst();
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public List<EventRef> undeliveredSince(String merchantId, boolean livemode, Instant since,
            WebhookEndpointId endpointId, int max) {
        return refs("SELECT e.id, e.merchant_id, e.livemode, e.type FROM events e WHERE e.merchant_id = ?"
                + " AND e.livemode = ? AND e.position IS NOT NULL AND e.fanned_out AND e.created_at >= ?"
                + " AND NOT EXISTS ("
                + " SELECT 1 FROM deliveries d WHERE d.event_id = e.id AND d.endpoint_id = ?"
                + " AND d.state IN ('SUCCEEDED', 'PENDING')) ORDER BY e.position LIMIT ? FOR KEY SHARE OF e",
                merchantId, livemode, Timestamp.from(since), endpointId.value(), max);
    }

    /** The webhook's body: the Event exactly as the Events API shows it ({@link EventJson}). */
    @Override
    public Optional<String> body(EventId id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, merchant_id, type, created_at, livemode, sequence, data FROM events WHERE id = ?"
                        + " AND position IS NOT NULL")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long sequence = rs.getLong("sequence");
                Long numbered = rs.wasNull() ? null : sequence;
                PublicEvent event = new PublicEvent(new EventId(rs.getString("id")), rs.getString("type"),
                        instant(rs, "created_at"), rs.getBoolean("livemode"), numbered, rs.getString("data"),
                        rs.getString("merchant_id"));
                return Optional.of(mapper.writeValueAsString(EventJson.of(event)));
            }
        } catch (SQLException x) {
            throw failed("read an event", x);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("Event " + id + " could not be written as JSON", x);
        }
    }

    @Override
    @Transactional(TxType.MANDATORY)
    public EventId appendEndpointDisabled(WebhookEndpoint endpoint, Instant at) {
        EventId id = EventId.generate();
        String data;
        try {
            data = mapper.writeValueAsString(WebhookEndpointJson.of(endpoint));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("An endpoint did not serialize", x);
        }
        // The same log the consumers append to: one order of positions for every reader
        eventLog.insert(new PublicEvent(id, EventTypes.ENDPOINT_DISABLED, at, endpoint.livemode(), null, data,
                endpoint.merchantId()), SOURCE, null, null, 0, at);
        eventLog.appendVisible(List.of(id));
        return id;
    }

    private List<EventRef> refs(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<EventRef> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new EventRef(new EventId(rs.getString(1)), rs.getString(2), rs.getBoolean(3),
                            rs.getString(4)));
                }
            }
            return rows;
        } catch (SQLException x) {
            throw failed("read events", x);
        }
    }
}
