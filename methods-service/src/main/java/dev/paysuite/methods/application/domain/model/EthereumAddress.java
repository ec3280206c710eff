package dev.paysuite.methods.application.domain.model;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An Ethereum account address: 0x and 40 hex digits. Written in mixed case it carries the EIP-55
 * checksum (a letter is upper case where the Keccak-256 of the lower-case address has a nibble of 8
 * or more), which must hold; all lower or all upper case carries none. Kept in its checksummed form.
 */
public record EthereumAddress(String value) {
    static final String FIELD = "ethereum.address";

    public static EthereumAddress parse(String typed) {
        String address = typed == null ? "" : typed.trim();
        if (!address.matches("0x[0-9a-fA-F]{40}")) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.ADDRESS_INVALID, FIELD, "must be 0x and 40 hexadecimal digits.");
        }
        String hex = address.substring(2);
        String checksummed = checksummed(hex.toLowerCase(Locale.ROOT));
        boolean oneCase = hex.equals(hex.toLowerCase(Locale.ROOT)) || hex.equals(hex.toUpperCase(Locale.ROOT));
        if (!oneCase && !hex.equals(checksummed)) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.ADDRESS_INVALID, FIELD,
                    "has a wrong EIP-55 checksum (the case of its letters); check the address.");
        }
        return new EthereumAddress("0x" + checksummed);
    }

    static String checksummed(String lowerHex) {
        byte[] hash = Keccak256.digest(lowerHex.getBytes(StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder(40);
        for (int i = 0; i < lowerHex.length(); i++) {
            char c = lowerHex.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            out.append(Character.isLetter(c) && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
