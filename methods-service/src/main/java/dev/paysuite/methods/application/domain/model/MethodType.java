package dev.paysuite.methods.application.domain.model;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of payment method the seeds name; each has a details object of the same name. */
public enum MethodType {
    CARD("card"), APPLE_PAY("apple_pay"), GOOGLE_PAY("google_pay"), PAYPAL("paypal"), ACH_DEBIT("ach_debit"),
    WIRE("wire"), BITCOIN("bitcoin"), ETHEREUM("ethereum");

    public static final String FIELD = "type";
    private final String apiName;

    MethodType(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** The details field of this type in the domain's terms ({@code achDebit}), as errors name it. */
    public String field() {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : apiName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    public boolean isWallet() {
        return this == APPLE_PAY || this == GOOGLE_PAY || this == PAYPAL;
    }

    public static MethodType parse(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.missing(field);
        }
        return Arrays.stream(values()).filter(t -> t.apiName.equals(value)).findFirst()
                .orElseThrow(() -> DomainException.invalid(ErrorCodes.PARAMETER_INVALID,
                        "Invalid {" + field + "}: expected one of " + names() + ".", field));
    }

    static String names() {
        return Arrays.stream(values()).map(MethodType::apiName).collect(Collectors.joining(", "));
    }
}
