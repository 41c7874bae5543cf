package io.openwaas.crypto.schnorr;

import io.openwaas.crypto.keys.Secp256k1PrivateKey;
import io.openwaas.crypto.util.Hex;
import io.openwaas.crypto.vectors.Vectors;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Bip340VectorsTest {

    @Test
    void bip340Csv() {
        List<String> lines = Vectors.lines("bip340/test-vectors.csv");
        int passed = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            byte[] pub = Hex.decode(f[2]);
            byte[] msg = Hex.decode(f[4]);
            byte[] sig = Hex.decode(f[5]);
            boolean expected = "TRUE".equals(f[6]);
            if (!f[1].isEmpty()) {
                Secp256k1PrivateKey key = Secp256k1PrivateKey.wrap(Hex.decode(f[1]));
                assertEquals(f[2].toLowerCase(), Hex.encode(Bip340.xOnlyPublicKey(key)), "index " + f[0]);
                assertEquals(f[5].toLowerCase(), Hex.encode(Bip340.sign(key, msg, Hex.decode(f[3]))), "index " + f[0]);
            }
            assertEquals(expected, Bip340.verify(pub, msg, sig), "index " + f[0] + " " + f[7]);
            passed++;
        }
        assertEquals(19, passed);
        Vectors.report("bip340/test-vectors.csv", passed, "sign + verify");
    }
}
