package io.openwaas.mpc.ecdsa2p;

import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.P1;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.P2;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.P3;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.RND;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.assertValid;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.aux;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.auxSession;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.randomHash;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.Interceptor;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.WireFormatException;
import io.openwaas.mpc.paillier.PaillierTestKeys;
import io.openwaas.mpc.zk.RingPedersenProof;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The auxiliary (ring-Pedersen) setup: made and verified once, reused by key generations; persisted; and refused,
 * naming the party that presented it, when tampered with, replayed from another setup session, or belonging to
 * another party.
 */
class AuxSetupTest {

    private static MpcAbortException assertAbort(AbortReason reason, PartyId culprit, Runnable run) {
        MpcAbortException e = assertThrows(MpcAbortException.class, run::run);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(Set.of(culprit), e.culprits(), e.getMessage());
        return e;
    }

    @Test
    void aSetupVerifiedOnceIsReusedAcrossTwoKeygens() {
        InProcessEcdsa2p.AuxState a1 = aux(P1);
        InProcessEcdsa2p.AuxState a2 = aux(P2);
        InProcessEcdsa2p h = new InProcessEcdsa2p();
        InProcessEcdsa2p.KeyPair k1 = h.keygen(SessionId.random(), P1, P2, PaillierTestKeys.key(0), a1, a2);
        InProcessEcdsa2p.KeyPair k2 = h.keygen(SessionId.random(), P1, P2, PaillierTestKeys.key(2), a1, a2);
        assertNotEquals(k1.p1().publicKey(), k2.p1().publicKey());
        for (InProcessEcdsa2p.KeyPair k : List.of(k1, k2)) {
            // P2 holds P1's aux parameters as verified once; P1 the trapdoor of its own aux setup
            assertEquals(a1.own().params(), k.p2().peerRingPedersen());
            assertEquals(a2.peer(P1).params(), k.p2().peerRingPedersen());
            assertEquals(a1.own().params(), k.p1().ringPedersenParams());
            for (SignContext.Mode mode : SignContext.Mode.values()) {
                byte[] hash = randomHash();
                assertValid(k.p1().publicKey(), hash, h.sign(k.p1(), k.p2(), SignContext.of(SessionId.random(), hash,
                        mode)));
            }
        }
        // no ring-Pedersen proof travels in key generation any more: message 2 is Q2, its proof and two fingerprints
        SessionId s = SessionId.random();
        KeygenRound1 r1 = KeygenRound1.start(s, P1, P2, PaillierTestKeys.key(0), a1.own(), a1.peer(P2), RND);
        KeygenRound2 r2 = KeygenRound2.start(s, P2, P1, r1.message(), a2.own(), a2.peer(P1), RND);
        assertTrue(r2.message().toBytes().length < 1024, "message 2 is " + r2.message().toBytes().length + " B");
        // destroying a key share (here a stored copy) leaves the aux setup usable: shares hold their own trapdoor copy
        P1KeyShare stored = P1KeyShare.parse(k1.p1().toBytes());
        stored.destroy();
        assertTrue(stored.isDestroyed());
        assertTrue(!a1.own().isDestroyed());
        byte[] hash = randomHash();
        assertValid(k2.p1().publicKey(), hash, h.sign(k2.p1(), k2.p2(), SignContext.of(SessionId.random(), hash,
                SignContext.Mode.PROVED)));
    }

    @Test
    void setupsPersistAndReloadCanonically() {
        AuxSetupSecret own = aux(P2).own();
        AuxSetupSecret reloaded = AuxSetupSecret.parse(own.toBytes());
        assertTrue(reloaded.toString().contains("redacted"));
        assertTrue(!reloaded.toString().contains(reloaded.params().s().toString(16).substring(0, 16)));
        assertArrayEquals(own.toBytes(), reloaded.toBytes());
        assertEquals(own.verified(), reloaded.verified());
        VerifiedAuxSetup v = aux(P1).peer(P2);
        VerifiedAuxSetup v2 = VerifiedAuxSetup.parse(v.toBytes());
        assertEquals(v, v2);
        assertArrayEquals(v.fingerprint(), v2.fingerprint());
        assertEquals(P2, v2.owner());
        assertEquals(auxSession(), v2.session());
        AuxSetup sent = AuxSetup.parse(own.setup().toBytes());
        assertArrayEquals(own.setup().toBytes(), sent.toBytes());
        assertEquals(v, sent.verify(auxSession(), P2));
        // versioned and typed: a verified setup is not a secret, a truncated encoding is refused
        assertThrows(WireFormatException.class, () -> AuxSetupSecret.parse(v.toBytes()));
        byte[] b = v.toBytes();
        assertThrows(WireFormatException.class, () -> VerifiedAuxSetup.parse(java.util.Arrays.copyOf(b,
                b.length - 1)));
        byte[] v9 = b.clone();
        v9[2] = 9;
        assertThrows(WireFormatException.class, () -> VerifiedAuxSetup.parse(v9));
        // reloaded values work in a key generation
        InProcessEcdsa2p.AuxState p2Reloaded = new InProcessEcdsa2p.AuxState(reloaded, Map.of(P1,
                VerifiedAuxSetup.parse(aux(P2).peer(P1).toBytes())));
        InProcessEcdsa2p.KeyPair k = new InProcessEcdsa2p().keygen(SessionId.random(), P1, P2,
                PaillierTestKeys.key(3), aux(P1), p2Reloaded);
        byte[] hash = randomHash();
        assertValid(k.p1().publicKey(), hash, new InProcessEcdsa2p().sign(k.p1(), k.p2(),
                SignContext.of(SessionId.random(), hash, SignContext.Mode.PROVED)));
    }

