package dev.paysuite.methods.application.domain.model;

/** A bank account number: ACH accounts have 4 to 17 digits; other banks' accounts up to 34 letters and digits. */
public final class AccountNumber extends VaultSecret {
    private AccountNumber(String value) {
        super(value);
    }

    public static AccountNumber ach(String typed, String field) {
        String digits = typed == null ? "" : typed.replace(" ", "").replace("-", "");
        if (digits.isEmpty()) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.ACCOUNT_NUMBER_INVALID, field, "is required.");
        }
        if (!digits.matches("[0-9]{4,17}")) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.ACCOUNT_NUMBER_INVALID, field,
                    "must be 4 to 17 digits.");
        }
        return new AccountNumber(digits);
    }

    public static AccountNumber international(String typed, String field) {
        String value = typed == null ? "" : typed.replace(" ", "").replace("-", "").toUpperCase(java.util.Locale.ROOT);
        if (value.isEmpty()) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.ACCOUNT_NUMBER_INVALID, field, "is required.");
        }
        if (!value.matches("[0-9A-Z]{4,34}")) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.ACCOUNT_NUMBER_INVALID, field,
                    "must be 4 to 34 letters and digits.");
        }
        return new AccountNumber(value);
    }

    public String value() {
        return secret();
    }

    @Override
    protected String label() {
        return "account";
    }
}
