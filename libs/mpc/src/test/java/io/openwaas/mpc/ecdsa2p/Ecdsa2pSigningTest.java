package io.openwaas.mpc.ecdsa2p;

import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.P1;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.P2;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.P3;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.assertValid;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.randomHash;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.ecdsa.EcdsaSignature;
import io.openwaas.crypto.hd.Bip32Version;
import io.openwaas.crypto.hd.DerivationPath;
import io.openwaas.crypto.hd.ExtendedPublicKey;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.WireFormatException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** In-process two-party runs (2-of-2, HD, 2-of-3 with each pair) verified by an independent verifier. */
class Ecdsa2pSigningTest {

    private final InProcessEcdsa2p harness = new InProcessEcdsa2p();

    @Test
    void twoOfTwoKeygenGivesConsistentShares() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        assertEquals(k.p1().publicKey(), k.p2().publicKey());
        assertEquals(k.p1().q1(), k.p2().q1());
        assertEquals(k.p1().q2(), k.p2().q2());
        assertEquals(k.p1().cKey(), k.p2().cKey());
        assertEquals(Secp256k1.GROUP.mulBase(k.p1().x1().value().add(k.p2().x2().value())), k.p1().publicKey());
        assertEquals(k.p1().paillierPublicKey(), k.p2().peerPaillier());
        assertFalse(k.p1().isFrozen());
    }

    @Test
    void twoOfTwoSignsInGlobalAbortMode() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        for (int i = 0; i < 3; i++) {
            byte[] hash = randomHash();
            EcdsaSignature sig = harness.sign(k.p1(), k.p2(),
                    SignContext.of(SessionId.random(), hash, SignContext.Mode.GLOBAL_ABORT));
            assertValid(k.p1().publicKey(), hash, sig);
        }
    }

    @Test
    void twoOfTwoSignsWithProvedLastMessage() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        byte[] hash = randomHash();
        EcdsaSignature sig = harness.sign(k.p1(), k.p2(),
                SignContext.of(SessionId.random(), hash, SignContext.Mode.PROVED));
        assertValid(k.p1().publicKey(), hash, sig);
    }

    @Test
    void signingWithPrecomputedPaillierNoiseInBothModes() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        java.util.ArrayDeque<io.openwaas.mpc.paillier.PaillierNoise> pool = new java.util.ArrayDeque<>();
        for (int i = 0; i < 3; i++) {
            pool.add(k.p2().peerPaillier().noise(Ecdsa2pFixtures.RND));
        }
        for (SignContext.Mode mode : SignContext.Mode.values()) {
            byte[] hash = randomHash();
            EcdsaSignature sig = harness.sign(k.p1(), k.p2(), SignContext.of(SessionId.random(), hash, mode),
                    pool::remove);
            assertValid(k.p1().publicKey(), hash, sig);
        }
        assertTrue(pool.isEmpty(), "one noise value per signature, plus one for the proof in proved mode");
    }

    @Test
    void hdSigningUnderNonHardenedChildKeyInBothModes() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        byte[] chainCode = randomHash();
        ExtendedPublicKey root = ExtendedPublicKey.root(Bip32Version.values()[0],
                (Secp256k1Point) k.p1().publicKey(), chainCode);
        ExtendedPublicKey.Derived child = root.deriveWithTweak(DerivationPath.parse("m/0/7/1"));
        EcPoint childKey = child.key().publicKey();
        assertNotEquals(k.p1().publicKey(), childKey);
        for (SignContext.Mode mode : SignContext.Mode.values()) {
            byte[] hash = randomHash();
            EcdsaSignature sig = harness.sign(k.p1(), k.p2(),
                    new SignContext(SessionId.random(), hash, child.tweak(), mode));
            assertValid(childKey, hash, sig);
        }
    }

    @Test
    void twoOfThreeEverySigningPairSignsInBothModes() {
        Map<PartyId, TwoOfThreeShare> shares = Ecdsa2pFixtures.twoOfThree();
        EcPoint q = shares.get(P1).publicKey();
        assertEquals(q, shares.get(P2).publicKey());
        assertEquals(q, shares.get(P3).publicKey());
        for (List<PartyId> pair : List.of(List.of(P1, P2), List.of(P1, P3), List.of(P2, P3))) {
            for (SignContext.Mode mode : SignContext.Mode.values()) {
                byte[] hash = randomHash();
                EcdsaSignature sig = harness.signTwoOfThree(shares.get(pair.get(1)), shares.get(pair.get(0)),
                        SignContext.of(SessionId.random(), hash, mode));
                assertValid(q, hash, sig);
            }
        }
    }

    @Test
    void twoOfThreePublicKeyIsTheDkgKeyAndHdWorks() {
        Map<PartyId, TwoOfThreeShare> shares = Ecdsa2pFixtures.twoOfThree();
        EcPoint q = shares.get(P2).publicKey();
        ExtendedPublicKey.Derived child = ExtendedPublicKey.root(Bip32Version.values()[0], (Secp256k1Point) q,
                randomHash()).deriveWithTweak(DerivationPath.parse("m/44/0/0"));
        byte[] hash = randomHash();
        EcdsaSignature sig = harness.signTwoOfThree(shares.get(P2), shares.get(P3),
                new SignContext(SessionId.random(), hash, child.tweak(), SignContext.Mode.GLOBAL_ABORT));
        assertValid(child.key().publicKey(), hash, sig);
    }

    @Test
    void keySharesRoundTripCanonicallyAndStillSign() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        byte[] b1 = k.p1().toBytes();
        byte[] b2 = k.p2().toBytes();
        P1KeyShare p1 = P1KeyShare.parse(b1);
        P2KeyShare p2 = P2KeyShare.parse(b2);
        assertArrayEquals(b1, p1.toBytes());
        assertArrayEquals(b2, p2.toBytes());
        byte[] hash = randomHash();
        assertValid(k.p1().publicKey(), hash, harness.sign(p1, p2,
                SignContext.of(SessionId.random(), hash, SignContext.Mode.GLOBAL_ABORT)));
        TwoOfThreeShare s3 = Ecdsa2pFixtures.twoOfThree().get(P3);
        byte[] b3 = s3.toBytes();
        assertArrayEquals(b3, TwoOfThreeShare.parse(b3).toBytes());
    }

    @Test
    void tamperedOrTruncatedKeySharesAreRejected() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        byte[] b1 = k.p1().toBytes();
        byte[] wrongVersion = b1.clone();
        wrongVersion[2] = 9;
        assertThrows(WireFormatException.class, () -> P1KeyShare.parse(wrongVersion));
        byte[] truncated = java.util.Arrays.copyOf(b1, b1.length - 1);
        assertThrows(WireFormatException.class, () -> P1KeyShare.parse(truncated));
        // flip a bit of x1 (right after self, peer and three 33-byte points): x1·G no longer matches Q1
        byte[] b2 = k.p2().toBytes();
        byte[] x2flip = b2.clone();
        int x2Offset = indexOf(b2, k.p2().q2().encode()) + 33;
        x2flip[x2Offset + 31] ^= 1;
        assertThrows(WireFormatException.class, () -> P2KeyShare.parse(x2flip));
    }

    @Test
    void secretsAreRedactedAndDestroyable() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.copy();
        String s = k.p1().toString() + k.p2().toString();
        assertFalse(s.contains(k.p1().x1().value().toString(16)));
        assertTrue(s.contains("redacted"));
        k.p2().destroy();
        assertTrue(k.p2().isDestroyed());
        k.p1().destroy();
        assertTrue(k.p1().isDestroyed());
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
