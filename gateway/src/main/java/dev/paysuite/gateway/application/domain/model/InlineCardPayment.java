package dev.paysuite.gateway.application.domain.model;

import dev.paysuite.kernel.error.ErrorCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A payment created with card details inline (seed 001: {@code "payment_method": {"type": "card",
 * "card_number": …, "exp_month": …, "exp_year": …, "cvc": …}}). The gateway exchanges the card
 * for a vault token before payments-service sees the request, so no service but the vault ever
 * holds a card number: the body goes on with {@code "source": "tok_…"} where {@code payment_method}
 * was. Only the object form is an inline card; a textual {@code payment_method} (seed 000's
 * {@code "card"}) is the service's to read.
 */
public final class InlineCardPayment {
    public static final String PAYMENT_METHOD = "payment_method";
    public static final String SOURCE = "source";
    static final String CARD_NUMBER = "card_number";
    static final String NUMBER_ALIAS = "number";
    /** The other ways to name what pays: a payment names one. */
    private static final List<String> OTHER_INSTRUMENTS = List.of(SOURCE, "card_token", "payment_method_id");
    private static final Set<String> FIELDS = Set.of("type", CARD_NUMBER, NUMBER_ALIAS, "exp_month", "exp_year", "cvc");
    /** A field name worth echoing in an answer: never digits, so never a card number given as a name. */
    private static final Pattern NAME = Pattern.compile("[a-z_]{1,64}");

    private InlineCardPayment() {
    }

    /** What to do with a request's parsed body. */
    public sealed interface Check {
        /** No inline card: the body goes on untouched. */
        record NoInlineCard() implements Check {
        }

        /** An inline card the gateway cannot exchange: answered 400 naming {@code param}, the vault never asked. */
        record Refused(String code, String param, String message) implements Check {
        }

        /** An inline card to exchange for a token. */
        record Exchange(InlineCard card) implements Check {
        }
    }

    /** Creating a payment is the one request that may carry a card inline. */
    public static boolean appliesTo(String method, String path) {
        return "POST".equals(method) && ("/v1/payments".equals(path) || "/v1/payments/".equals(path));
    }

    /** @param body a request body that is a JSON object, as a map of its members */
    public static Check inspect(Map<String, ?> body) {
        if (!(body.get(PAYMENT_METHOD) instanceof Map<?, ?> inline)) {
            return new Check.NoInlineCard();
        }
        Object type = inline.get("type");
        if (type == null) {
            return new Check.Refused(ErrorCodes.PARAMETER_MISSING, "payment_method[type]",
                    "Missing required param: payment_method[type]. Only cards can be given inline (\"type\": \"card\").");
        }
        if (!"card".equals(type)) {
            return new Check.Refused(ErrorCodes.PARAMETER_INVALID, "payment_method[type]",
                    "Only cards can be given inline: payment_method[type] must be \"card\". Pay with other methods "
                            + "by payment_method_id.");
        }
        for (String other : OTHER_INSTRUMENTS) {
            if (body.get(other) != null) {
                return new Check.Refused(ErrorCodes.PARAMETER_INVALID, PAYMENT_METHOD,
                        "A payment is paid by one of payment_method, source, card_token or payment_method_id: card "
                                + "details in payment_method cannot come with " + other + ".");
            }
        }
        for (Object field : inline.keySet()) {
            if (!FIELDS.contains(field)) {
                String name = field instanceof String s && NAME.matcher(s).matches() ? s : null;
                return new Check.Refused(ErrorCodes.PARAMETER_UNKNOWN,
                        name == null ? PAYMENT_METHOD : "payment_method[" + name + "]",
                        name == null ? "Received an unknown parameter in payment_method."
                                : "Received unknown parameter: payment_method[" + name + "]. A card given inline has "
                                        + "type, card_number, exp_month, exp_year and cvc.");
            }
        }
        if (inline.get(CARD_NUMBER) != null && inline.get(NUMBER_ALIAS) != null) {
            return new Check.Refused(ErrorCodes.PARAMETER_INVALID, "payment_method[number]",
                    "Give the card number once: payment_method[card_number] or its alias payment_method[number].");
        }
        String numberField = inline.get(CARD_NUMBER) == null && inline.get(NUMBER_ALIAS) != null ? NUMBER_ALIAS
                : CARD_NUMBER;
        return new Check.Exchange(new InlineCard(inline.get(numberField), numberField, inline.get("exp_month"),
                inline.get("exp_year"), inline.get("cvc")));
    }

    /**
     * The body payments-service receives: every member as it was, in its order, except
     * {@code payment_method}, whose place {@code "source": token} takes.
     */
    public static Map<String, Object> withToken(Map<String, ?> body, String token) {
        Objects.requireNonNull(token, "token");
        Map<String, Object> rewritten = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            if (PAYMENT_METHOD.equals(name)) {
                rewritten.put(SOURCE, token);
            } else {
                rewritten.put(name, value);
            }
        });
        return rewritten;
    }

    /**
     * The vault names a card's fields {@code card[number]}, {@code card[exp_month]}, …; the client
     * gave them as {@code payment_method[card_number]} (or {@code [number]}), {@code payment_method[exp_month]}, ….
     * A name the vault uses for anything else stays as it is.
     */
    public static String publicParam(String vaultParam, InlineCard card) {
        if (vaultParam == null) {
            return null;
        }
        return switch (vaultParam) {
            case "card[number]" -> "payment_method[" + card.numberField() + "]";
            case "card[exp_month]" -> "payment_method[exp_month]";
            case "card[exp_year]" -> "payment_method[exp_year]";
            case "card[cvc]" -> "payment_method[cvc]";
            case "card" -> PAYMENT_METHOD;
            default -> vaultParam;
        };
    }

    /** The vault's message, with its names of the card's fields replaced by the client's. */
    public static String publicMessage(String vaultMessage, InlineCard card) {
        if (vaultMessage == null) {
            return null;
        }
        String message = vaultMessage;
        for (String field : List.of("card[number]", "card[exp_month]", "card[exp_year]", "card[cvc]")) {
            message = message.replace(field, publicParam(field, card));
        }
        return message;
    }
}
