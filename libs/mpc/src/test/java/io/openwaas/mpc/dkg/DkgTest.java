package io.openwaas.mpc.dkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.mpc.common.Bytes;
import io.openwaas.mpc.common.Lagrange;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.WireFormatException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DkgTest {

    static List<PartyId> ids(int n) {
        List<PartyId> l = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            l.add(PartyId.of(i));
        }
        return l;
    }

    static Stream<Arguments> configs() {
        List<Arguments> a = new ArrayList<>();
        for (EcGroup g : List.of(Secp256k1.GROUP, Ed25519Group.GROUP)) {
            a.add(Arguments.of(g, 2, 2));
            a.add(Arguments.of(g, 2, 3));
            a.add(Arguments.of(g, 3, 5));
            a.add(Arguments.of(g, 4, 7));
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} {1}-of-{2}")
    @MethodSource("configs")
    void everyQuorumReconstructsTheGroupKey(EcGroup g, int t, int n) {
        Map<PartyId, KeyShare> shares = InProcessDkg.run(g, t, ids(n));
        assertEquals(n, shares.size());
        GroupKey gk = shares.get(PartyId.of(1)).groupKey();
        for (KeyShare s : shares.values()) {
            assertEquals(gk, s.groupKey());
            assertEquals(t, s.groupKey().threshold());
        }
        // Every window of t consecutive holders interpolates to the same secret, whose public key is Y.
        BigInteger q = g.order();
        for (int start = 0; start + t <= n; start++) {
            List<PartyId> quorum = ids(n).subList(start, start + t);
            BigInteger secret = BigInteger.ZERO;
            for (PartyId p : quorum) {
                secret = secret.add(Lagrange.coefficient(p, quorum, q).multiply(shares.get(p).secretShare().value()));
            }
            assertEquals(gk.publicKey(), g.mulBase(secret.mod(q)));
        }
        // t − 1 shares interpolate to something else.
        List<PartyId> small = ids(n).subList(0, t - 1);
        if (small.size() >= 2) {
            BigInteger wrong = BigInteger.ZERO;
            for (PartyId p : small) {
                wrong = wrong.add(Lagrange.coefficient(p, small, q).multiply(shares.get(p).secretShare().value()));
            }
            assertNotEquals(gk.publicKey(), g.mulBase(wrong.mod(q)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void keyShareRoundTripsAndIsRedacted(EcGroup g) {
        Map<PartyId, KeyShare> shares = InProcessDkg.run(g, 2, ids(3));
        KeyShare s = shares.get(PartyId.of(2));
        byte[] enc = s.toBytes();
        KeyShare back = KeyShare.parse(enc);
        assertArrayEquals(enc, back.toBytes());
        assertTrue(back.secretShare().sameValue(s.secretShare()));
        assertEquals(s.groupKey(), GroupKey.parse(s.groupKey().toBytes()));
        assertFalse(s.toString().contains(Bytes.hex(s.secretShare().toBytes())));
        // Corrupt the secret share: parse must refuse (s·G != Y_i).
        byte[] bad = enc.clone();
        bad[bad.length - 1] ^= 1;
        assertThrows(WireFormatException.class, () -> KeyShare.parse(bad));
        // Trailing byte.
        byte[] longer = java.util.Arrays.copyOf(enc, enc.length + 1);
        assertThrows(WireFormatException.class, () -> KeyShare.parse(longer));
        s.destroy();
        assertTrue(s.isDestroyed());
    }

    static Stream<EcGroup> groups() {
        return Stream.of(Secp256k1.GROUP, Ed25519Group.GROUP);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void keyIdsDifferBetweenExecutions(EcGroup g) {
        var a = InProcessDkg.run(g, 2, ids(2)).get(PartyId.of(1)).groupKey();
        var b = InProcessDkg.run(g, 2, ids(2)).get(PartyId.of(1)).groupKey();
        assertFalse(java.util.Arrays.equals(a.keyId(), b.keyId()));
        assertNotEquals(a.publicKey(), b.publicKey());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void parametersAreValidated(EcGroup g) {
        var s = io.openwaas.mpc.common.SessionId.random();
        assertThrows(IllegalArgumentException.class, () -> new DkgParameters(g, s, 1, ids(3), PartyId.of(1)));
        assertThrows(IllegalArgumentException.class, () -> new DkgParameters(g, s, 4, ids(3), PartyId.of(1)));
        assertThrows(IllegalArgumentException.class, () -> new DkgParameters(g, s, 2, ids(8), PartyId.of(1)));
        assertThrows(IllegalArgumentException.class, () -> new DkgParameters(g, s, 2, ids(3), PartyId.of(4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void groupKeyRejectsAVerificationShareOffThePolynomial(EcGroup g) {
        GroupKey gk = InProcessDkg.run(g, 2, ids(3)).get(PartyId.of(1)).groupKey();
        java.util.Map<PartyId, io.openwaas.crypto.ec.EcPoint> ys = new java.util.TreeMap<>(gk.verificationShares());
        ys.put(PartyId.of(3), ys.get(PartyId.of(3)).add(g.generator()));
        assertThrows(IllegalArgumentException.class,
                () -> new GroupKey(g, gk.keyId(), 2, gk.parties(), gk.publicKey(), ys));
        ys.put(PartyId.of(3), gk.verificationShare(PartyId.of(3)));
        assertEquals(gk, new GroupKey(g, gk.keyId(), 2, gk.parties(), gk.publicKey(), ys));
    }
}
