package io.openwaas.mpc.frost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.Interceptor;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.dkg.Tamper;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malicious-party simulation for FROST signing (2-of-3 with all three signing, aggregator next to P1): a signer that
 * sends an invalid share, an out-of-range share, an equivocating commitment, a replayed message, a commitment for
 * another request, or nothing, is detected and named.
 */
class FrostMaliciousPartyTest {

    static final PartyId P1 = PartyId.of(1);
    static final PartyId P2 = PartyId.of(2);
    static final PartyId P3 = PartyId.of(3);
    static final byte[] MSG = "malicious".getBytes(StandardCharsets.UTF_8);

    static Stream<FrostScheme> schemes() {
        return Stream.of(FrostScheme.ED25519, FrostScheme.BIP340);
    }

    static void expect(FrostScheme s, Interceptor net, AbortReason reason, PartyId culprit) {
        SigningRequest req = SigningRequest.of(s, SessionId.random(), List.of(P1, P2, P3), MSG);
        var e = assertThrows(MpcAbortException.class,
                () -> InProcessFrost.sign(Keys.dkg(s.group(), 2, 3), req, net, new SecureRandom()));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(Set.of(culprit), e.culprits(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void invalidSignatureShare(FrostScheme s) {
        expect(s, Tamper.rewrite(2, P3, P1, b -> Tamper.flipFromEnd(b, 1)), AbortReason.INVALID_SIGNATURE_SHARE, P3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void outOfRangeSignatureShare(FrostScheme s) {
        byte[] ff = new byte[32];
        Arrays.fill(ff, (byte) 0xFF);
        expect(s, Tamper.rewrite(2, P2, P1, b -> Tamper.overwriteFromEnd(b, 32, ff)), AbortReason.OUT_OF_RANGE, P2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void equivocatingCommitmentToTheAggregator(FrostScheme s) {
        // P2 sends the aggregator's signer P1 a commitment with a different binding nonce point than it sends P3.
        expect(s, Tamper.rewrite(1, P2, P1, b -> {
            CommitmentMessage m = CommitmentMessage.parse(b, s.group());
            NonceCommitment c = new NonceCommitment(m.commitment().hiding(),
                    m.commitment().binding().add(s.group().generator()));
            return new CommitmentMessage(m.header(), m.keyId(), m.requestDigest(), c).toBytes();
        }), AbortReason.EQUIVOCATION, P2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void replayedCommitment(FrostScheme s) {
        expect(s, Tamper.duplicate(1, P3), AbortReason.REPLAYED_MESSAGE, P3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void replayedShare(FrostScheme s) {
        expect(s, Tamper.duplicate(2, P2), AbortReason.REPLAYED_MESSAGE, P2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void commitmentForAnotherRequest(FrostScheme s) {
        int pl = s.group().pointLength();
        expect(s, Tamper.rewrite(1, P2, null, b -> Tamper.flipFromEnd(b, 2 * pl + 1)), AbortReason.PROTOCOL_VIOLATION,
                P2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void commitmentWithAnotherKeyId(FrostScheme s) {
        int pl = s.group().pointLength();
        expect(s, Tamper.rewrite(1, P3, null, b -> Tamper.flipFromEnd(b, 2 * pl + 33)),
                AbortReason.PUBLIC_KEY_MISMATCH, P3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void withheldShare(FrostScheme s) {
        expect(s, (r, from, to, b) -> r == 2 && from.equals(P3) ? List.of() : List.of(b), AbortReason.MISSING_MESSAGE,
                P3);
    }
}
