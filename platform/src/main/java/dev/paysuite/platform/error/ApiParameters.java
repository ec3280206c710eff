package dev.paysuite.platform.error;

import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * How the API names what a domain calls a field: {@code amountToCapture} is the parameter
 * {@code amount_to_capture}, and a key inside an object ({@code metadata.order_id},
 * {@code card.number}) is written {@code metadata[order_id]}, {@code card[number]}.
 */
public final class ApiParameters {
    private ApiParameters() {
    }

    public static String name(String field) {
        if (field == null) {
            return null;
        }
        int dot = field.indexOf('.');
        return dot < 0 ? snake(field) : snake(field.substring(0, dot)) + "[" + field.substring(dot + 1) + "]";
    }

    /** The parameter a JSON parser is at ({@code metadata[order_id]}, {@code items[0]}); null at the top level. */
    public static String of(JsonStreamContext context) {
        Deque<String> names = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            names.addFirst(c.inArray() ? String.valueOf(c.getCurrentIndex()) : String.valueOf(c.getCurrentName()));
        }
        if (names.isEmpty()) {
            return null;
        }
        StringBuilder name = new StringBuilder(names.removeFirst());
        names.forEach(n -> name.append('[').append(n).append(']'));
        return name.toString();
    }

    private static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
