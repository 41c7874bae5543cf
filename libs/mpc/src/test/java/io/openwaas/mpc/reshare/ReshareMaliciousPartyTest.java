package io.openwaas.mpc.reshare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.Interceptor;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.dkg.KeyShare;
import io.openwaas.mpc.dkg.Tamper;
import io.openwaas.mpc.frost.FrostScheme;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malicious-party simulation for resharing (old 2-of-3, dealers P1 and P3, new holders P1, P2, P3, P4 at 3-of-4): a
 * dealer that sends an invalid or out-of-range share, reshares another sharing, or whose messages are replayed, and a
 * new holder that lies in its confirmation, is detected and named.
 */
class ReshareMaliciousPartyTest {

    static final PartyId P1 = PartyId.of(1);
    static final PartyId P2 = PartyId.of(2);
    static final PartyId P3 = PartyId.of(3);
    static final PartyId P4 = PartyId.of(4);

    static Stream<FrostScheme> schemes() {
        return Stream.of(FrostScheme.ED25519, FrostScheme.BIP340);
    }

    static void expect(FrostScheme s, Interceptor net, AbortReason reason, PartyId culprit) {
        Map<PartyId, KeyShare> old = ReshareThreatChecklistTest.old(s);
        var e = assertThrows(MpcAbortException.class, () -> InProcessReshare.run(old.get(P1).groupKey(), old,
                SessionId.random(), List.of(P1, P3), 3, List.of(P1, P2, P3, P4), net, new SecureRandom()));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(Set.of(culprit), e.culprits(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void invalidShare(FrostScheme s) {
        expect(s, Tamper.rewrite(1, P3, P4, b -> Tamper.flipFromEnd(b, 1)), AbortReason.INVALID_SHARE, P3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void outOfRangeShare(FrostScheme s) {
        byte[] ff = new byte[32];
        Arrays.fill(ff, (byte) 0xFF);
        expect(s, Tamper.rewrite(1, P1, P2, b -> Tamper.overwriteFromEnd(b, 32, ff)), AbortReason.OUT_OF_RANGE, P1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void dealerResharingAnotherSharing(FrostScheme s) {
        int tail = 32 + 3 * s.group().pointLength() + 4 + 32;
        expect(s, Tamper.rewrite(1, P3, P2, b -> Tamper.flipFromEnd(b, tail)), AbortReason.PUBLIC_KEY_MISMATCH, P3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void replayedDealerMessage(FrostScheme s) {
        expect(s, Tamper.duplicate(1, P3), AbortReason.REPLAYED_MESSAGE, P3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void replayedConfirmation(FrostScheme s) {
        expect(s, Tamper.duplicate(2, P4), AbortReason.REPLAYED_MESSAGE, P4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void newHolderLyingInItsConfirmation(FrostScheme s) {
        // P4 tells dealer P3 that P3 dealt something else than P3 knows it dealt: P3 names P4.
        expect(s, Tamper.rewrite(2, P4, P3, b -> Tamper.flipFromEnd(b, 32 + 32)), AbortReason.EQUIVOCATION, P4);
    }
}
