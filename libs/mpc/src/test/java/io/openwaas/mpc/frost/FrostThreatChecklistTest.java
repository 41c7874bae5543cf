package io.openwaas.mpc.frost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.schnorr.Bip340;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.Bytes;
import io.openwaas.mpc.common.Interceptor;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.dkg.InProcessDkg;
import io.openwaas.mpc.dkg.KeyShare;
import io.openwaas.mpc.dkg.Tamper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One negative test per applicable line of the threat checklist (reference/mpc-anchors.md §3) for FROST signing;
 * each names its line and asserts the abort reason and the culprit.
 */
class FrostThreatChecklistTest {

    static final PartyId P1 = PartyId.of(1);
    static final PartyId P2 = PartyId.of(2);
    static final PartyId P3 = PartyId.of(3);
    static final byte[] MSG = "threat checklist".getBytes(StandardCharsets.UTF_8);

    static Stream<FrostScheme> schemes() {
        return Stream.of(FrostScheme.ED25519, FrostScheme.BIP340);
    }

    static Map<PartyId, KeyShare> shares(FrostScheme s) {
        return Keys.dkg(s.group(), 2, 3);
    }

    static SigningRequest allThree(FrostScheme s, SessionId session) {
        return SigningRequest.of(s, session, List.of(P1, P2, P3), MSG);
    }

