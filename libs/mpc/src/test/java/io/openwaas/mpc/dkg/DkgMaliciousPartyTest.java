package io.openwaas.mpc.dkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.Interceptor;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malicious-party simulation for the DKG: a party that sends an invalid proof, an out-of-range value, an
 * inconsistent share, an equivocating broadcast, a replayed or malformed message is detected and named.
 */
class DkgMaliciousPartyTest {

    static final PartyId P1 = PartyId.of(1);
    static final PartyId P2 = PartyId.of(2);
    static final PartyId P3 = PartyId.of(3);
    static final List<PartyId> IDS = List.of(P1, P2, P3);
    static final byte[] FF = new byte[32];

    static {
        Arrays.fill(FF, (byte) 0xFF);
    }

    static Stream<EcGroup> groups() {
        return Stream.of(Secp256k1.GROUP, Ed25519Group.GROUP);
    }

    static void expect(EcGroup g, Interceptor net, AbortReason reason, PartyId culprit) {
        var e = assertThrows(MpcAbortException.class,
                () -> InProcessDkg.run(g, SessionId.random(), 2, IDS, net, new SecureRandom()));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(Set.of(culprit), e.culprits(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void invalidProof(EcGroup g) {
        expect(g, Tamper.rewrite(1, P3, null, b -> Tamper.flipFromEnd(b, 16)), AbortReason.INVALID_PROOF, P3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void outOfRangeProofResponse(EcGroup g) {
        expect(g, Tamper.rewrite(1, P1, null, b -> Tamper.overwriteFromEnd(b, 32, FF)), AbortReason.OUT_OF_RANGE, P1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void outOfRangeShare(EcGroup g) {
        expect(g, Tamper.rewrite(2, P2, P1, b -> Tamper.overwriteFromEnd(b, 32, FF)), AbortReason.OUT_OF_RANGE, P2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void shareInconsistentWithCommitments(EcGroup g) {
        expect(g, Tamper.rewrite(2, P3, P2, b -> Tamper.flipFromEnd(b, 1)), AbortReason.INVALID_SHARE, P3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void lyingEchoIsBlamedOnTheEchoer(EcGroup g) {
        // P2 forwards an honest round 1 but lies in its echo about P3's own broadcast: P3 names P2.
        int echoOffset = 32 + 32; // last echo digest is 32 bytes before the 32-byte share
        expect(g, Tamper.rewrite(2, P2, P3, b -> Tamper.flipFromEnd(b, echoOffset)), AbortReason.EQUIVOCATION, P2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void replayedBroadcast(EcGroup g) {
        expect(g, Tamper.duplicate(1, P2), AbortReason.REPLAYED_MESSAGE, P2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void replayedDirectMessage(EcGroup g) {
        expect(g, Tamper.duplicate(2, P1), AbortReason.REPLAYED_MESSAGE, P1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void roundOneMessageReplayedAsRoundTwo(EcGroup g) {
        // P1's round-1 bytes delivered where its round-2 message is expected: refused as malformed (wrong type).
        java.util.Map<PartyId, byte[]> seen = new java.util.HashMap<>();
        expect(g, (r, from, to, bytes) -> {
            if (r == 1 && from.equals(P1)) {
                seen.put(to, bytes);
            }
            return r == 2 && from.equals(P1) && to.equals(P2) ? List.of(seen.get(P2)) : List.of(bytes);
        }, AbortReason.MALFORMED_MESSAGE, P1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void trailingBytesAndTruncation(EcGroup g) {
        expect(g, Tamper.rewrite(1, P2, null, b -> Arrays.copyOf(b, b.length + 1)), AbortReason.MALFORMED_MESSAGE,
                P2);
        expect(g, Tamper.rewrite(1, P2, null, b -> Arrays.copyOf(b, b.length - 1)), AbortReason.MALFORMED_MESSAGE,
                P2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void spoofedSender(EcGroup g) {
        // The transport says P3 sent it, but the header claims P1.
        java.util.Map<PartyId, byte[]> p1 = new java.util.HashMap<>();
        expect(g, (r, from, to, bytes) -> {
            if (r == 1 && from.equals(P1)) {
                p1.put(to, bytes);
            }
            return r == 1 && from.equals(P3) && to.equals(P2) && p1.containsKey(P2) ? List.of(p1.get(P2))
                    : List.of(bytes);
        }, AbortReason.UNEXPECTED_SENDER, P3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void withheldShare(EcGroup g) {
        expect(g, (r, from, to, b) -> r == 2 && from.equals(P3) && to.equals(P1) ? List.of() : List.of(b),
                AbortReason.MISSING_MESSAGE, P3);
    }
}
