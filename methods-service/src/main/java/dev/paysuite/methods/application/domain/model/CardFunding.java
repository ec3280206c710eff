package dev.paysuite.methods.application.domain.model;

import java.util.Map;

/**
 * Whether a card draws on credit, a debit account or a prepaid balance. Issuers' BIN tables are not
 * part of this system: the test cards say what they are, every other card is {@code unknown} until
 * an acquirer adapter tells.
 */
public final class CardFunding {
    public static final String CREDIT = "credit";
    public static final String DEBIT = "debit";
    public static final String PREPAID = "prepaid";
    public static final String UNKNOWN = "unknown";

    private static final Map<String, String> TEST_CARDS = Map.ofEntries(
            Map.entry("4242424242424242", CREDIT), Map.entry("4111111111111111", CREDIT),
            Map.entry("4000056655665556", DEBIT), Map.entry("5555555555554444", CREDIT),
            Map.entry("2223003122003222", CREDIT), Map.entry("5200828282828210", DEBIT),
            Map.entry("5105105105105100", PREPAID), Map.entry("378282246310005", CREDIT),
            Map.entry("371449635398431", CREDIT), Map.entry("6011111111111117", CREDIT),
            Map.entry("4000000000000002", CREDIT), Map.entry("4000000000009995", DEBIT),
            Map.entry("4000000000000069", CREDIT), Map.entry("4000002500003155", CREDIT));

    private CardFunding() {
    }

    public static String of(CardNumber number) {
        return TEST_CARDS.getOrDefault(number.digits(), UNKNOWN);
    }
}
