package io.openwaas.mpc.dkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.Bytes;
import io.openwaas.mpc.common.Interceptor;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One negative test per applicable line of the threat checklist (reference/mpc-anchors.md §3) for the DKG; each names
 * its line and asserts the abort reason and the culprit.
 */
class DkgThreatChecklistTest {

    static final PartyId P1 = PartyId.of(1);
    static final PartyId P2 = PartyId.of(2);
    static final PartyId P3 = PartyId.of(3);
    static final List<PartyId> IDS = List.of(P1, P2, P3);

    static Stream<EcGroup> groups() {
        return Stream.of(Secp256k1.GROUP, Ed25519Group.GROUP);
    }

    static MpcAbortException runExpectingAbort(EcGroup g, Interceptor net) {
        return assertThrows(MpcAbortException.class,
                () -> InProcessDkg.run(g, SessionId.random(), 2, IDS, net, new SecureRandom()));
    }

    static void assertAbort(MpcAbortException e, AbortReason reason, PartyId culprit) {
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(Set.of(culprit), e.culprits(), e.getMessage());
        assertEquals("dkg", e.protocol());
    }

    /** Byte offset of commitment {@code k} in a round-1 encoding with {@code n} commitments. */
    static int commitmentOffset(EcGroup g, byte[] enc, int n, int k) {
        int tail = n * g.pointLength() + g.pointLength() + g.scalarLength();
        return enc.length - tail + k * g.pointLength();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void line07_frozenHeart_mutatingAnyPublicInputBreaksTheProof(EcGroup g) {
        SessionId s = SessionId.random();
        DkgParameters params = new DkgParameters(g, s, 2, IDS, P1);
        Round1Message m = Round1.start(params).broadcast();
        List<EcPoint> c = m.commitments();
        assertTrue(m.proof().verify(Round1.statement(params, P1, c)));
        EcPoint other = g.mulBase(BigInteger.TEN);
        assertFalse(m.proof().verify(Round1.statement(new DkgParameters(g, SessionId.random(), 2, IDS, P1), P1, c)),
                "session id");
        assertFalse(m.proof().verify(Round1.statement(params, P2, c)), "prover id");
        assertFalse(m.proof().verify(Round1.statement(new DkgParameters(g, s, 3, IDS, P1), P1, c)), "threshold");
        assertFalse(m.proof().verify(Round1.statement(new DkgParameters(g, s, 2, List.of(P1, P2, PartyId.of(4)), P1),
                P1, c)), "party list");
        assertFalse(m.proof().verify(Round1.statement(params, P1, List.of(c.get(0), other))), "other commitment");
        assertFalse(m.proof().verify(new SchnorrProof.Statement(Round1.POK_DOMAIN, g, s, P1, 2, IDS, c, other)),
                "statement X");
        assertFalse(m.proof().verify(new SchnorrProof.Statement("other-domain", g, s, P1, 2, IDS, c, c.get(0))),
                "domain tag");
        // The same proof re-sent under another sender's header is rejected, naming that sender.
        Round1Message stolen = new Round1Message(MessageHeader.broadcast("dkg", 1, s, P2), c, m.proof());
        var ctx = new io.openwaas.mpc.common.MessageContext("dkg", 1, s, P3, Set.of(P1, P2), false);
        var e = assertThrows(MpcAbortException.class, () -> stolen.validate(ctx, params.forParty(P3)));
        assertAbort(e, AbortReason.INVALID_PROOF, P2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void line08_shamirIndexZeroOrDuplicateModQ_rejectedAtKeygen(EcGroup g) {
        BigInteger q = g.order();
        SessionId s = SessionId.random();
        for (List<PartyId> bad : List.of(List.of(PartyId.of(q), P1), List.of(PartyId.of(q.shiftLeft(1)), P1),
                List.of(P1, PartyId.of(q.add(BigInteger.ONE))), List.of(P1, P2, P2))) {
            assertThrows(IllegalArgumentException.class, () -> new DkgParameters(g, s, 2, bad, P1), bad.toString());
        }
        // On the wire: a peer announcing id q + 2 (≡ P2 mod q) is not accepted as P2, and is named.
        PartyId alias = PartyId.of(q.add(BigInteger.TWO));
        Round2 p1 = Round1.start(new DkgParameters(g, s, 2, IDS, P1)).next();
        Round1Message m = Round1.start(new DkgParameters(g, s, 2, IDS, P2)).broadcast();
        byte[] aliased = new Round1Message(MessageHeader.broadcast("dkg", 1, s, alias), m.commitments(), m.proof())
                .toBytes();
        var e = assertThrows(MpcAbortException.class, () -> p1.receive(alias, aliased));
        assertAbort(e, AbortReason.UNEXPECTED_SENDER, alias);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void line09_commitmentVectorOfWrongLength_aborts(EcGroup g) {
        for (int delta : new int[] {+1, -2}) {
            var e = runExpectingAbort(g, Tamper.rewrite(1, P2, null, bytes -> {
                Round1Message m = Round1Message.parse(bytes, g);
                List<EcPoint> c = new ArrayList<>(m.commitments());
                if (delta > 0) {
                    c.add(g.mulBase(BigInteger.TWO));
                } else {
                    c.clear();
                }
                return new Round1Message(m.header(), c, m.proof()).toBytes();
            }));
            assertAbort(e, AbortReason.WRONG_LENGTH, P2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void line10_invalidPoints_rejected(EcGroup g) {
        List<byte[]> bad = new ArrayList<>();
        if (g == Ed25519Group.GROUP) {
            bad.add(Bytes.fromHex("0100000000000000000000000000000000000000000000000000000000000000")); // identity
            bad.add(Bytes.fromHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")); // order 2
            bad.add(Bytes.fromHex("0000000000000000000000000000000000000000000000000000000000000000")); // order 4
            bad.add(Bytes.fromHex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05")); // order 8
            // a mixed-order point: B + (order-2 point) — on the curve, not in the prime-order subgroup
            bad.add(Ed25519Group.GROUP.decodeOnCurve(bad.get(1), false).add(g.generator()).encode());
        } else {
            bad.add(Bytes.fromHex("020000000000000000000000000000000000000000000000000000000000000000")); // x = 0: off curve
            bad.add(Bytes.fromHex("02fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc30")); // x >= p
            bad.add(Bytes.fromHex("050000000000000000000000000000000000000000000000000000000000000001")); // bad prefix
        }
        for (byte[] p : bad) {
            var e = runExpectingAbort(g, Tamper.rewrite(1, P3, null, bytes -> {
                System.arraycopy(p, 0, bytes, commitmentOffset(g, bytes, 2, 1), p.length);
                return bytes;
            }));
            assertAbort(e, AbortReason.INVALID_POINT, P3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void line11_rogueKeyWithoutValidProofOfKnowledge_aborts(EcGroup g) {
        // P2 replaces its constant term by Y* − C_10 (a rogue key cancelling P1's contribution); it cannot prove it.
        AtomicReference<EcPoint> p1c0 = new AtomicReference<>();
        Interceptor spy = (r, from, to, bytes) -> {
            if (r == 1 && from.equals(P1) && p1c0.get() == null) {
                p1c0.set(Round1Message.parse(bytes, g).commitments().get(0));
            }
            return List.of(bytes);
        };
        Interceptor rogue = Tamper.rewrite(1, P2, null, bytes -> {
            Round1Message m = Round1Message.parse(bytes, g);
            List<EcPoint> c = new ArrayList<>(m.commitments());
            c.set(0, g.mulBase(BigInteger.valueOf(42)).subtract(p1c0.get()));
            return new Round1Message(m.header(), c, m.proof()).toBytes();
        });
        var e = runExpectingAbort(g, (r, from, to, bytes) -> {
            List<byte[]> out = new ArrayList<>();
            for (byte[] b : spy.deliver(r, from, to, bytes)) {
                out.addAll(rogue.deliver(r, from, to, b));
            }
            return out;
        });
        assertAbort(e, AbortReason.INVALID_PROOF, P2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void line15_equivocatingBroadcast_detectedByEcho(EcGroup g) {
        // P1 sends P3 a different (but internally valid) round-1 broadcast than it sends P2.
        SessionId s = SessionId.random();
        Round1Message alternative = Round1.start(new DkgParameters(g, s, 2, IDS, P1)).broadcast();
        var e = assertThrows(MpcAbortException.class, () -> InProcessDkg.run(g, s, 2, IDS,
                Tamper.rewrite(1, P1, P3, bytes -> alternative.toBytes()), new SecureRandom()));
        assertAbort(e, AbortReason.EQUIVOCATION, P1);
        assertEquals(2, e.round());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void line16_sessionReplay_rejected(EcGroup g) {
        // P2's broadcast from an earlier session A is replayed into session B.
        SessionId a = SessionId.random();
        byte[] old = Round1.start(new DkgParameters(g, a, 2, IDS, P2)).broadcast().toBytes();
        var e1 = runExpectingAbort(g, Tamper.rewrite(1, P2, null, bytes -> old));
        assertAbort(e1, AbortReason.WRONG_SESSION, P2);
        // Re-labelled with the new session id, the proof (bound to session A) no longer verifies.
        var e2 = runExpectingAbort(g, (r, from, to, bytes) -> {
            if (r == 1 && from.equals(P2)) {
                Round1Message m = Round1Message.parse(old, g);
                Round1Message cur = Round1Message.parse(bytes, g);
                return List.of(new Round1Message(cur.header(), m.commitments(), m.proof()).toBytes());
            }
            return List.of(bytes);
        });
        assertAbort(e2, AbortReason.INVALID_PROOF, P2);
    }
}
