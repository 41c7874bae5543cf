package io.openwaas.mpc.reshare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.Interceptor;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.dkg.InProcessDkg;
import io.openwaas.mpc.dkg.KeyShare;
import io.openwaas.mpc.dkg.Tamper;
import io.openwaas.mpc.frost.FrostScheme;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One negative test per applicable line of the threat checklist (reference/mpc-anchors.md §3) for resharing
 * (2-of-3 old sharing, dealers P1 and P2, new 2-of-3 holders P1, P2, P3); each names its line and asserts the abort
 * reason and the culprit.
 */
class ReshareThreatChecklistTest {

    static final PartyId P1 = PartyId.of(1);
    static final PartyId P2 = PartyId.of(2);
    static final PartyId P3 = PartyId.of(3);
    static final List<PartyId> IDS = List.of(P1, P2, P3);
    static final Map<String, Map<PartyId, KeyShare>> OLD = new ConcurrentHashMap<>();

    static Stream<FrostScheme> schemes() {
        return Stream.of(FrostScheme.ED25519, FrostScheme.BIP340);
    }

    static Map<PartyId, KeyShare> old(FrostScheme s) {
        return OLD.computeIfAbsent(s.name(), k -> InProcessDkg.run(s.group(), 2, IDS));
    }

    static MpcAbortException expect(FrostScheme s, SessionId session, Interceptor net, AbortReason reason,
                                    PartyId culprit) {
        Map<PartyId, KeyShare> old = old(s);
        var e = assertThrows(MpcAbortException.class, () -> InProcessReshare.run(old.get(P1).groupKey(), old, session,
                List.of(P1, P2), 2, IDS, net, new SecureRandom()));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(Set.of(culprit), e.culprits(), e.getMessage());
        assertEquals("reshare", e.protocol());
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void line08_shamirIndexZeroOrDuplicateModQ_rejectedAtReshare(FrostScheme s) {
        var key = old(s).get(P1).groupKey();
        BigInteger q = s.group().order();
        for (List<PartyId> bad : List.of(List.of(P1, PartyId.of(q)), List.of(P1, PartyId.of(q.multiply(BigInteger.TWO))),
                List.of(P1, P2, PartyId.of(q.add(BigInteger.TWO))))) {
            assertThrows(IllegalArgumentException.class,
                    () -> new ReshareParameters(key, SessionId.random(), List.of(P1, P2), 2, bad, P1), bad.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void line09_dealerCommitmentVectorOfWrongLength_aborts(FrostScheme s) {
        EcGroup g = s.group();
        expect(s, SessionId.random(), Tamper.rewrite(1, P2, null, b -> {
            DealerMessage m = DealerMessage.parse(b, g);
            List<EcPoint> c = new ArrayList<>(m.commitments());
            c.add(g.mulBase(BigInteger.TWO));
            return new DealerMessage(m.header(), m.oldKeyId(), c, m.share()).toBytes();
        }), AbortReason.WRONG_LENGTH, P2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void line15_dealerEquivocatingCommitments_detectedByConfirmations(FrostScheme s) {
        // P1 deals P3 from a second polynomial (same constant term, so every per-recipient check passes).
        SessionId session = SessionId.random();
        Map<PartyId, KeyShare> old = old(s);
        ReshareParameters p1 = new ReshareParameters(old.get(P1).groupKey(), session, List.of(P1, P2), 2, IDS, P1);
        byte[] second = Round1.deal(p1, old.get(P1)).direct().get(P3).toBytes();
        var e = expect(s, session, Tamper.rewrite(1, P1, P3, b -> second), AbortReason.EQUIVOCATION, P1);
        assertEquals(2, e.round());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void line16_dealerMessageFromAnotherSession_rejected(FrostScheme s) {
        Map<PartyId, KeyShare> old = old(s);
        ReshareParameters other = new ReshareParameters(old.get(P2).groupKey(), SessionId.random(), List.of(P1, P2), 2,
                IDS, P2);
        byte[] stale = Round1.deal(other, old.get(P2)).direct().get(P3).toBytes();
        expect(s, SessionId.random(), Tamper.rewrite(1, P2, P3, b -> stale), AbortReason.WRONG_SESSION, P2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void line23_reshareHygiene_keyChangeRefusedAndAbortLeavesTheOldSharingUsable(FrostScheme s) {
        EcGroup g = s.group();
        // (a) A dealer that re-deals another constant term (trying to change the key) is named.
        expect(s, SessionId.random(), Tamper.rewrite(1, P2, P3, b -> {
            DealerMessage m = DealerMessage.parse(b, g);
            List<EcPoint> c = new ArrayList<>(m.commitments());
            c.set(0, c.get(0).add(g.generator()));
            SecretScalar shifted = SecretScalar.of(m.share().value().add(BigInteger.ONE), g.order());
            return new DealerMessage(m.header(), m.oldKeyId(), c, shifted).toBytes();
        }), AbortReason.INVALID_SHARE, P2);
        // (b) An abort in the confirmation round releases no new share; the old sharing still signs.
        expect(s, SessionId.random(), Tamper.rewrite(2, P2, P3, b -> Tamper.flipFromEnd(b, 1)),
                AbortReason.PROTOCOL_VIOLATION, P2);
        ReshareTest.assertSignsWithEveryPair(s, old(s));
        // (c) A successful reshare keeps the group key, changes the key id and the shares.
        Map<PartyId, KeyShare> fresh = InProcessReshare.run(old(s), List.of(P2, P3), 2, IDS);
        assertEquals(old(s).get(P1).groupKey().publicKey(), fresh.get(P1).groupKey().publicKey());
        assertTrue(!fresh.get(P1).secretShare().sameValue(old(s).get(P1).secretShare()));
    }
}
