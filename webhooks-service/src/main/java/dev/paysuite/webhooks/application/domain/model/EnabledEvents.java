package dev.paysuite.webhooks.application.domain.model;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The event types an endpoint subscribes to: a non-empty list of known types, or exactly
 * {@code ["*"]} for every type (also those added later). Duplicates are dropped, the order given is
 * kept (it is echoed back). {@code *} beside other types is refused rather than guessed at.
 * <p>
 * A type may be subscribed to under an alias ({@link EventTypes#ALIASES}): {@code chargeback.created}
 * matches the {@code dispute.created} events. The alias is kept as given (echoed back, not rewritten),
 * and the event delivered keeps its published type.
 */
public record EnabledEvents(List<String> types) {
    public static final String FIELD = "enabledEvents";
    public static final EnabledEvents ALL = new EnabledEvents(List.of(EventTypes.ALL));

    public EnabledEvents {
        types = List.copyOf(types);
    }

    public static EnabledEvents of(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw DomainException.invalid(ErrorCodes.PARAMETER_MISSING,
                    "{" + FIELD + "} must list at least one event type, or [\"*\"] for all of them.", FIELD);
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String type : requested) {
            if (type == null || type.isBlank()) {
                throw DomainException.invalid(WebhookErrorCodes.EVENT_TYPE_UNKNOWN,
                        "{" + FIELD + "} contains an empty event type.", FIELD);
            }
            types.add(type);
        }
        if (types.contains(EventTypes.ALL)) {
            if (types.size() > 1) {
                throw DomainException.invalid(WebhookErrorCodes.EVENT_TYPE_UNKNOWN,
                        "{" + FIELD + "} is either [\"*\"] alone or a list of event types, not both.", FIELD);
            }
            return ALL;
        }
        for (String type : types) {
            if (!EventTypes.isKnown(type)) {
                throw DomainException.invalid(WebhookErrorCodes.EVENT_TYPE_UNKNOWN, "{" + FIELD
                        + "} contains an unknown event type: " + printable(type) + ".", FIELD);
            }
        }
        return new EnabledEvents(List.copyOf(types));
    }

    public boolean matches(String eventType) {
        Objects.requireNonNull(eventType, "eventType");
        if (isAll() || types.contains(eventType)) {
            return true;
        }
        for (String type : types) {
            if (EventTypes.published(type).equals(eventType)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAll() {
        return types.equals(ALL.types);
    }

    /** Echoes a short, single-line form of what was sent (braces too would read as a field name in the message). */
    private static String printable(String type) {
        String shown = type.length() > 60 ? type.substring(0, 60) + "..." : type;
        return shown.replaceAll("[\\p{Cntrl}{}]", "?");
    }
}
