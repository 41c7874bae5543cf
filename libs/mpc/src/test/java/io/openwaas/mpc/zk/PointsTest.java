package io.openwaas.mpc.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Secp256k1;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointsTest {

    private static final Secp256k1 G = Secp256k1.GROUP;

    @Test
    void ladderAgreesWithTheReferenceMultiplyOnEdgeAndRandomScalars() {
        EcPoint p = G.mulBase(G.randomScalar(ZkFixtures.RND));
        BigInteger q = G.order();
        List<BigInteger> ks = List.of(BigInteger.ONE, BigInteger.TWO, q.subtract(BigInteger.ONE), q.add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE),
                BigInteger.valueOf(-5), BigInteger.ONE.shiftLeft(700).add(BigInteger.TEN),
                G.randomScalar(ZkFixtures.RND), G.randomScalar(ZkFixtures.RND));
        for (BigInteger k : ks) {
            assertEquals(p.multiply(k), Points.mulSecret(p, k), "k = " + k);
        }
        assertTrue(Points.mulSecret(p, q).isIdentity());
        assertTrue(Points.mulSecret(p, BigInteger.ZERO).isIdentity());
        assertEquals(G.mulBase(BigInteger.valueOf(7)), Points.mul(G, G.generator(), BigInteger.valueOf(7)));
    }
}
