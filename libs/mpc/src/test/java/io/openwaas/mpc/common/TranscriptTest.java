package io.openwaas.mpc.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    static final BigInteger Q = PartyIdTest.Q;
    static final SessionId S = SessionId.wrap(new byte[16]);

    private static byte[] d(Transcript t) {
        return t.digest();
    }

    @Test
    void line05_ambiguousEncoding_differentStatementsNeverShareTranscriptBytes() {
        // "ab" ‖ "c" vs "a" ‖ "bc": equal concatenations, different statements (threat line 5).
        byte[] a = d(Transcript.forProof(Transcript.Hash.SHA256, "t", S, PartyId.of(1))
                .append("x", new byte[] {'a', 'b'}).append("x", new byte[] {'c'}));
        byte[] b = d(Transcript.forProof(Transcript.Hash.SHA256, "t", S, PartyId.of(1))
                .append("x", new byte[] {'a'}).append("x", new byte[] {'b', 'c'}));
        assertFalse(Arrays.equals(a, b));
        // Label/value boundary shift.
        byte[] c = d(Transcript.forSession(Transcript.Hash.SHA256, "t", S).append("ab", new byte[] {'c'}));
        byte[] e = d(Transcript.forSession(Transcript.Hash.SHA256, "t", S).append("a", new byte[] {'b', 'c'}));
        assertFalse(Arrays.equals(c, e));
        // Lists of different split.
        byte[] f = d(Transcript.forSession(Transcript.Hash.SHA256, "t", S).append("l", List.of(new byte[] {1, 2})));
        byte[] g = d(Transcript.forSession(Transcript.Hash.SHA256, "t", S)
                .append("l", List.of(new byte[] {1}, new byte[] {2})));
        assertFalse(Arrays.equals(f, g));
    }

    @Test
    void line07_frozenHeart_andLine16_sessionId_everyPublicInputChangesTheChallenge() {
        BigInteger base = Transcript.forProof(Transcript.Hash.SHA256, "dom", S, PartyId.of(1))
                .append("X", new byte[] {9}).challenge(Q);
        assertNotEquals(base, Transcript.forProof(Transcript.Hash.SHA256, "dom2", S, PartyId.of(1))
                .append("X", new byte[] {9}).challenge(Q));
        assertNotEquals(base, Transcript.forProof(Transcript.Hash.SHA256, "dom", SessionId.wrap(new byte[17]),
                PartyId.of(1)).append("X", new byte[] {9}).challenge(Q));
        assertNotEquals(base, Transcript.forProof(Transcript.Hash.SHA256, "dom", S, PartyId.of(2))
                .append("X", new byte[] {9}).challenge(Q));
        assertNotEquals(base, Transcript.forProof(Transcript.Hash.SHA256, "dom", S, PartyId.of(1))
                .append("X", new byte[] {8}).challenge(Q));
        assertNotEquals(base, Transcript.forProof(Transcript.Hash.SHA512, "dom", S, PartyId.of(1))
                .append("X", new byte[] {9}).challenge(Q));
        assertNotEquals(base, Transcript.forSession(Transcript.Hash.SHA256, "dom", S)
                .append("X", new byte[] {9}).challenge(Q));
        // Deterministic.
        assertEquals(base, Transcript.forProof(Transcript.Hash.SHA256, "dom", S, PartyId.of(1))
                .append("X", new byte[] {9}).challenge(Q));
    }

    @Test
    void challengeIsReducedAndTranscriptSingleUse() {
        BigInteger small = BigInteger.valueOf(1009);
        Transcript t = Transcript.forSession(Transcript.Hash.SHA512, "d", S).append("n", 5L);
        BigInteger c = t.challenge(small);
        assertTrue(c.signum() >= 0 && c.compareTo(small) < 0);
        assertThrows(IllegalStateException.class, () -> t.append("late", new byte[1]));
        assertThrows(IllegalStateException.class, t::digest);
        assertThrows(IllegalArgumentException.class, () -> Transcript.forSession(Transcript.Hash.SHA256, "", S));
    }

    @Test
    void digestLengths() {
        assertEquals(32, Transcript.forSession(Transcript.Hash.SHA256, "d", S).digest().length);
        assertEquals(64, Transcript.forSession(Transcript.Hash.SHA512, "d", S).digest().length);
    }
}