    static MpcAbortException expect(FrostScheme s, SigningRequest req, Interceptor net, AbortReason reason,
                                    PartyId culprit) {
        var e = assertThrows(MpcAbortException.class,
                () -> InProcessFrost.sign(shares(s), req, net, new SecureRandom()));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(Set.of(culprit), e.culprits(), e.getMessage());
        assertEquals("frost", e.protocol());
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void line10_invalidNonceCommitmentPoint_rejected(FrostScheme s) {
        EcGroup g = s.group();
        List<byte[]> bad = g == Ed25519Group.GROUP
                ? List.of(Bytes.fromHex("0100000000000000000000000000000000000000000000000000000000000000"),
                        Bytes.fromHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"))
                : List.of(Bytes.fromHex("020000000000000000000000000000000000000000000000000000000000000000"),
                        Bytes.fromHex("03fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc30"));
        for (byte[] p : bad) {
            expect(s, allThree(s, SessionId.random()), Tamper.rewrite(1, P2, null,
                    b -> Tamper.overwriteFromEnd(b, 2 * g.pointLength(), p)), AbortReason.INVALID_POINT, P2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void line12_nonceReuse_secondSignWithTheSameCommitmentRefused(FrostScheme s) {
        Map<PartyId, KeyShare> sh = shares(s);
        SigningRequest req = SigningRequest.of(s, SessionId.random(), List.of(P1, P2), MSG);
        Round1.Output a = Round1.commit(sh.get(P1), req);
        Round1.Output b = Round1.commit(sh.get(P2), req);
        a.next().receive(P2, b.broadcast().toBytes());
        a.next().sign();
        var e = assertThrows(MpcAbortException.class, () -> a.next().sign());
        assertEquals(AbortReason.NONCE_REUSE, e.reason());
        assertTrue(e.culprits().isEmpty());
        // Nonces have no encoding at all: the key share encoding is the same before and after a commitment.
        assertTrue(Arrays.equals(sh.get(P1).toBytes(), KeyShare.parse(sh.get(P1).toBytes()).toBytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void line13_randomisedNonces_twoSessionsOnTheSameMessageGetDifferentR(FrostScheme s) {
        Map<PartyId, KeyShare> sh = shares(s);
        byte[] r1 = Arrays.copyOf(InProcessFrost.sign(sh, SigningRequest.of(s, SessionId.random(), List.of(P1, P3),
                MSG)).signature(), 32);
        byte[] r2 = Arrays.copyOf(InProcessFrost.sign(sh, SigningRequest.of(s, SessionId.random(), List.of(P1, P3),
                MSG)).signature(), 32);
        assertFalse(Arrays.equals(r1, r2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void line14_bindingFactorsCoverTheFullListAndTheAggregatorRejectsAnInconsistentOne(FrostScheme s) {
        // (a) RFC 9591 binding factors change when any other signer's commitment changes.
        Ciphersuite cs = Ciphersuite.ED25519_SHA512;
        EcGroup g = cs.group();
        SortedMap<PartyId, NonceCommitment> list = new TreeMap<>();
        for (PartyId p : List.of(P1, P2, P3)) {
            list.put(p, new NonceCommitment(g.mulBase(BigInteger.valueOf(10 + p.value().intValue())),
                    g.mulBase(BigInteger.valueOf(20 + p.value().intValue()))));
        }
        BigInteger rho1 = Rfc9591.bindingFactors(cs, g.generator(), list, MSG).get(P1);
        list.put(P3, new NonceCommitment(g.mulBase(BigInteger.valueOf(99)), list.get(P3).binding()));
        assertNotEquals(rho1, Rfc9591.bindingFactors(cs, g.generator(), list, MSG).get(P1));
        // (b) a signature share computed over a list with a signer missing is rejected, naming its sender.
        expect(s, allThree(s, SessionId.random()), Tamper.rewrite(2, P2, P1, b -> {
            SignatureShareMessage m = SignatureShareMessage.parse(b, s.group());
            SortedMap<PartyId, byte[]> echo = new TreeMap<>(m.echo());
            echo.remove(P3);
            return new SignatureShareMessage(m.header(), echo, m.share()).toBytes();
        }), AbortReason.WRONG_LENGTH, P2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void line15_equivocatingNonceCommitment_detectedAndNamed(FrostScheme s) {
        // P3 sends P2 a different (valid) commitment than it sends P1, the aggregator's signer.
        SessionId session = SessionId.random();
        SigningRequest req = allThree(s, session);
        byte[] other = Round1.commit(shares(s).get(P3), req).broadcast().toBytes();
        var e = expect(s, req, Tamper.rewrite(1, P3, P2, b -> other), AbortReason.EQUIVOCATION, P3);
        assertEquals(2, e.round());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void line16_commitmentReplayedFromAnotherSession_rejected(FrostScheme s) {
        byte[] old = Round1.commit(shares(s).get(P2), allThree(s, SessionId.random())).broadcast().toBytes();
        expect(s, allThree(s, SessionId.random()), Tamper.rewrite(1, P2, null, b -> old), AbortReason.WRONG_SESSION,
                P2);
    }

    @Test
    void line21_bip340Parity_bothGroupKeyParitiesAndTweakParitiesSign() {
        boolean sawEven = false;
        boolean sawOdd = false;
        for (int attempt = 0; attempt < 40 && !(sawEven && sawOdd); attempt++) {
            Map<PartyId, KeyShare> sh = InProcessDkg.run(Secp256k1.GROUP, 2, List.of(P1, P2));
            var key = sh.get(P1).groupKey();
            boolean even = ((Secp256k1Point) key.publicKey()).hasEvenY();
            if ((even && sawEven) || (!even && sawOdd)) {
                continue;
            }
            sawEven |= even;
            sawOdd |= !even;
            for (List<Tweak> tweaks : List.of(List.<Tweak>of(), List.of(Tweak.plain(BigInteger.valueOf(7))),
                    List.of(Tweak.xonly(BigInteger.valueOf(7))), List.of(Tweak.plain(BigInteger.TEN),
                            Tweak.xonly(BigInteger.valueOf(11)), Tweak.plain(BigInteger.valueOf(12))))) {
                for (int i = 0; i < 3; i++) { // several R parities
                    FrostSignature sig = InProcessFrost.sign(sh, new SigningRequest(FrostScheme.BIP340,
                            SessionId.random(), List.of(P1, P2), MSG, tweaks));
                    assertTrue(Bip340.verify(sig.verifyingKey(), MSG, sig.signature()), "parity even=" + even
                            + " tweaks " + tweaks);
                    assertTrue(Arrays.equals(expectedKey(key.publicKey(), tweaks), sig.verifyingKey()));
                }
            }
        }
        assertTrue(sawEven && sawOdd, "both group key parities exercised");
    }

    /** BIP-327 tweak semantics recomputed with plain point arithmetic (no Bip445 code). */
    static byte[] expectedKey(io.openwaas.crypto.ec.EcPoint y, List<Tweak> tweaks) {
        Secp256k1Point q = (Secp256k1Point) y;
        for (Tweak t : tweaks) {
            if (t.xonly() && !q.hasEvenY()) {
                q = q.negate();
            }
            q = q.add(Secp256k1.GROUP.mulBase(t.value()));
        }
        return q.xOnly();
    }
}
