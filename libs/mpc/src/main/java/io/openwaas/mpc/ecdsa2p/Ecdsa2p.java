package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.Transcript;
import io.openwaas.mpc.common.WireFormatException;
import io.openwaas.mpc.zk.InvalidProofException;
import io.openwaas.mpc.zk.ZkParameters;
import java.util.function.Supplier;

/** Constants and small helpers shared by the two-party ECDSA rounds. */
public final class Ecdsa2p {

    /** The curve: secp256k1. */
    public static final Secp256k1 GROUP = Secp256k1.GROUP;

    /** Protocol name of the 2-of-2 key generation (message headers, aborts). */
    public static final String KEYGEN = "ecdsa2p-keygen";
    /** Protocol name of the pairwise Paillier setup (2-of-3 keygen, refresh). */
    public static final String SETUP = "ecdsa2p-setup";
    /** Protocol name of the auxiliary (ring-Pedersen) setup, {@link AuxSetup}. */
    public static final String AUX = "ecdsa2p-aux";
    /** Protocol name of signing. */
    public static final String SIGN = "ecdsa2p-sign";

    /** Statistical hiding parameter {@code κ} of P2's mask {@code ρ·q}. */
    public static final int KAPPA = 128;
    /**
     * Bits of the mask {@code ρ}: {@code ℓ + ε + κ}. P1's {@code x1} is only proven to lie in {@code ±2^{ℓ+ε}}
     * (Π^log* slack), so {@code b·x1 < 2^{2ℓ+ε}} and the mask {@code ρ·q < 2^{2ℓ+ε+κ}} hides it up to
     * {@code 2^-κ}. (Lindell17 masks with {@code ρ ∈ Z_{q²}}, which assumes an exact range proof.)
     */
    public static final int RHO_BITS = ZkParameters.ELL + ZkParameters.EPSILON + KAPPA;
    /** Honest bit length of P2's addend {@code y = a + ρ·q}: {@code ℓ + RHO_BITS + 1}. */
    public static final int Y_BITS = ZkParameters.ELL + RHO_BITS + 1;

    static final int NONCE_LENGTH = 32;
    static final int COMMITMENT_LENGTH = 32;

    private Ecdsa2p() {
    }

    static MpcAbortException abort(String protocol, int round, AbortReason reason, PartyId culprit, String detail) {
        return MpcAbortException.blame(protocol, round, reason, culprit, detail);
    }

    /**
     * Checks that {@code mine} is {@code self}'s own aux setup and {@code peerAux} the verified one of {@code peer}
     * (caller errors: {@link IllegalArgumentException}), and that the peer's modulus is none of {@code self}'s
     * ({@code ownModuli}: its aux modulus and, for P1, its Paillier modulus) — else an abort naming the peer.
     */
    static void checkAux(String protocol, int round, PartyId self, PartyId peer, AuxSetupSecret mine,
                         VerifiedAuxSetup peerAux, java.math.BigInteger... ownModuli) {
        java.util.Objects.requireNonNull(mine, "own aux setup");
        java.util.Objects.requireNonNull(peerAux, "peer's verified aux setup");
        if (!mine.owner().equals(self)) {
            throw new IllegalArgumentException("own aux setup belongs to " + mine.owner() + ", not " + self);
        }
        if (mine.isDestroyed()) {
            throw new IllegalArgumentException("own aux setup destroyed");
        }
        if (!peerAux.owner().equals(peer)) {
            throw new IllegalArgumentException("verified aux setup belongs to " + peerAux.owner() + ", not " + peer);
        }
        java.math.BigInteger peerModulus = peerAux.params().modulus();
        if (peerModulus.equals(mine.modulus())) {
            throw abort(protocol, round, AbortReason.PROTOCOL_VIOLATION, peer, "peer's aux modulus is ours");
        }
        for (java.math.BigInteger m : ownModuli) {
            if (peerModulus.equals(m)) {
                throw abort(protocol, round, AbortReason.PROTOCOL_VIOLATION, peer, "peer reused our modulus");
            }
        }
    }

    /** Runs a proof verification, turning its failure into an abort naming {@code culprit}. */
    static void checkProof(String protocol, int round, PartyId culprit, Runnable verification) {
        try {
            verification.run();
        } catch (InvalidProofException e) {
            throw abort(protocol, round, AbortReason.INVALID_PROOF, culprit, e.getMessage());
        }
    }

    /** Decodes with {@code parser}, turning a {@link WireFormatException} into an abort naming {@code from}. */
    static <T> T parse(String protocol, int round, PartyId from, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (WireFormatException | IllegalArgumentException e) {
            throw abort(protocol, round, AbortReason.MALFORMED_MESSAGE, from, e.getMessage());
        }
    }

    /** The hash commitment {@code H(domain, session, committer, label, point encoding, proof encoding, nonce)}. */
    static byte[] commitment(String label, SessionId session, PartyId committer, EcPoint point, byte[] proof,
                             byte[] nonce) {
        return Transcript.forProof(Transcript.Hash.SHA256, "openwaas/ecdsa2p/commit/v1", session, committer)
                .append("label", label.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .append("point", point.encode()).append("proof", proof).append("nonce", nonce).digest();
    }
}