    @Test
    void aTamperedSetupIsRejectedNamingItsSender() {
        AuxSetup honest = aux(P2).own().setup();
        RingPedersenProof p = honest.proof();
        List<BigInteger> z = new ArrayList<>(p.responses());
        z.set(5, z.get(5).add(BigInteger.ONE));
        io.openwaas.mpc.common.WireWriter w = io.openwaas.mpc.common.WireWriter.start(0x12FE, 1);
        w.writeCount(p.commitments().size());
        p.commitments().forEach(w::writeBigInteger);
        w.writeCount(z.size());
        z.forEach(w::writeBigInteger);
        RingPedersenProof bad = RingPedersenProof.read(io.openwaas.mpc.common.WireReader.open(w.toBytes(), 0x12FE, 1));
        AuxSetup tampered = AuxSetup.parse(honest.with(P2, honest.session(), honest.params(), bad).toBytes());
        MpcAbortException e = assertAbort(AbortReason.INVALID_PROOF, P2, () -> tampered.verify(auxSession(), P2));
        assertEquals(Ecdsa2p.AUX, e.protocol());
        // other parameters under the honest proof
        AuxSetup swapped = honest.with(P2, honest.session(), new io.openwaas.mpc.zk.RingPedersenParams(
                honest.params().modulus(), honest.params().t(), honest.params().s()), honest.proof());
        assertAbort(AbortReason.INVALID_PROOF, P2, () -> swapped.verify(auxSession(), P2));
    }

    @Test
    void aReplayedSetupFromAnotherSetupSessionIsRejected() {
        AuxSetup honest = aux(P2).own().setup();
        SessionId other = SessionId.random();
        // as made: names its own session
        assertAbort(AbortReason.WRONG_SESSION, P2, () -> honest.verify(other, P2));
        // relabelled to the expected session: the proof is bound to the original one
        AuxSetup relabelled = honest.with(P2, other, honest.params(), honest.proof());
        assertAbort(AbortReason.INVALID_PROOF, P2, () -> relabelled.verify(other, P2));
    }

    @Test
    void aForeignSetupIsRejectedNamingThePartyThatPresentedIt() {
        AuxSetup of3 = aux(P3).own().setup();
        // P2 presents holder 3's setup as is
        MpcAbortException e = assertAbort(AbortReason.UNEXPECTED_SENDER, P2, () -> of3.verify(auxSession(), P2));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        // P2 presents holder 3's setup relabelled as its own: the proof is bound to holder 3
        AuxSetup claimed = of3.with(P2, of3.session(), of3.params(), of3.proof());
        assertAbort(AbortReason.INVALID_PROOF, P2, () -> claimed.verify(auxSession(), P2));
        // and key generation refuses a verified setup of another party than the peer
        assertThrows(IllegalArgumentException.class, () -> KeygenRound1.start(SessionId.random(), P1, P2,
                PaillierTestKeys.key(0), aux(P1).own(), aux(P1).peer(P3), RND));
        assertThrows(IllegalArgumentException.class, () -> KeygenRound1.start(SessionId.random(), P1, P2,
                PaillierTestKeys.key(0), aux(P2).own(), aux(P1).peer(P2), RND));
        // nor may P1's Paillier key be an aux modulus
        assertThrows(IllegalArgumentException.class, () -> KeygenRound1.start(SessionId.random(), P1, P2,
                PaillierTestKeys.key(8), aux(P1).own(), aux(P1).peer(P2), RND));
    }

    @Test
    void aPeerUsingAnotherSetupThanTheVerifiedOneIsNamedAtKeygen() {
        // P2 runs a new aux setup session but P1 still holds (and verified) the old one
        AuxSetupSecret newer = AuxSetup.create(SessionId.random(), P2, PaillierTestKeys.key(10), RND);
        SessionId s = SessionId.random();
        KeygenRound1 r1 = KeygenRound1.start(s, P1, P2, PaillierTestKeys.key(0), aux(P1).own(), aux(P1).peer(P2), RND);
        KeygenRound2 r2 = KeygenRound2.start(s, P2, P1, r1.message(), newer, aux(P2).peer(P1), RND);
        MpcAbortException e = assertAbort(AbortReason.PROTOCOL_VIOLATION, P2, () -> r1.next(r2.message()));
        assertTrue(e.getMessage().contains("aux setup"), e.getMessage());
    }

    @Test
    void aDuplicatedSetupMessageIsNamedInTheSetupSession() {
        Interceptor twice = (round, from, to, bytes) -> from.equals(P1) ? List.of(bytes, bytes) : List.of(bytes);
        assertAbort(AbortReason.REPLAYED_MESSAGE, P1, () -> new InProcessEcdsa2p(twice, RND).auxSetup(
                SessionId.random(), Map.of(P1, PaillierTestKeys.key(8), P2, PaillierTestKeys.key(1))));
    }
}
