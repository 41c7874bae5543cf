package io.openwaas.mpc.zk;

import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.Transcript;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.paillier.PaillierPublicKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Π^prm: proof that ring-Pedersen parameters satisfy {@code s ∈ ⟨t⟩}, i.e. knowledge of {@code λ} with
 * {@code s = t^λ mod N̂} (CGGMP21, eprint 2021/060, Figure 17; the "DLN proof" of GG18 and tss-lib).
 *
 * <p>For {@code i < m}: the prover samples {@code a_i ← Z_φ(N̂)} and sends {@code A_i = t^{a_i}}; challenge bits
 * {@code e_i} come from a transcript over (domain, session, prover, {@code N̂, s, t}, all {@code A_i}); the prover
 * answers {@code z_i = a_i + e_i·λ mod φ(N̂)}; the verifier checks {@code t^{z_i} = A_i·s^{e_i} mod N̂}.
 *
 * <p>Challenges are single bits, so each repetition has soundness error 1/2; {@value #ITERATIONS} repetitions
 * give {@code 2^-128} (threat checklist line 4, TSSHOCK c-guess: "≥ 128 iterations"; tss-lib uses 128 in
 * {@code crypto/dlnproof}). A proof with any other number of repetitions is rejected.
 */
public final class RingPedersenProof {

    /** Number of repetitions (soundness {@code 2^-128}). */
    public static final int ITERATIONS = 128;
    static final String DOMAIN = "openwaas/zk/ring-pedersen-prm/v1";
    static final String NAME = "ring-Pedersen proof (Π^prm)";

    private final List<BigInteger> a;
    private final List<BigInteger> z;

    RingPedersenProof(List<BigInteger> a, List<BigInteger> z) {
        this.a = List.copyOf(a);
        this.z = List.copyOf(z);
    }

    /** Proves the parameters of {@code secret} on behalf of {@code prover} in {@code session}. */
    public static RingPedersenProof prove(RingPedersenSecret secret, SessionId session, PartyId prover,
                                          SecureRandom rnd) {
        RingPedersenParams p = secret.params();
        BigInteger phi = secret.key().phi();
        List<BigInteger> alphas = new ArrayList<>(ITERATIONS);
        List<BigInteger> commitments = new ArrayList<>(ITERATIONS);
        for (int i = 0; i < ITERATIONS; i++) {
            BigInteger ai = ZkMath.randomBelow(phi, rnd);
            alphas.add(ai);
            commitments.add(secret.powFast(p.t(), ai));
        }
        boolean[] e = challenge(p, commitments, session, prover);
        BigInteger lambda = secret.lambda();
        List<BigInteger> responses = new ArrayList<>(ITERATIONS);
        for (int i = 0; i < ITERATIONS; i++) {
            responses.add(e[i] ? alphas.get(i).add(lambda).mod(phi) : alphas.get(i));
        }
        return new RingPedersenProof(commitments, responses);
    }

    private static boolean[] challenge(RingPedersenParams p, List<BigInteger> commitments, SessionId session,
                                       PartyId prover) {
        Transcript tr = Transcript.forProof(Transcript.Hash.SHA512, DOMAIN, session, prover);
        p.appendTo(tr, "rp");
        tr.append("iterations", (long) commitments.size());
        for (BigInteger ai : commitments) {
            tr.append("A", ai);
        }
        return ZkMath.expandBits(tr.digest(), "prm.e", commitments.size());
    }

    /**
     * Verifies the proof for {@code params} (whose form is checked first).
     *
     * @throws InvalidProofException naming the failed check
     */
    public void verify(RingPedersenParams params, SessionId session, PartyId prover) {
        params.validate();
        if (a.size() != ITERATIONS || z.size() != ITERATIONS) {
            throw new InvalidProofException(NAME, "expected " + ITERATIONS + " repetitions, got " + a.size()
                    + "/" + z.size());
        }
        BigInteger n = params.modulus();
        for (int i = 0; i < ITERATIONS; i++) {
            if (!ZkMath.isUnit(a.get(i), n) || z.get(i).signum() < 0 || z.get(i).compareTo(n) >= 0) {
                throw new InvalidProofException(NAME, "value out of range at repetition " + i);
            }
        }
        boolean[] e = challenge(params, a, session, prover);
        for (int i = 0; i < ITERATIONS; i++) {
            BigInteger lhs = params.t().modPow(z.get(i), n);
            BigInteger rhs = e[i] ? a.get(i).multiply(params.s()).mod(n) : a.get(i);
            if (!lhs.equals(rhs)) {
                throw new InvalidProofException(NAME, "equation fails at repetition " + i);
            }
        }
    }

    public List<BigInteger> commitments() {
        return a;
    }

    public List<BigInteger> responses() {
        return z;
    }

    public void write(WireWriter w) {
        w.writeCount(a.size());
        for (BigInteger v : a) {
            w.writeBigInteger(v);
        }
        w.writeCount(z.size());
        for (BigInteger v : z) {
            w.writeBigInteger(v);
        }
    }

    /** Reads a proof; lengths up to {@code 2·ITERATIONS} are decoded so that a wrong count is a proof failure. */
    public static RingPedersenProof read(WireReader r) {
        int bits = PaillierPublicKey.MAX_MODULUS_BITS;
        List<BigInteger> a = new ArrayList<>();
        int na = r.readCount(2 * ITERATIONS);
        for (int i = 0; i < na; i++) {
            a.add(r.readBigInteger(bits));
        }
        List<BigInteger> z = new ArrayList<>();
        int nz = r.readCount(2 * ITERATIONS);
        for (int i = 0; i < nz; i++) {
            z.add(r.readBigInteger(bits));
        }
        return new RingPedersenProof(a, z);
    }
}
