package io.openwaas.mpc.zk;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.Transcript;
import io.openwaas.mpc.common.WireFormatException;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Π^sch: Schnorr proof of knowledge of {@code x} with {@code X = x·B} (CGGMP21 Figure 22; the "zero-knowledge
 * proof of knowledge of the discrete log" Lindell 2017 §3 uses for {@code Q1, Q2, R1, R2}). Fiat–Shamir over
 * (domain, session, prover, a caller label, {@code B}, {@code X}, {@code A}); special soundness with a challenge in
 * {@code [0, q)} gives soundness error {@code 1/q}.
 */
public final class DlogProof {

    static final String DOMAIN = "openwaas/zk/schnorr-dlog/v1";
    static final String NAME = "discrete-log proof (Π^sch)";

    private final EcPoint commitment;
    private final BigInteger response;

    DlogProof(EcPoint commitment, BigInteger response) {
        this.commitment = commitment;
        this.response = response;
    }

    /**
     * Proves knowledge of {@code x} for {@code X = x·base}.
     *
     * @param label what {@code X} is (e.g. {@code "ecdsa2p.keygen.Q1"}), bound into the transcript
     */
    public static DlogProof prove(EcGroup group, EcPoint base, EcPoint x, BigInteger secret, String label,
                                  SessionId session, PartyId prover, SecureRandom rnd) {
        BigInteger k = group.randomScalar(rnd);
        EcPoint a = Points.mul(group, base, k);
        BigInteger e = challenge(group, base, x, a, label, session, prover);
        return new DlogProof(a, k.add(e.multiply(secret)).mod(group.order()));
    }

    private static BigInteger challenge(EcGroup group, EcPoint base, EcPoint x, EcPoint a, String label,
                                        SessionId session, PartyId prover) {
        Transcript tr = Transcript.forProof(Transcript.Hash.SHA256, DOMAIN, session, prover);
        tr.append("group", group.name().getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .append("label", label.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .append("B", base.encode()).append("X", x.encode()).append("A", a.encode());
        return tr.challenge(group.order());
    }

    /**
     * Verifies the proof.
     *
     * @throws InvalidProofException naming the failed check
     */
    public void verify(EcGroup group, EcPoint base, EcPoint x, String label, SessionId session, PartyId prover) {
        if (x.isIdentity()) {
            throw new InvalidProofException(NAME, "statement is the identity");
        }
        BigInteger e = challenge(group, base, x, commitment, label, session, prover);
        if (!base.multiply(response).equals(commitment.add(x.multiply(e)))) {
            throw new InvalidProofException(NAME, "equation fails");
        }
    }

    public void write(WireWriter w, EcGroup group) {
        w.writeFixed(commitment.encode()).writeFixed(group.scalarToBytes(response));
    }

    public static DlogProof read(WireReader r, EcGroup group) {
        EcPoint a = Points.read(r, group);
        try {
            return new DlogProof(a, group.scalarFromBytes(r.readFixed(group.scalarLength())));
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("non-canonical scalar");
        }
    }
}
