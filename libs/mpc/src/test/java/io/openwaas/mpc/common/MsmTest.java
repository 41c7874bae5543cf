package io.openwaas.mpc.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Secp256k1;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The internal multi-scalar multiplication and fixed-base table agree with plain double-and-add. */
class MsmTest {

    static Stream<EcGroup> groups() {
        return Stream.of(Secp256k1.GROUP, Ed25519Group.GROUP);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void matchesNaiveMultiplication(EcGroup g) {
        SecureRandom r = new SecureRandom();
        for (int i = 0; i < 10; i++) {
            EcPoint p = g.mulBase(g.randomScalar(r));
            EcPoint q = g.mulBase(g.randomScalar(r));
            EcPoint s = g.mulBase(g.randomScalar(r));
            BigInteger a = g.randomScalar(r);
            BigInteger b = i == 0 ? BigInteger.ZERO : g.randomScalar(r);
            BigInteger c = i == 1 ? g.order().subtract(BigInteger.ONE) : g.randomScalar(r);
            EcPoint expected = p.multiply(a).add(q.multiply(b)).add(s.multiply(c));
            assertEquals(expected, Msm.sum(List.of(p, q, s), List.of(a, b, c)));
            assertEquals(p.multiply(a), FixedBaseTable.of(p).multiply(a));
            assertEquals(p.multiply(c), FixedBaseTable.of(p).multiply(c.add(g.order())));
            assertNotEquals(p.multiply(a), FixedBaseTable.of(p).multiply(a.add(BigInteger.ONE)));
        }
        EcPoint p = g.mulBase(BigInteger.TEN);
        assertSame(FixedBaseTable.of(p), FixedBaseTable.of(g.mulBase(BigInteger.TEN)));
    }
}
