package dev.paysuite.methods.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paysuite.kernel.error.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mainnet addresses of every kind, and the BIP 173/350 examples of what must be refused. */
class BitcoinAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", // P2PKH, the genesis block's
            "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", // P2SH
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", // bech32, v0, 20 bytes, upper case
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", // v0, 32 bytes
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", // taproot, bech32m
    })
    void validAddressesAreAccepted(String address) {
        assertEquals(address, BitcoinAddress.parse(address).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", // checksum
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0", // 0 is not base58
            "2A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", // checksum
            "bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du", // v2 with a bech32 (not bech32m) checksum
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kV8f3t4", // mixed case
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", // v1 with a bech32 checksum
            "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", // testnet
            "",
    })
    void invalidAddressesAreRefusedNamingTheField(String address) {
        DomainException e = assertThrows(DomainException.class, () -> BitcoinAddress.parse(address));
        assertEquals(InvalidMethodDetails.ADDRESS_INVALID, e.code());
        assertEquals("bitcoin.address", e.field());
    }
}
