package io.openwaas.mpc.ecdsa2p;

import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.P1;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.P2;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.RND;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.assertValid;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.aux;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.randomHash;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ecdsa.EcdsaSignature;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.Interceptor;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import io.openwaas.mpc.paillier.PaillierPublicKey;
import io.openwaas.mpc.paillier.PaillierTestKeys;
import io.openwaas.mpc.zk.RingPedersenParams;
import io.openwaas.mpc.zk.RingPedersenProof;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One negative test per applicable line of the threat checklist (reference/mpc-anchors.md §3), each asserting the
 * abort reason and the culprit. Lines not listed here do not apply to two-party ECDSA: 8 (Shamir indices: validated
 * by the DKG this package consumes), 12–15 and 21–22 (Schnorr/FROST/EdDSA), 17 (OT), 18 (no presignatures are
 * offered), 19 (timing: a benchmark matter, not a unit test).
 */
class Ecdsa2pThreatChecklistTest {

    private static MpcAbortException assertAbort(AbortReason reason, PartyId culprit, Runnable run) {
        MpcAbortException e = assertThrows(MpcAbortException.class, run::run);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(culprit == null ? Set.of() : Set.of(culprit), e.culprits(), e.getMessage());
        return e;
    }

    /** Runs keygen rounds 1–3 and hands P1's message 3 to {@code tamper} before P2's round 4. */
    private static void keygenWithP1Message3(java.util.function.UnaryOperator<KeygenMessage3> tamper) {
        SessionId session = SessionId.random();
        KeygenRound1 a1 = KeygenRound1.start(session, P1, P2, Ecdsa2pFixtures.p1Paillier(), aux(P1).own(),
                aux(P1).peer(P2), RND);
        KeygenRound2 b2 = KeygenRound2.start(session, P2, P1, a1.message(), aux(P2).own(), aux(P2).peer(P1), RND);
        KeygenRound3 a3 = a1.next(b2.message());
        b2.finish(tamper.apply(a3.message()));
    }

    /** Runs keygen round 1–2 and hands P2's message 2 to {@code tamper} before P1's round 3. */
    private static void keygenWithP2Message2(java.util.function.UnaryOperator<KeygenMessage2> tamper) {
        SessionId session = SessionId.random();
        KeygenRound1 a1 = KeygenRound1.start(session, P1, P2, Ecdsa2pFixtures.p1Paillier(), aux(P1).own(),
                aux(P1).peer(P2), RND);
        KeygenRound2 b2 = KeygenRound2.start(session, P2, P1, a1.message(), aux(P2).own(), aux(P2).peer(P1), RND);
        a1.next(tamper.apply(b2.message()));
    }

    @Test
    void line1_bitForge_p1ClaimingAModulusWithSixteenSmallFactorsIsRejectedAtKeygen() {
        BigInteger small = BigInteger.ONE;
        BigInteger p = BigInteger.valueOf(1 << 14);
        for (int i = 0; i < 16; i++) {
            p = p.nextProbablePrime();
            small = small.multiply(p);
        }
        BigInteger n = small.multiply(PaillierTestKeys.key(2).p()).multiply(PaillierTestKeys.key(2).q())
                .shiftRight(0);
        BigInteger forged = n.testBit(0) ? n : n.add(BigInteger.ONE);
        PaillierPublicKey bad = PaillierPublicKey.of(forged);
        MpcAbortException e = assertAbort(AbortReason.INVALID_PROOF, P1, () -> keygenWithP1Message3(
                m -> m.withResponse(m.response().withPaillier(bad, bad.encrypt(BigInteger.ONE)))));
        assertTrue(e.getMessage().contains("Π^mod"), e.getMessage());
    }

