package dev.paysuite.methods.adapter.in.rest;

import java.util.Map;

/** Bodies of the API, for tests. */
final class Cards {
    private Cards() {
    }

    static Map<String, Object> card(String number) {
        return Map.of("type", "card", "card", Map.of("number", number, "exp_month", 12, "exp_year", 2031, "cvc", "123"));
    }
}
