package dev.paysuite.methods.application.domain.model;

/** An ABA routing transit number: nine digits whose weighted sum (3, 7, 1 repeated) is a multiple of 10. */
public record AchRoutingNumber(String value) {
    static final String FIELD = "achDebit.routingNumber";

    public static AchRoutingNumber parse(String typed) {
        if (typed == null || typed.length() != 9 || !typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.ROUTING_NUMBER_INVALID, FIELD, "must be 9 digits.");
        }
        int[] weights = {3, 7, 1};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (typed.charAt(i) - '0') * weights[i % 3];
        }
        if (sum % 10 != 0) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.ROUTING_NUMBER_INVALID, FIELD,
                    "is not a valid routing number (its check digit is wrong).");
        }
        return new AchRoutingNumber(typed);
    }
}
