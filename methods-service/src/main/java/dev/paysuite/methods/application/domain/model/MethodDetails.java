package dev.paysuite.methods.application.domain.model;

import dev.paysuite.kernel.error.DomainException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A payment method's details once every rule of its type holds. {@link #secret()} is what only the
 * vault may keep (sealed); {@link #shown()} is what answers may carry. The CVC is checked and never
 * part of it.
 */
public sealed interface MethodDetails {
    MethodType type();

    Optional<VaultSecret> secret();

    ShownDetails shown();

    /** Checks the details of {@code type} against their rules; the first rule broken is the error. */
    static MethodDetails parse(MethodType type, MethodInput in, YearMonth now) {
        String f = type.field();
        return switch (type) {
            case CARD -> Card.parse(in, now);
            case APPLE_PAY, GOOGLE_PAY, PAYPAL -> new Wallet(type, WalletToken.parse(in.token(), f + ".token"));
            case ACH_DEBIT -> new AchDebit(AchRoutingNumber.parse(in.routingNumber()),
                    AccountNumber.ach(in.accountNumber(), f + ".accountNumber"));
            case WIRE -> Wire.parse(in);
            case BITCOIN -> new Crypto(type, BitcoinAddress.parse(in.address()).value());
            case ETHEREUM -> new Crypto(type, EthereumAddress.parse(in.address()).value());
        };
    }

    record Card(CardNumber number, CardExpiry expiry) implements MethodDetails {
        static Card parse(MethodInput in, YearMonth now) {
            CardNumber number = CardNumber.parse(in.number());
            CardExpiry expiry = CardExpiry.of(in.expMonth(), in.expYear(), now);
            if (in.cvc() != null) {
                Cvc.check(in.cvc(), number.brand());
            }
            return new Card(number, expiry);
        }

        @Override
        public MethodType type() {
            return MethodType.CARD;
        }

        @Override
        public Optional<VaultSecret> secret() {
            return Optional.of(number);
        }

        @Override
        public ShownDetails shown() {
            return new ShownDetails(number.brand().apiName(), number.last4(), expiry.month(), expiry.year(),
                    CardFunding.of(number), Map.of());
        }
    }

    record Wallet(MethodType type, WalletToken token) implements MethodDetails {
        @Override
        public Optional<VaultSecret> secret() {
            return Optional.of(token);
        }

        @Override
        public ShownDetails shown() {
            return ShownDetails.of(Map.of());
        }
    }

    record AchDebit(AchRoutingNumber routingNumber, AccountNumber account) implements MethodDetails {
        @Override
        public MethodType type() {
            return MethodType.ACH_DEBIT;
        }

        @Override
        public Optional<VaultSecret> secret() {
            return Optional.of(account);
        }

        @Override
        public ShownDetails shown() {
            return new ShownDetails(null, account.last4(), null, null, null,
                    Map.of("routing_number", routingNumber.value()));
        }
    }

    /** A bank account for wires: an IBAN (with its bank's BIC or not), or a BIC and an account number. */
    record Wire(Iban iban, Bic bic, AccountNumber account) implements MethodDetails {
        static Wire parse(MethodInput in) {
            Bic bic = in.bic() == null ? null : Bic.parse(in.bic());
            if (in.iban() != null) {
                if (in.accountNumber() != null) {
                    throw DomainException.invalid(dev.paysuite.kernel.error.ErrorCodes.PARAMETER_INVALID,
                            "Pass either {wire.iban} or {wire.bic} with {wire.accountNumber}, not both.",
                            "wire.accountNumber");
                }
                return new Wire(Iban.parse(in.iban()), bic, null);
            }
            if (bic == null) {
                throw InvalidMethodDetails.of(InvalidMethodDetails.IBAN_INVALID, Iban.FIELD,
                        "is required, unless {wire.bic} and {wire.accountNumber} are given.");
            }
            return new Wire(null, bic, AccountNumber.international(in.accountNumber(), "wire.accountNumber"));
        }

        @Override
        public MethodType type() {
            return MethodType.WIRE;
        }

        @Override
        public Optional<VaultSecret> secret() {
            return Optional.of(iban != null ? iban : account);
        }

        @Override
        public ShownDetails shown() {
            Map<String, String> extra = new LinkedHashMap<>();
            if (bic != null) {
                extra.put("bic", bic.value());
            }
            if (iban != null) {
                extra.put("country", iban.country());
            }
            return new ShownDetails(null, secret().get().last4(), null, null, null, extra);
        }
    }

    record Crypto(MethodType type, String address) implements MethodDetails {
        @Override
        public Optional<VaultSecret> secret() {
            return Optional.empty();
        }

        @Override
        public ShownDetails shown() {
            return ShownDetails.of(Map.of("address", address));
        }
    }
}
