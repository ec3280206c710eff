package dev.paysuite.methods.application.domain.model;

/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding, not SHA3-256's, so the JDK's
 * "SHA3-256" gives other digests). Only EIP-55 address checksums need it, on 40 bytes at a time.
 */
final class Keccak256 {
    private static final int RATE = 136;
    private static final long[] ROUND_CONSTANTS = {
        0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
        0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
        0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
        0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
        0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
        0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L};
    /** Rotation of each lane, in the order the pi step visits them. */
    private static final int[] ROTATIONS = {1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62,
        18, 39, 61, 20, 44};
    /** The lane the pi step moves each visited lane to. */
    private static final int[] PI = {10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9,
        6, 1};

    private Keccak256() {
    }

    static byte[] digest(byte[] message) {
        long[] state = new long[25];
        int blocks = message.length / RATE + 1;
        byte[] padded = new byte[blocks * RATE];
        System.arraycopy(message, 0, padded, 0, message.length);
        padded[message.length] ^= 0x01;
        padded[padded.length - 1] ^= (byte) 0x80;
        for (int block = 0; block < blocks; block++) {
            for (int lane = 0; lane < RATE / 8; lane++) {
                state[lane] ^= littleEndian(padded, block * RATE + lane * 8);
            }
            permute(state);
        }
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = (byte) (state[i / 8] >>> (8 * (i % 8)));
        }
        return out;
    }

    private static long littleEndian(byte[] bytes, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (bytes[at + i] & 0xff);
        }
        return v;
    }

    /** Keccak-f[1600]: 24 rounds of theta, rho and pi, chi, iota over the 5×5 lanes. */
    private static void permute(long[] s) {
        long[] column = new long[5];
        for (long roundConstant : ROUND_CONSTANTS) {
            for (int x = 0; x < 5; x++) {
                column[x] = s[x] ^ s[x + 5] ^ s[x + 10] ^ s[x + 15] ^ s[x + 20];
            }
            for (int x = 0; x < 5; x++) {
                long d = column[(x + 4) % 5] ^ Long.rotateLeft(column[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5) {
                    s[y + x] ^= d;
                }
            }
            long carried = s[1];
            for (int i = 0; i < 24; i++) {
                int to = PI[i];
                long displaced = s[to];
                s[to] = Long.rotateLeft(carried, ROTATIONS[i]);
                carried = displaced;
            }
            for (int y = 0; y < 25; y += 5) {
                for (int x = 0; x < 5; x++) {
                    column[x] = s[y + x];
                }
                for (int x = 0; x < 5; x++) {
                    s[y + x] ^= ~column[(x + 1) % 5] & column[(x + 2) % 5];
                }
            }
            s[0] ^= roundConstant;
        }
    }
}