    @Test
    void line2_cve2023_33242_badLastMessageIsATerminalAbortThatFreezesTheKeyUntilRefresh() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.copy();
        PaillierPublicKey pk = k.p1().paillierPublicKey();
        // malicious P2: adds 1 to the plaintext of c3 (the "bit-probing" shape of the attack)
        Interceptor maliciousP2 = (round, from, to, bytes) -> round != 4 ? List.of(bytes)
                : List.of(SignMessage4.parse(bytes).withC3(pk.add(SignMessage4.parse(bytes).c3(),
                        pk.encrypt(BigInteger.ONE))).toBytes());
        InProcessEcdsa2p attacked = new InProcessEcdsa2p(maliciousP2, RND);
        assertAbort(AbortReason.INVALID_SIGNATURE, P2, () -> attacked.sign(k.p1(), k.p2(),
                SignContext.of(SessionId.random(), randomHash(), SignContext.Mode.GLOBAL_ABORT)));
        assertTrue(k.p1().isFrozen());
        // every later attempt is refused before any message is produced, even over an honest network
        InProcessEcdsa2p honest = new InProcessEcdsa2p();
        for (SignContext.Mode mode : SignContext.Mode.values()) {
            assertAbort(AbortReason.KEY_FROZEN, null, () -> honest.sign(k.p1(), k.p2(),
                    SignContext.of(SessionId.random(), randomHash(), mode)));
        }
        // the freeze survives storage
        P1KeyShare reloaded = P1KeyShare.parse(k.p1().toBytes());
        assertTrue(reloaded.isFrozen());
        assertAbort(AbortReason.KEY_FROZEN, null, () -> SignRound1.start(reloaded,
                SignContext.of(SessionId.random(), randomHash(), SignContext.Mode.GLOBAL_ABORT), RND));
        // an explicit refresh (new Paillier key) yields a working, unfrozen share for the same public key
        InProcessEcdsa2p.KeyPair fresh = honest.refresh(SessionId.random(), k.p1(), k.p2(), PaillierTestKeys.key(2),
                aux(P1), aux(P2));
        assertFalse(fresh.p1().isFrozen());
        assertEquals(k.p1().publicKey(), fresh.p1().publicKey());
        assertTrue(k.p1().isFrozen());
        byte[] hash = randomHash();
        assertValid(k.p1().publicKey(), hash, honest.sign(fresh.p1(), fresh.p2(),
                SignContext.of(SessionId.random(), hash, SignContext.Mode.GLOBAL_ABORT)));
    }

    @Test
    void line2_cve2023_33242_provedModeRejectsABadLastMessageBeforeDecryptingAndDoesNotFreeze() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.copy();
        PaillierPublicKey pk = k.p1().paillierPublicKey();
        Interceptor maliciousP2 = (round, from, to, bytes) -> round != 4 ? List.of(bytes)
                : List.of(SignMessage4.parse(bytes).withC3(pk.add(SignMessage4.parse(bytes).c3(),
                        pk.encrypt(BigInteger.ONE))).toBytes());
        MpcAbortException e = assertAbort(AbortReason.INVALID_PROOF, P2, () -> new InProcessEcdsa2p(maliciousP2, RND)
                .sign(k.p1(), k.p2(), SignContext.of(SessionId.random(), randomHash(), SignContext.Mode.PROVED)));
        assertTrue(e.getMessage().contains("Π^aff-R"), e.getMessage());
        assertFalse(k.p1().isFrozen());
    }

    @Test
    void line3_alphaRays_outOfRangeEncryptedShareIsRejectedAtKeygen() {
        // P1 encrypts x1 + 2^900·q: same discrete log, far outside the proven range ±2^(ℓ+ε)
        MpcAbortException e = assertAbort(AbortReason.INVALID_PROOF, P1, () -> {
            SessionId session = SessionId.random();
            KeygenRound1 a1 = KeygenRound1.start(session, P1, P2, Ecdsa2pFixtures.p1Paillier(), aux(P1).own(),
                    aux(P1).peer(P2), RND);
            KeygenRound2 b2 = KeygenRound2.start(session, P2, P1, a1.message(), aux(P2).own(), aux(P2).peer(P1),
                    RND);
            KeygenRound3 a3 = a1.next(b2.message());
            BigInteger x1 = a3.share().x1().value();
            SetupResponse forged = SetupResponse.create(Ecdsa2pFixtures.p1Paillier(),
                    x1.add(BigInteger.ONE.shiftLeft(900).multiply(Secp256k1.N)), a3.share().q1(),
                    aux(P2).own().params(), session, P1, RND);
            b2.finish(a3.message().withResponse(forged));
        });
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @Test
    void line4_tsshockCGuess_ringPedersenProofWithFewerIterationsIsRejected() {
        // the ring-Pedersen parameters are proven once, in P2's aux setup; P1 verifies that setup
        AuxSetup honest = aux(P2).own().setup();
        MpcAbortException e = assertAbort(AbortReason.INVALID_PROOF, P2, () -> {
            RingPedersenProof full = honest.proof();
            WireWriter w = WireWriter.start(0x12FE, 1);
            w.writeCount(64);
            full.commitments().subList(0, 64).forEach(w::writeBigInteger);
            w.writeCount(64);
            full.responses().subList(0, 64).forEach(w::writeBigInteger);
            WireReader r = WireReader.open(w.toBytes(), 0x12FE, 1);
            RingPedersenProof shortProof = RingPedersenProof.read(r);
            AuxSetup.parse(honest.with(P2, honest.session(), honest.params(), shortProof).toBytes())
                    .verify(Ecdsa2pFixtures.auxSession(), P2);
        });
        assertTrue(e.getMessage().contains("repetitions"), e.getMessage());
    }

    @Test
    void line5_ambiguousEncoding_commitmentFieldBoundariesCannotShift() {
        SessionId s = SessionId.random();
        EcPoint r = Secp256k1.GROUP.mulBase(BigInteger.TEN);
        byte[] proof = {1, 2, 3};
        byte[] nonce = {4, 5, 6};
        byte[] a = Ecdsa2p.commitment("R1", s, P1, r, proof, nonce);
        byte[] b = Ecdsa2p.commitment("R1", s, P1, r, new byte[] {1, 2}, new byte[] {3, 4, 5, 6});
        byte[] c = Ecdsa2p.commitment("R", s, P1, r, proof, nonce);
        assertFalse(java.util.Arrays.equals(a, b));
        assertFalse(java.util.Arrays.equals(a, c));
        // labels of two signing contexts never coincide: fixed-length hash, then tweak, then mode
        SignContext x = new SignContext(s, new byte[32], BigInteger.valueOf(0x12), SignContext.Mode.PROVED);
        SignContext y = new SignContext(s, new byte[32], BigInteger.ONE, SignContext.Mode.PROVED);
        assertFalse(x.label("R1").equals(y.label("R1")));
    }

    @Test
    void line8_twoOfThreeRejectsAPeerThatIsNotAnotherHolder() {
        java.util.Map<PartyId, io.openwaas.mpc.dkg.KeyShare> dkg = io.openwaas.mpc.dkg.InProcessDkg.run(
                Secp256k1.GROUP, 2, List.of(P1, P2, Ecdsa2pFixtures.P3));
        assertThrows(IllegalArgumentException.class, () -> TwoOfThree.startAsP2(SessionId.random(), dkg.get(P2), P2,
                aux(P2).own(), aux(P2).peer(P1), RND));
        assertThrows(IllegalArgumentException.class, () -> TwoOfThree.startAsP2(SessionId.random(), dkg.get(P2),
                PartyId.of(4), aux(P2).own(), aux(P2).peer(P1), RND));
        // the role rule is enforced: holder 1 cannot act as P2 towards holder 2
        assertThrows(IllegalArgumentException.class, () -> TwoOfThree.startAsP2(SessionId.random(), dkg.get(P1), P2,
                aux(P1).own(), aux(P1).peer(P2), RND));
    }

    @Test
    void line6_tsshockCSplit_ringPedersenGeneratorOfSmallOrderIsRejected() {
        for (int variant = 0; variant < 2; variant++) {
            int v = variant;
            AuxSetup honest = aux(P2).own().setup();
            assertAbort(AbortReason.OUT_OF_RANGE, P2, () -> {
                RingPedersenParams p = honest.params();
                BigInteger bad = v == 0 ? BigInteger.ONE : p.modulus().subtract(BigInteger.ONE);
                AuxSetup.parse(honest.with(P2, honest.session(), new RingPedersenParams(p.modulus(), p.s(), bad),
                        honest.proof()).toBytes()).verify(Ecdsa2pFixtures.auxSession(), P2);
            });
        }
    }

    @Test
    void line7_frozenHeart_changingAPublicInputUnderAnHonestProofIsRejected() {
        // c_key replaced by an encryption of another value: Π^log* was computed for the original statement
        assertAbort(AbortReason.INVALID_PROOF, P1, () -> keygenWithP1Message3(m -> m.withResponse(
                m.response().withCKey(m.response().paillier().encrypt(BigInteger.TWO)))));
    }

    @Test
    void line9_wrongLength_shortCommitmentIsRejected() {
        SignContext ctx = SignContext.of(SessionId.random(), randomHash(), SignContext.Mode.GLOBAL_ABORT);
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        SignMessage1 m1 = SignRound1.start(k.p1(), ctx, RND).message();
        SignMessage1 shortOne = new SignMessage1(m1.header(), java.util.Arrays.copyOf(m1.commitment(), 31));
        assertAbort(AbortReason.WRONG_LENGTH, P1, () -> SignRound2.start(k.p2(), ctx, shortOne, RND));
    }

    @Test
    void line10_invalidPoint_offCurveNonceIsRejected() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        Interceptor badPoint = (round, from, to, bytes) -> {
            if (round != 2) {
                return List.of(bytes);
            }
            byte[] r2 = SignMessage2.parse(bytes).r2().encode();
            byte[] out = bytes.clone();
            int at = Ecdsa2pSigningTest.indexOf(bytes, r2);
            // find an x with no curve point (about half of all x qualify)
            for (int i = 0; i < 256; i++) {
                out[at + 32] = (byte) i;
                out[at + 31] = 0x55;
                try {
                    Secp256k1.GROUP.decode(java.util.Arrays.copyOfRange(out, at, at + 33));
                } catch (IllegalArgumentException e) {
                    return List.of(out);
                }
            }
            throw new AssertionError("no off-curve x found");
        };
        assertAbort(AbortReason.MALFORMED_MESSAGE, P2, () -> new InProcessEcdsa2p(badPoint, RND).sign(k.p1(), k.p2(),
                SignContext.of(SessionId.random(), randomHash(), SignContext.Mode.GLOBAL_ABORT)));
    }

    @Test
    void line11_rogueKey_q2WithoutAMatchingProofOfKnowledgeIsRejected() {
        EcPoint rogue = Secp256k1.GROUP.mulBase(Secp256k1.GROUP.randomScalar(RND));
        assertAbort(AbortReason.INVALID_PROOF, P2, () -> keygenWithP2Message2(m -> m.with(rogue, m.offer())));
    }

    @Test
    void line12_nonceSingleUse_p2RoundRefusesASecondMessage3() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        SignContext ctx = SignContext.of(SessionId.random(), randomHash(), SignContext.Mode.GLOBAL_ABORT);
        SignRound1 a1 = SignRound1.start(k.p1(), ctx, RND);
        SignRound2 b2 = SignRound2.start(k.p2(), ctx, a1.message(), RND);
        SignRound3 a3 = a1.next(b2.message());
        b2.next(a3.message());
        assertAbort(AbortReason.REPLAYED_MESSAGE, P1, () -> b2.next(a3.message()));
    }

    @Test
    void line16_sessionReplay_messageFromAnotherSessionIsRejected() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        byte[] hash = randomHash();
        SignContext a = SignContext.of(SessionId.random(), hash, SignContext.Mode.GLOBAL_ABORT);
        SignContext b = SignContext.of(SessionId.random(), hash, SignContext.Mode.GLOBAL_ABORT);
        SignRound1 a1 = SignRound1.start(k.p1(), a, RND);
        SignRound1 b1 = SignRound1.start(k.p1(), b, RND);
        SignRound2 b2 = SignRound2.start(k.p2(), b, b1.message(), RND);
        // P2's message 2 of session B replayed into session A
        assertAbort(AbortReason.WRONG_SESSION, P2, () -> a1.next(SignMessage2.parse(b2.message().toBytes())));
    }

    @Test
    void line20_signaturesAreLowSWithTheRightRecoveryId() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        InProcessEcdsa2p h = new InProcessEcdsa2p();
        java.util.Set<Integer> parities = new java.util.HashSet<>();
        // Sign until both parities of R's y (recovery-id bit 0) have been seen; low-S normalisation flips that
        // bit whenever it negates s, so both branches of the flip are exercised. Fails if 64 signatures never
        // show both (probability 2^-63).
        for (int i = 0; i < 64 && parities.size() < 2; i++) {
            byte[] hash = randomHash();
            EcdsaSignature sig = h.sign(k.p1(), k.p2(),
                    SignContext.of(SessionId.random(), hash, SignContext.Mode.GLOBAL_ABORT));
            assertValid(k.p1().publicKey(), hash, sig); // BouncyCastle verifies, low S, recovery gives Q
            EcdsaSignature flipped = sig.withRecoveryId(sig.recoveryId() ^ 1);
            assertNotEquals(k.p1().publicKey(), io.openwaas.crypto.ecdsa.Ecdsa.recover(hash, flipped),
                    "the other parity must not recover the key: the id is not a guess that always works");
            parities.add(sig.recoveryId() & 1);
        }
        assertEquals(2, parities.size(), "both recovery-id parities occur");
    }

    @Test
    void line23_refreshAbortedMidwayLeavesTheOldSharesUsable() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.copy();
        byte[] p1Before = k.p1().toBytes();
        Interceptor dropSecond = (round, from, to, bytes) -> round == 2 ? List.of() : List.of(bytes);
        assertAbort(AbortReason.MISSING_MESSAGE, P1, () -> new InProcessEcdsa2p(dropSecond, RND)
                .refresh(SessionId.random(), k.p1(), k.p2(), PaillierTestKeys.key(2), aux(P1), aux(P2)));
        assertArrayEquals(p1Before, k.p1().toBytes());
        byte[] hash = randomHash();
        assertValid(k.p1().publicKey(), hash, new InProcessEcdsa2p().sign(k.p1(), k.p2(),
                SignContext.of(SessionId.random(), hash, SignContext.Mode.GLOBAL_ABORT)));
    }

    @Test
    void refreshRequiresANewPaillierKey() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.copy();
        PaillierPrivateKey same = Ecdsa2pFixtures.p1Paillier();
        assertThrows(IllegalArgumentException.class, () -> new InProcessEcdsa2p().refresh(SessionId.random(),
                k.p1(), k.p2(), same, aux(P1), aux(P2)));
    }
}
