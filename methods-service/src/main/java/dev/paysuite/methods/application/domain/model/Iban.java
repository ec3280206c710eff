package dev.paysuite.methods.application.domain.model;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An International Bank Account Number (ISO 13616): a country code, two check digits that make the
 * rearranged number 1 mod 97, and the country's account number, of the length that country uses.
 */
public final class Iban extends VaultSecret {
    static final String FIELD = "wire.iban";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** Lengths of the countries whose IBANs are most often seen here; others are held to 15 to 34. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("CH", 21), Map.entry("CZ", 24), Map.entry("DE", 22),
            Map.entry("DK", 18), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GR", 27), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IT", 27), Map.entry("LU", 20),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25), Map.entry("RO", 24),
            Map.entry("SE", 24), Map.entry("SK", 24));
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Iban(String value) {
        super(value);
    }

    /** Spaces between groups of four are allowed, and letters in either case. */
    public static Iban parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.IBAN_INVALID, FIELD, "is required.");
        }
        String iban = typed.replace(" ", "").toUpperCase(Locale.ROOT);
        if (iban.length() < 15 || iban.length() > 34 || !iban.chars().allMatch(c -> (c >= '0' && c <= '9')
                || (c >= 'A' && c <= 'Z'))) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.IBAN_INVALID, FIELD,
                    "must be 15 to 34 letters and digits.");
        }
        String country = iban.substring(0, 2);
        if (!COUNTRIES.contains(country) || !Character.isDigit(iban.charAt(2)) || !Character.isDigit(iban.charAt(3))) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.IBAN_INVALID, FIELD,
                    "must start with a country code and two check digits.");
        }
        Integer length = LENGTHS.get(country);
        if (length != null && iban.length() != length) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.IBAN_INVALID, FIELD,
                    "must be " + length + " characters for " + country + ".");
        }
        if (!checksumHolds(iban)) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.IBAN_INVALID, FIELD,
                    "is not a valid IBAN (its check digits are wrong).");
        }
        return new Iban(iban);
    }

    /** Moves the first four characters to the end, letters to 10..35, and checks the number is 1 mod 97. */
    static boolean checksumHolds(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    public String country() {
        return secret().substring(0, 2);
    }

    /** The whole IBAN, for the vault's encryption only. */
    public String value() {
        return secret();
    }

    @Override
    protected String label() {
        return country();
    }
}
