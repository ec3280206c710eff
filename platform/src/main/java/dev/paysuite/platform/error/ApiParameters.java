package dev.paysuite.platform.error;

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
