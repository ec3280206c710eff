package dev.paysuite.methods.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paysuite.kernel.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EIP-55's own examples, and Keccak-256's known digests. */
class EthereumAddressTest {

    @Test
    void keccak256GivesEthereumsDigestsNotSha3s() {
        assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                HexFormat.of().formatHex(Keccak256.digest(new byte[0])));
        assertEquals("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
                HexFormat.of().formatHex(Keccak256.digest("abc".getBytes(StandardCharsets.US_ASCII))));
        byte[] twoBlocks = new byte[200];
        assertEquals(32, Keccak256.digest(twoBlocks).length);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    })
    void checksummedAddressesAreAcceptedAsTheyAreWrittenInAnyOneCase(String address) {
        assertEquals(address, EthereumAddress.parse(address).value());
        assertEquals(address, EthereumAddress.parse(address.toLowerCase()).value());
        assertEquals(address, EthereumAddress.parse("0x" + address.substring(2).toUpperCase()).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", // one letter's case wrong
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae", // 39 digits
            "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg",
            "",
    })
    void otherAddressesAreRefusedNamingTheField(String address) {
        DomainException e = assertThrows(DomainException.class, () -> EthereumAddress.parse(address));
        assertEquals("address_invalid", e.code());
        assertEquals("ethereum.address", e.field());
    }
}
