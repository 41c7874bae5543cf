package io.openwaas.mpc.frost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Ed25519Point;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.hd.Bip32Version;
import io.openwaas.crypto.hd.DerivationPath;
import io.openwaas.crypto.hd.Ed25519ExtendedPublicKey;
import io.openwaas.crypto.hd.ExtendedPublicKey;
import io.openwaas.crypto.schnorr.Bip340;
import io.openwaas.crypto.schnorr.Taproot;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.dkg.KeyShare;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end FROST signing after a DKG, for 2-of-2 and 2-of-3 with every signing pair (and 3-of-5 / 4-of-7 samples),
 * for Ed25519 and BIP-340; every signature is checked with an independent verifier — BouncyCastle's RFC 8032
 * {@code Ed25519.verify} and libs/crypto's {@code Bip340.verify} — under the DKG's group key (or the HD / Taproot
 * child key computed by libs/crypto).
 */
class FrostSigningTest {

    static final byte[] MSG = "pay 1 BTC to bob".getBytes(StandardCharsets.UTF_8);

    static boolean bcEd25519(byte[] pk, byte[] msg, byte[] sig) {
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig, 0, pk, 0, msg, 0, msg.length);
    }

    static Stream<Arguments> quorums() {
        List<Arguments> a = new ArrayList<>();
        for (FrostScheme s : List.of(FrostScheme.ED25519, FrostScheme.BIP340)) {
            a.add(Arguments.of(s, 2, 2, List.of(1, 2)));
            a.add(Arguments.of(s, 2, 3, List.of(1, 2)));
            a.add(Arguments.of(s, 2, 3, List.of(1, 3)));
            a.add(Arguments.of(s, 2, 3, List.of(2, 3)));
            a.add(Arguments.of(s, 2, 3, List.of(1, 2, 3)));
            a.add(Arguments.of(s, 3, 5, List.of(2, 4, 5)));
            a.add(Arguments.of(s, 4, 7, List.of(1, 3, 6, 7)));
        }
        return a.stream();
    }

    static List<PartyId> pids(List<Integer> l) {
        List<PartyId> out = new ArrayList<>();
        l.forEach(i -> out.add(PartyId.of(i)));
        return out;
    }

    @ParameterizedTest(name = "{0} {1}-of-{2} signers {3}")
    @MethodSource("quorums")
    void signsAndVerifiesIndependently(FrostScheme scheme, int t, int n, List<Integer> signers) {
        Map<PartyId, KeyShare> shares = Keys.dkg(scheme.group(), t, n);
        var key = shares.get(PartyId.of(1)).groupKey();
        FrostSignature sig = InProcessFrost.sign(shares, SigningRequest.of(scheme, Keys.session(), pids(signers), MSG));
        if (scheme == FrostScheme.ED25519) {
            assertArrayEquals(key.publicKey().encode(), sig.verifyingKey());
            assertTrue(bcEd25519(key.publicKey().encode(), MSG, sig.signature()), "BouncyCastle Ed25519 verify");
            assertFalse(bcEd25519(key.publicKey().encode(), "other".getBytes(StandardCharsets.UTF_8), sig.signature()));
        } else {
            byte[] x = ((Secp256k1Point) key.publicKey()).xOnly();
            assertArrayEquals(x, sig.verifyingKey());
            assertTrue(Bip340.verify(x, MSG, sig.signature()), "libs/crypto BIP-340 verify");
            assertFalse(Bip340.verify(x, "other".getBytes(StandardCharsets.UTF_8), sig.signature()));
        }
    }

    @Test
    void rfc9591Secp256k1SchemeSignsToo() {
        Map<PartyId, KeyShare> shares = Keys.dkg(Secp256k1.GROUP, 2, 3);
        FrostSignature sig = InProcessFrost.sign(shares,
                SigningRequest.of(FrostScheme.SECP256K1_SHA256, Keys.session(), pids(List.of(1, 3)), MSG));
        assertEquals(65, sig.signature().length);
        assertTrue(Rfc9591.verify(Ciphersuite.SECP256K1_SHA256, shares.get(PartyId.of(1)).groupKey().publicKey(), MSG,
                sig.signature()));
    }

    @Test
    void hdChildKeyEd25519ViaLibsCryptoTweak() {
        Map<PartyId, KeyShare> shares = Keys.dkg(Ed25519Group.GROUP, 2, 3);
        var key = shares.get(PartyId.of(1)).groupKey();
        byte[] chain = new byte[32];
        chain[0] = 7;
        var root = Ed25519ExtendedPublicKey.root((Ed25519Point) key.publicKey(), chain);
        var derived = root.deriveWithTweak(DerivationPath.parse("m/44/501/0/0"));
        FrostSignature sig = InProcessFrost.sign(shares, new SigningRequest(FrostScheme.ED25519, Keys.session(),
                pids(List.of(2, 3)), MSG, List.of(Tweak.plain(derived.tweak()))));
        byte[] child = derived.key().publicKey().encode();
        assertArrayEquals(child, sig.verifyingKey());
        assertTrue(bcEd25519(child, MSG, sig.signature()), "BouncyCastle verify under the derived child key");
        assertFalse(bcEd25519(key.publicKey().encode(), MSG, sig.signature()));
    }

    @Test
    void hdChildKeyBip340ViaLibsCryptoTweak() {
        Map<PartyId, KeyShare> shares = Keys.dkg(Secp256k1.GROUP, 2, 3);
        var key = shares.get(PartyId.of(1)).groupKey();
        byte[] chain = new byte[32];
        chain[31] = 9;
        var root = ExtendedPublicKey.root(Bip32Version.XPUB, (Secp256k1Point) key.publicKey(), chain);
        var derived = root.deriveWithTweak(DerivationPath.parse("m/0/5"));
        FrostSignature sig = InProcessFrost.sign(shares, new SigningRequest(FrostScheme.BIP340, Keys.session(),
                pids(List.of(1, 3)), MSG, List.of(Tweak.plain(derived.tweak()))));
        byte[] child = derived.key().publicKey().xOnly();
        assertArrayEquals(child, sig.verifyingKey());
        assertTrue(Bip340.verify(child, MSG, sig.signature()));
    }

    @Test
    void taprootKeyPathWithHdTweak() {
        Map<PartyId, KeyShare> shares = Keys.dkg(Secp256k1.GROUP, 2, 3);
        var key = shares.get(PartyId.of(1)).groupKey();
        BigInteger hd = new BigInteger("1234567890abcdef", 16);
        byte[] merkle = new byte[32];
        merkle[5] = 1;
        for (byte[] root : new byte[][] {null, merkle}) {
            FrostSignature sig = InProcessFrost.sign(shares, new SigningRequest(FrostScheme.BIP340, Keys.session(),
                    pids(List.of(2, 3)), MSG, SigningRequest.taproot(key, hd, root)));
            Secp256k1Point internal = ((Secp256k1Point) key.publicKey()).add(Secp256k1.GROUP.mulBase(hd));
            byte[] output = Taproot.tweakPublicKey(internal.xOnly(), root).outputKey();
            assertArrayEquals(output, sig.verifyingKey(), "BIP-341 output key from libs/crypto");
            assertTrue(Bip340.verify(output, MSG, sig.signature()));
        }
    }

    @Test
    void twoSessionsOnTheSameMessageGetDifferentNonces() {
        // Threat line 13: randomised nonces — the same request content signed twice gives different R.
        Map<PartyId, KeyShare> shares = Keys.dkg(Ed25519Group.GROUP, 2, 3);
        byte[] r1 = java.util.Arrays.copyOf(InProcessFrost.sign(shares,
                SigningRequest.of(FrostScheme.ED25519, Keys.session(), pids(List.of(1, 2)), MSG)).signature(), 32);
        byte[] r2 = java.util.Arrays.copyOf(InProcessFrost.sign(shares,
                SigningRequest.of(FrostScheme.ED25519, Keys.session(), pids(List.of(1, 2)), MSG)).signature(), 32);
        assertFalse(java.util.Arrays.equals(r1, r2));
    }

    @Test
    void externalCoordinatorAggregatesAndNamesAnEquivocator() {
        // The tss-service deployment: the aggregator holds no share (self = null) and relays nothing itself.
        Map<PartyId, KeyShare> shares = Keys.dkg(Ed25519Group.GROUP, 2, 3);
        var key = shares.get(PartyId.of(1)).groupKey();
        List<PartyId> signers = pids(List.of(2, 3));
        SigningRequest req = SigningRequest.of(FrostScheme.ED25519, Keys.session(), signers, MSG);
        Aggregator agg = new Aggregator(key, req, null);
        Round1.Output a = Round1.commit(shares.get(PartyId.of(2)), req);
        Round1.Output b = Round1.commit(shares.get(PartyId.of(3)), req);
        agg.receiveCommitment(PartyId.of(2), a.broadcast().toBytes());
        agg.receiveCommitment(PartyId.of(3), b.broadcast().toBytes());
        a.next().receive(PartyId.of(3), b.broadcast().toBytes());
        b.next().receive(PartyId.of(2), a.broadcast().toBytes());
        agg.receiveShare(PartyId.of(2), a.next().sign().toAggregator().toBytes());
        agg.receiveShare(PartyId.of(3), b.next().sign().toAggregator().toBytes());
        FrostSignature sig = agg.finish();
        assertTrue(bcEd25519(key.publicKey().encode(), MSG, sig.signature()));

        // P3 shows the coordinator a different commitment than it shows P2: named by the coordinator.
        SigningRequest req2 = SigningRequest.of(FrostScheme.ED25519, Keys.session(), signers, MSG);
        Aggregator agg2 = new Aggregator(key, req2, null);
        Round1.Output c = Round1.commit(shares.get(PartyId.of(2)), req2);
        Round1.Output d = Round1.commit(shares.get(PartyId.of(3)), req2);
        Round1.Output dAlt = Round1.commit(shares.get(PartyId.of(3)), req2);
        agg2.receiveCommitment(PartyId.of(2), c.broadcast().toBytes());
        agg2.receiveCommitment(PartyId.of(3), dAlt.broadcast().toBytes());
        c.next().receive(PartyId.of(3), d.broadcast().toBytes());
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.openwaas.mpc.common.MpcAbortException.class,
                () -> agg2.receiveShare(PartyId.of(2), c.next().sign().toAggregator().toBytes()));
        assertEquals(io.openwaas.mpc.common.AbortReason.EQUIVOCATION, e.reason());
        assertEquals(java.util.Set.of(PartyId.of(3)), e.culprits());
    }
}
