package dev.paysuite.dialects.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.dialects.WebhookDialect;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A dialect's events as {@code {"id", "type", "created_at", "data"}}, {@code data} in the dialect's shape of its object. */
public record EventsInShape(Map<String, String> types, UnaryOperator<ObjectNode> representation) implements WebhookDialect {
    public EventsInShape {
        types = Map.copyOf(types);
    }

    @Override
    public Map<String, String> eventTypes() {
        return types;
    }

    @Override
    public Optional<String> event(String canonicalEvent) {
        return Representations.event(canonicalEvent, types, representation);
    }
}
