package io.openwaas.mpc.reshare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.schnorr.Bip340;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.dkg.InProcessDkg;
import io.openwaas.mpc.dkg.KeyShare;
import io.openwaas.mpc.frost.FrostScheme;
import io.openwaas.mpc.frost.FrostSignature;
import io.openwaas.mpc.frost.InProcessFrost;
import io.openwaas.mpc.frost.SigningRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Resharing: 2-of-2 → 2-of-3 and back to 2-of-2, and to a disjoint committee with a higher threshold; after every
 * reshare the group key is unchanged, every signing quorum of the new sharing produces a signature that an
 * independent verifier accepts (BouncyCastle Ed25519, libs/crypto BIP-340), and old shares cannot sign together
 * with new ones.
 */
class ReshareTest {

    static final byte[] MSG = "reshare then sign".getBytes(StandardCharsets.UTF_8);

    static Stream<FrostScheme> schemes() {
        return Stream.of(FrostScheme.ED25519, FrostScheme.BIP340);
    }

    static List<PartyId> ids(int... v) {
        List<PartyId> l = new ArrayList<>();
        for (int i : v) {
            l.add(PartyId.of(i));
        }
        return l;
    }

    /** Every subset of size {@code t} of {@code from}. */
    static List<List<PartyId>> subsets(List<PartyId> from, int t) {
        List<List<PartyId>> out = new ArrayList<>();
        for (int mask = 0; mask < (1 << from.size()); mask++) {
            if (Integer.bitCount(mask) == t) {
                List<PartyId> l = new ArrayList<>();
                for (int i = 0; i < from.size(); i++) {
                    if ((mask & (1 << i)) != 0) {
                        l.add(from.get(i));
                    }
                }
                out.add(l);
            }
        }
        return out;
    }

    /** Signs with every minimal quorum ({@code t} holders) of the sharing and verifies independently. */
    static void assertSignsWithEveryPair(FrostScheme scheme, Map<PartyId, KeyShare> shares) {
        var key = shares.values().iterator().next().groupKey();
        for (List<PartyId> quorum : subsets(key.parties(), key.threshold())) {
            FrostSignature sig = InProcessFrost.sign(shares, SigningRequest.of(scheme, SessionId.random(), quorum, MSG));
            assertTrue(independentVerify(scheme, key.publicKey().encode(), sig.signature()), "quorum " + quorum);
        }
    }

    static boolean independentVerify(FrostScheme scheme, byte[] groupKey, byte[] sig) {
        if (scheme == FrostScheme.ED25519) {
            return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig, 0, groupKey, 0, MSG, 0, MSG.length);
        }
        return Bip340.verify(Arrays.copyOfRange(groupKey, 1, 33), MSG, sig);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void twoOfTwoToTwoOfThreeAndBack(FrostScheme scheme) {
        EcGroup g = scheme.group();
        Map<PartyId, KeyShare> v1 = InProcessDkg.run(g, 2, ids(1, 2));
        var y = v1.get(PartyId.of(1)).groupKey().publicKey();

        Map<PartyId, KeyShare> v2 = InProcessReshare.run(v1, ids(1, 2), 2, ids(1, 2, 3));
        assertEquals(3, v2.size());
        for (KeyShare s : v2.values()) {
            assertEquals(y, s.groupKey().publicKey());
            assertEquals(2, s.groupKey().threshold());
            assertFalse(Arrays.equals(v1.get(PartyId.of(1)).groupKey().keyId(), s.groupKey().keyId()));
        }
        assertSignsWithEveryPair(scheme, v2);

        // Back to 2-of-2, dealt by each possible pair of the 2-of-3 holders.
        for (List<PartyId> dealers : List.of(ids(1, 2), ids(1, 3), ids(2, 3))) {
            Map<PartyId, KeyShare> v3 = InProcessReshare.run(v2, dealers, 2, ids(1, 2));
            assertEquals(y, v3.get(PartyId.of(2)).groupKey().publicKey());
            assertSignsWithEveryPair(scheme, v3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void toADisjointCommitteeWithAHigherThreshold(FrostScheme scheme) {
        Map<PartyId, KeyShare> v1 = InProcessDkg.run(scheme.group(), 2, ids(1, 2, 3));
        Map<PartyId, KeyShare> v2 = InProcessReshare.run(v1, ids(1, 3), 3, ids(4, 5, 6, 7));
        assertEquals(v1.get(PartyId.of(1)).groupKey().publicKey(), v2.get(PartyId.of(4)).groupKey().publicKey());
        assertSignsWithEveryPair(scheme, v2);
        // A stored new share survives encoding.
        KeyShare s = KeyShare.parse(v2.get(PartyId.of(5)).toBytes());
        assertArrayEquals(v2.get(PartyId.of(5)).toBytes(), s.toBytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void oldSharesCannotSignWithNewOnes(FrostScheme scheme) {
        Map<PartyId, KeyShare> v1 = InProcessDkg.run(scheme.group(), 2, ids(1, 2, 3));
        Map<PartyId, KeyShare> v2 = InProcessReshare.run(v1, ids(1, 2), 2, ids(1, 2, 3));
        Map<PartyId, KeyShare> mixed = new TreeMap<>();
        mixed.put(PartyId.of(1), v2.get(PartyId.of(1)));
        mixed.put(PartyId.of(2), v1.get(PartyId.of(2)));
        var e = assertThrows(MpcAbortException.class, () -> InProcessFrost.sign(mixed,
                SigningRequest.of(scheme, SessionId.random(), ids(1, 2), MSG)));
        assertEquals(AbortReason.PUBLIC_KEY_MISMATCH, e.reason());
        assertEquals(1, e.culprits().size());
        // And the old and the new sharing each still sign on their own.
        assertSignsWithEveryPair(scheme, v1);
        assertSignsWithEveryPair(scheme, v2);
        // Bip340 only: the x-only key is the same for old and new.
        if (scheme == FrostScheme.BIP340) {
            assertArrayEquals(((Secp256k1Point) v1.get(PartyId.of(3)).groupKey().publicKey()).xOnly(),
                    ((Secp256k1Point) v2.get(PartyId.of(3)).groupKey().publicKey()).xOnly());
        }
    }
}
