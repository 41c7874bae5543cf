package io.openwaas.mpc.dkg;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.Groups;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.Transcript;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Non-interactive Schnorr proof of knowledge of {@code x} with {@code X = x·G} (FROST paper, Komlo–Goldberg 2020,
 * Figure 1, round 1 step 2; Fiat–Shamir per threat checklist line 7).
 *
 * <p>Prove: {@code k ← random}, {@code R = k·G}, {@code c = H(transcript)}, {@code μ = k + c·x}. Verify:
 * {@code μ·G == R + c·X}. The challenge transcript (domain {@code openwaas/dkg/pok/v1} unless given) contains the
 * session id, the prover id, the group name, the threshold, the whole party list, the whole commitment vector the
 * proof is attached to (so the proof cannot be moved to another vector), {@code X} and {@code R}.
 */
public record SchnorrProof(EcPoint r, BigInteger mu) {

    public SchnorrProof {
        Objects.requireNonNull(r, "r");
        Objects.requireNonNull(mu, "mu");
    }

    /** The public statement and context of a proof. */
    public record Statement(String domain, EcGroup group, SessionId session, PartyId prover, int threshold,
                            List<PartyId> parties, List<EcPoint> commitments, EcPoint x) {

        BigInteger challenge(EcPoint r) {
            List<byte[]> ids = new ArrayList<>();
            for (PartyId p : parties) {
                ids.add(p.value().toByteArray());
            }
            List<byte[]> cs = new ArrayList<>();
            for (EcPoint c : commitments) {
                cs.add(c.encode());
            }
            return Transcript.forProof(Groups.transcriptHash(group), domain, session, prover)
                    .append("group", group.name().getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .append("threshold", (long) threshold)
                    .append("parties", ids)
                    .append("commitments", cs)
                    .append("X", x.encode())
                    .append("R", r.encode())
                    .challenge(group.order());
        }
    }

    /** Proves knowledge of {@code x} for {@code statement.x() = x·G}. */
    public static SchnorrProof prove(Statement statement, SecretScalar x, SecureRandom rnd) {
        EcGroup g = statement.group();
        BigInteger q = g.order();
        try (SecretScalar k = SecretScalar.random(q, rnd)) {
            EcPoint r = g.mulBase(k.value());
            BigInteger c = statement.challenge(r);
            BigInteger mu = k.value().add(c.multiply(x.value())).mod(q);
            return new SchnorrProof(r, mu);
        }
    }

    /** Whether the proof verifies for {@code statement} ({@code μ} must already be range-checked). */
    public boolean verify(Statement statement) {
        EcGroup g = statement.group();
        if (mu.signum() < 0 || mu.compareTo(g.order()) >= 0) {
            return false;
        }
        BigInteger c = statement.challenge(r);
        EcPoint lhs = g.generator().multiply(mu); // μ is public: variable-time table
        EcPoint rhs = r.add(statement.x().multiply(c));
        return lhs.equals(rhs);
    }
}
