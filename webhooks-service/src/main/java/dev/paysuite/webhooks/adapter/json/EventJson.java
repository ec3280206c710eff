package dev.paysuite.webhooks.adapter.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.paysuite.webhooks.application.domain.model.PublicEvent;
import java.time.format.DateTimeFormatter;

/**
 * The public Event: {@code {"id", "object": "event", "type", "created_at", "livemode", "sequence",
 * "data"}}, shared by the Events API, the webhooks' bodies and the live stream. {@code data} is the
 * producer's JSON object written as it was stored; {@code sequence} is null for an event about no
 * payment. {@code created_at} is the CloudEvent's {@code time}, ISO 8601 UTC as the producer gave it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "object", "type", "created_at", "livemode", "sequence", "data"})
public record EventJson(String id, String object, String type, String createdAt, boolean livemode, Long sequence,
        @JsonRawValue String data) {

    public static EventJson of(PublicEvent e) {
        return new EventJson(e.id().value(), PublicEvent.OBJECT, e.type(), DateTimeFormatter.ISO_INSTANT.format(e.createdAt()),
                e.livemode(), e.sequence(), e.data());
    }
}
