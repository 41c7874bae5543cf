package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.SessionId;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What both parties of one signing session must agree on, given to each by the coordinator (tss-service): the
 * session id (unique per signature), the 32-byte message hash, the public HD tweak {@code t} (0 for the root key;
 * for a non-hardened BIP-32 path, the accumulated tweak of {@code ExtendedPublicKey.deriveWithTweak}) and the
 * mode. All of it is bound into the commitments and proofs of the session.
 *
 * <p>HD signing (issue 4 item 4): the child key is {@code x + t}; P2 adds {@code t} to its additive share
 * ({@code a = k2^{-1}(m + r·(x2 + t))}), P1 verifies under {@code Q + t·G}. No presignatures exist, so the
 * related-key concern of threat checklist line 18 does not arise.
 */
public record SignContext(SessionId session, byte[] messageHash, BigInteger tweak, Mode mode) {

    /** Signing modes (cf. cb-mpc ECDSA-2PC "global abort" and default modes). */
    public enum Mode {
        /**
         * P2's last message is not proven; a failed final verification is a terminal abort that freezes P1's key
         * share (CVE-2023-33242 mitigation 1).
         */
        GLOBAL_ABORT,
        /** P2 proves its last message well formed with Π^aff-R before P1 decrypts (mitigation 2). */
        PROVED
    }

    public SignContext {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(messageHash, "messageHash");
        Objects.requireNonNull(tweak, "tweak");
        Objects.requireNonNull(mode, "mode");
        if (messageHash.length != 32) {
            throw new IllegalArgumentException("message hash must be 32 bytes");
        }
        if (tweak.signum() < 0 || tweak.compareTo(Ecdsa2p.GROUP.order()) >= 0) {
            throw new IllegalArgumentException("tweak must be in [0, q)");
        }
        messageHash = messageHash.clone();
    }

    /** A context for the root key. */
    public static SignContext of(SessionId session, byte[] messageHash, Mode mode) {
        return new SignContext(session, messageHash, BigInteger.ZERO, mode);
    }

    @Override
    public byte[] messageHash() {
        return messageHash.clone();
    }

    /** {@code m}: the hash as an integer mod q (SEC1 §4.1.3 step 5 for a 256-bit hash). */
    BigInteger m() {
        return new BigInteger(1, messageHash).mod(Ecdsa2p.GROUP.order());
    }

    /** The public key signed under: {@code Q + t·G}. */
    EcPoint childKey(EcPoint q) {
        return tweak.signum() == 0 ? q : q.add(Ecdsa2p.GROUP.generator().multiply(tweak));
    }

    /** A label binding message hash, tweak and mode into the session's proofs and commitments. */
    String label(String what) {
        return "ecdsa2p.sign." + what + "|" + HexFormat.of().formatHex(messageHash) + "|" + tweak.toString(16) + "|"
                + mode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignContext c && c.session.equals(session) && Arrays.equals(c.messageHash, messageHash)
                && c.tweak.equals(tweak) && c.mode == mode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(session, Arrays.hashCode(messageHash), tweak, mode);
    }

    @Override
    public String toString() {
        return "SignContext[" + session + ", mode " + mode + "]";
    }
}
