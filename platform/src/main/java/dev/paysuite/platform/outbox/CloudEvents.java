package dev.paysuite.platform.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;

/**
 * The structured-mode CloudEvents 1.0 JSON envelope every event on Kafka travels in. Extension
 * attributes: {@code sequence} (integer, per aggregate), {@code merchantid}, {@code livemode}, and
 * whatever integer attributes a producer adds (refunds.events: {@code paymentsequence}).
 */
public final class CloudEvents {
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    public static final String SPEC_VERSION = "1.0";

    private CloudEvents() {
    }

    public static ObjectNode envelope(ObjectMapper mapper, OutboxMessage m) {
        ObjectNode e = mapper.createObjectNode();
        e.put("specversion", SPEC_VERSION);
        e.put("id", m.id());
        e.put("source", m.source());
        e.put("type", m.type());
        if (m.subject() != null) {
            e.put("subject", m.subject());
        }
        e.put("time", DateTimeFormatter.ISO_INSTANT.format(m.time()));
        e.put("datacontenttype", "application/json");
        e.put("sequence", m.sequence());
        if (m.merchantId() != null) {
            e.put("merchantid", m.merchantId());
        }
        e.put("livemode", m.livemode());
        m.extensions().forEach(e::put);
        e.set("data", mapper.valueToTree(m.data()));
        return e;
    }
}
