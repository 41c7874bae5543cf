package io.openwaas.mpc.ecdsa2p;

import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.P1;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.P2;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.P3;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.RND;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.randomHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.Interceptor;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.dkg.InProcessDkg;
import io.openwaas.mpc.dkg.KeyShare;
import io.openwaas.mpc.paillier.PaillierTestKeys;
import io.openwaas.mpc.zk.RingPedersenParams;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A malicious party that sends an invalid proof, an out-of-range value or a replayed message, in key generation,
 * pairwise setup and signing, is detected and named. (Equivocating broadcasts do not apply: every message of this
 * package is point-to-point between exactly two parties.)
 */
class MaliciousPartyTest {

    private static void assertBlamed(AbortReason reason, PartyId culprit, Runnable run) {
        MpcAbortException e = assertThrows(MpcAbortException.class, run::run);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(Set.of(culprit), e.culprits(), e.getMessage());
    }

    private static SignContext ctx(SignContext.Mode mode) {
        return SignContext.of(SessionId.random(), randomHash(), mode);
    }

    @Test
    void p2SendingAnInvalidNonceProofIsNamed() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        Interceptor flip = (round, from, to, bytes) -> {
            if (round != 2) {
                return List.of(bytes);
            }
            byte[] out = bytes.clone();
            out[out.length - 1] ^= 1; // last byte of the Schnorr response
            return List.of(out);
        };
        assertBlamed(AbortReason.INVALID_PROOF, P2,
                () -> new InProcessEcdsa2p(flip, RND).sign(k.p1(), k.p2(), ctx(SignContext.Mode.GLOBAL_ABORT)));
    }

    @Test
    void p1OpeningAnotherNonceThanItCommittedToIsNamed() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        SignContext c = ctx(SignContext.Mode.GLOBAL_ABORT);
        SignRound1 honest = SignRound1.start(k.p1(), c, RND);
        SignRound1 other = SignRound1.start(k.p1(), c, RND);
        SignRound2 b2 = SignRound2.start(k.p2(), c, honest.message(), RND);
        SignRound3 otherOpening = other.next(b2.message());
        assertBlamed(AbortReason.INVALID_PROOF, P1, () -> b2.next(otherOpening.message()));
    }

    @Test
    void p2SendingAnOutOfRangeCiphertextIsNamed() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.copy();
        BigInteger n2 = k.p1().paillierPublicKey().modulusSquared();
        for (BigInteger bad : List.of(BigInteger.ZERO, n2, n2.add(BigInteger.ONE), k.p1().paillierPublicKey().modulus())) {
            Interceptor evil = (round, from, to, bytes) -> round != 4 ? List.of(bytes)
                    : List.of(SignMessage4.parse(bytes).withC3(bad).toBytes());
            assertBlamed(AbortReason.OUT_OF_RANGE, P2,
                    () -> new InProcessEcdsa2p(evil, RND).sign(k.p1(), k.p2(), ctx(SignContext.Mode.GLOBAL_ABORT)));
        }
        assertFalse(k.p1().isFrozen(), "an envelope-level rejection happens before decryption: no freeze");
    }

    @Test
    void replayedMessagesAreNamed() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        for (int replayRound = 1; replayRound <= 4; replayRound++) {
            int r = replayRound;
            Interceptor twice = (round, from, to, bytes) -> round == r ? List.of(bytes, bytes) : List.of(bytes);
            PartyId sender = r % 2 == 1 ? P1 : P2;
            assertBlamed(AbortReason.REPLAYED_MESSAGE, sender,
                    () -> new InProcessEcdsa2p(twice, RND).sign(k.p1(), k.p2(), ctx(SignContext.Mode.GLOBAL_ABORT)));
        }
    }

    @Test
    void aMessageClaimingAnotherSenderIsNamed() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        SignContext c = ctx(SignContext.Mode.GLOBAL_ABORT);
        SignRound1 a1 = SignRound1.start(k.p1(), c, RND);
        SignRound2 b2 = SignRound2.start(k.p2(), c, a1.message(), RND);
        SignMessage2 m = b2.message();
        SignMessage2 spoofed = new SignMessage2(MessageHeader.direct(Ecdsa2p.SIGN, 2, c.session(), P3, P1), m.r2(),
                SignMessage2.parse(m.toBytes()).proofForTest());
        assertBlamed(AbortReason.UNEXPECTED_SENDER, P3, () -> a1.next(spoofed));
    }

    @Test
    void malformedBytesAreNamed() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        Interceptor trailing = (round, from, to, bytes) -> round != 3 ? List.of(bytes)
                : List.of(java.util.Arrays.copyOf(bytes, bytes.length + 1));
        assertBlamed(AbortReason.MALFORMED_MESSAGE, P1,
                () -> new InProcessEcdsa2p(trailing, RND).sign(k.p1(), k.p2(), ctx(SignContext.Mode.PROVED)));
    }

    @Test
    void twoOfThreeHolderSendingBadSetupParametersIsNamed() {
        Map<PartyId, KeyShare> dkg = InProcessDkg.run(Secp256k1.GROUP, 2, List.of(P1, P2, P3));
        // holder 3 (P2 of pairs {1,3} and {2,3}) sends t = 1 as ring-Pedersen generator in its aux setup; the
        // setup is verified once, in the aux setup session, before any pair setup uses it
        Interceptor evil3 = (round, from, to, bytes) -> {
            if (round != 1 || !from.equals(P3)) {
                return List.of(bytes);
            }
            AuxSetup m = AuxSetup.parse(bytes);
            RingPedersenParams p = m.params();
            return List.of(m.with(m.owner(), m.session(), new RingPedersenParams(p.modulus(), p.s(), BigInteger.ONE),
                    m.proof()).toBytes());
        };
        assertBlamed(AbortReason.OUT_OF_RANGE, P3, () -> new InProcessEcdsa2p(evil3, RND).auxSetup(SessionId.random(),
                Map.of(P1, PaillierTestKeys.key(8), P3, PaillierTestKeys.key(9))));
        // and a pair setup refuses a peer aux setup that is not that peer's
        assertThrows(IllegalArgumentException.class, () -> TwoOfThree.startAsP2(SessionId.random(), dkg.get(P3), P1,
                Ecdsa2pFixtures.aux(P3).own(), Ecdsa2pFixtures.aux(P3).peer(P2), RND));
    }
}
