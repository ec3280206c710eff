package dev.paysuite.methods.application.domain.model;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A Bitcoin mainnet address: legacy and P2SH in Base58Check (version 0x00 or 0x05, checksum the
 * first four bytes of a double SHA-256), or SegWit in bech32 (witness version 0) and bech32m
 * (versions 1 to 16, taproot), BIP 173 and BIP 350.
 */
public record BitcoinAddress(String value) {
    static final String FIELD = "bitcoin.address";
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32_CONSTANT = 1;
    private static final int BECH32M_CONSTANT = 0x2bc830a3;

    public static BitcoinAddress parse(String typed) {
        String address = typed == null ? "" : typed.trim();
        boolean valid = address.toLowerCase(Locale.ROOT).startsWith("bc1") ? segwit(address) : base58check(address);
        if (!valid) {
            throw InvalidMethodDetails.of(InvalidMethodDetails.ADDRESS_INVALID, FIELD, "is not a valid Bitcoin address.");
        }
        return new BitcoinAddress(address);
    }

    static boolean base58check(String address) {
        if (address.length() < 26 || address.length() > 35) {
            return false;
        }
        BigInteger n = BigInteger.ZERO;
        for (char c : address.toCharArray()) {
            int digit = BASE58.indexOf(c);
            if (digit < 0) {
                return false;
            }
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(digit));
        }
        byte[] raw = n.toByteArray();
        int leadingZeros = 0;
        while (leadingZeros < address.length() && address.charAt(leadingZeros) == '1') {
            leadingZeros++;
        }
        byte[] stripped = raw.length > 0 && raw[0] == 0 ? Arrays.copyOfRange(raw, 1, raw.length) : raw;
        byte[] bytes = new byte[leadingZeros + stripped.length];
        System.arraycopy(stripped, 0, bytes, leadingZeros, stripped.length);
        if (bytes.length != 25 || (bytes[0] != 0x00 && bytes[0] != 0x05)) {
            return false;
        }
        byte[] payload = Arrays.copyOfRange(bytes, 0, 21);
        byte[] check = sha256(sha256(payload));
        return Arrays.equals(Arrays.copyOfRange(check, 0, 4), Arrays.copyOfRange(bytes, 21, 25));
    }

    static boolean segwit(String address) {
        if (!address.equals(address.toLowerCase(Locale.ROOT)) && !address.equals(address.toUpperCase(Locale.ROOT))) {
            return false; // mixed case is never valid bech32
        }
        String a = address.toLowerCase(Locale.ROOT);
        int separator = a.lastIndexOf('1');
        if (a.length() > 90 || separator != 2 || a.length() - separator - 1 < 7) {
            return false;
        }
        int[] data = new int[a.length() - separator - 1];
        for (int i = 0; i < data.length; i++) {
            data[i] = BECH32.indexOf(a.charAt(separator + 1 + i));
            if (data[i] < 0) {
                return false;
            }
        }
        int checksum = polymod(expandedHrp("bc"), data);
        int version = data[0];
        if (version > 16 || checksum != (version == 0 ? BECH32_CONSTANT : BECH32M_CONSTANT)) {
            return false;
        }
        int program = programLength(Arrays.copyOfRange(data, 1, data.length - 6));
        return program >= 2 && program <= 40 && (version != 0 || program == 20 || program == 32);
    }

    /** Bytes in the witness program the 5-bit groups carry, or -1 if the padding is not zero bits. */
    private static int programLength(int[] fiveBit) {
        int bits = fiveBit.length * 5;
        int padding = bits % 8;
        if (padding > 4 || (padding > 0 && (fiveBit[fiveBit.length - 1] & ((1 << padding) - 1)) != 0)) {
            return -1;
        }
        return bits / 8;
    }

    private static int[] expandedHrp(String hrp) {
        int[] out = new int[hrp.length() * 2 + 1];
        for (int i = 0; i < hrp.length(); i++) {
            out[i] = hrp.charAt(i) >> 5;
            out[i + hrp.length() + 1] = hrp.charAt(i) & 31;
        }
        return out;
    }

    private static int polymod(int[] hrp, int[] data) {
        int[] generator = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (int[] part : new int[][] {hrp, data}) {
            for (int v : part) {
                int top = chk >>> 25;
                chk = ((chk & 0x1ffffff) << 5) ^ v;
                for (int i = 0; i < 5; i++) {
                    if (((top >>> i) & 1) == 1) {
                        chk ^= generator[i];
                    }
                }
            }
        }
        return chk;
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
