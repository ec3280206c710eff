package dev.paysuite.gateway.application.domain.model;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The form a payment link's page posts ({@code application/x-www-form-urlencoded}), as the gateway
 * rewrites it before payments-service sees it: the card fields leave it (the gateway exchanges them
 * with the vault) and what only the gateway may say ({@code source}, the vault's refusal) is dropped
 * from what the browser sent, then set by the gateway. Never printed with its values.
 */
public final class HostedPageForm {
    public static final String METHOD = "method";
    public static final String NUMBER = "card_number";
    public static final String EXP_MONTH = "exp_month";
    public static final String EXP_YEAR = "exp_year";
    public static final String CVC = "cvc";
    public static final String SOURCE = "source";
    public static final String CARD_ERROR = "card_error";
    public static final String CARD_ERROR_STATUS = "card_error_status";
    private static final Set<String> CARD_FIELDS = Set.of(NUMBER, EXP_MONTH, EXP_YEAR, CVC);
    private static final Set<String> GATEWAY_FIELDS = Set.of(SOURCE, CARD_ERROR, CARD_ERROR_STATUS);

    private record Field(String name, String value) {
    }

    private final List<Field> fields;

    private HostedPageForm(List<Field> fields) {
        this.fields = fields;
    }

    /** Reads a form body; a malformed escape makes the field empty rather than failing the page. */
    public static HostedPageForm parse(byte[] body) {
        List<Field> fields = new ArrayList<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!GATEWAY_FIELDS.contains(name)) {
                fields.add(new Field(name, value));
            }
        }
        return new HostedPageForm(fields);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    public Optional<String> value(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).map(Field::value).findFirst();
    }

    /** Whether the customer pays by card (the page's card form). */
    public boolean paysByCard() {
        return value(METHOD).map("card"::equals).orElse(false);
    }

    /**
     * The card as typed, with digits only in the number (browsers and people put spaces in it); the
     * vault validates the rest.
     */
    public InlineCard card() {
        String number = value(NUMBER).orElse("").replaceAll("[\\s-]", "");
        return new InlineCard(number.isEmpty() ? null : number, NUMBER, integerOrText(value(EXP_MONTH)),
                integerOrText(value(EXP_YEAR)), value(CVC).filter(v -> !v.isBlank()).map(String::strip).orElse(null));
    }

    private static Object integerOrText(Optional<String> value) {
        String v = value.map(String::strip).orElse("");
        if (v.isEmpty()) {
            return null;
        }
        return v.matches("[0-9]{1,4}") ? (Object) Integer.valueOf(v) : v;
    }

    /** The form without the card, plus what the gateway says (the token, or why there is none). */
    public byte[] withoutCard(String... gatewayFields) {
        List<Field> kept = new ArrayList<>();
        for (Field f : fields) {
            if (!CARD_FIELDS.contains(f.name())) {
                kept.add(f);
            }
        }
        for (int i = 0; i + 1 < gatewayFields.length; i += 2) {
            kept.add(new Field(gatewayFields[i], gatewayFields[i + 1]));
        }
        StringBuilder out = new StringBuilder();
        for (Field f : kept) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(f.name(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(f.value(), StandardCharsets.UTF_8));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HostedPageForm[" + fields.stream().map(Field::name).toList() + "]";
    }
}
