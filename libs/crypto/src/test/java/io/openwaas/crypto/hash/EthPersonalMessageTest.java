package io.openwaas.crypto.hash;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Sign;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** EIP-191 {@code personal_sign} hashes, checked against web3j's independent implementation. */
class EthPersonalMessageTest {

    @Test
    void matchesWeb3j() {
        Random random = new Random(191);
        for (int n : new int[] {0, 1, 5, 9, 10, 11, 32, 99, 100, 1000}) {
            byte[] m = new byte[n];
            random.nextBytes(m);
            assertArrayEquals(Sign.getEthereumMessageHash(m), Hashes.ethPersonalMessage(m), "length " + n);
        }
        byte[] hello = "Hello World".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(Sign.getEthereumMessageHash(hello), Hashes.ethPersonalMessage(hello));
    }
}
