package dev.paysuite.methods.application.domain.model;

/**
 * A new method's details as the caller typed them, before any rule is checked: the details object
 * of its type ({@code card}, {@code ach_debit}, ...) flattened. Its toString never shows the values.
 */
public record MethodInput(String number, Integer expMonth, Integer expYear, String cvc, String token,
        String routingNumber, String accountNumber, String iban, String bic, String address) {
    public static final MethodInput NONE = new MethodInput(null, null, null, null, null, null, null, null, null, null);

    @Override
    public String toString() {
        return "MethodInput[…]";
    }
}
