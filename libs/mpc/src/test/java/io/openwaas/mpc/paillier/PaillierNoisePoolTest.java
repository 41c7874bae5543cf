package io.openwaas.mpc.paillier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaillierNoisePoolTest {

    private static final SecureRandom RND = new SecureRandom();

    @Test
    void valuesAreCorrectSingleUseAndBounded() {
        PaillierPrivateKey sk = PaillierTestKeys.key(0);
        PaillierPublicKey pk = sk.publicKey();
        PaillierNoisePool pool = new PaillierNoisePool(pk, 3, RND);
        assertEquals(0, pool.size());
        assertEquals(3, pool.refill());
        assertEquals(0, pool.refill());
        assertEquals(3, pool.size());
        Set<BigInteger> seen = new HashSet<>();
        for (int i = 0; i < 5; i++) { // 3 pooled, then 2 computed inline
            PaillierNoise n = pool.get();
            assertTrue(seen.add(n.r()), "a value was handed out twice");
            assertEquals(n.r().modPow(pk.modulus(), pk.modulusSquared()), n.rToN());
            BigInteger m = BigInteger.valueOf(1000 + i);
            assertEquals(m, sk.decrypt(pk.encrypt(m, n)));
        }
        assertEquals(0, pool.size());
        pool.refill();
        pool.clear();
        assertEquals(0, pool.size());
        assertTrue(pool.toString().contains("redacted"));
        assertFalse(pool.toString().contains(seen.iterator().next().toString(16)));
        assertThrows(IllegalArgumentException.class, () -> new PaillierNoisePool(pk, 0, RND));
    }
}
