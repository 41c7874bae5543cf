package io.openwaas.mpc.zk;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.Transcript;
import io.openwaas.mpc.common.WireFormatException;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.paillier.PaillierPublicKey;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Π^log*: the PDL proof with a range — the Paillier ciphertext {@code C = (1+N0)^x ρ^{N0} mod N0²} encrypts the
 * discrete logarithm of {@code X = x·g}, and {@code x ∈ ±2^{ℓ+ε}} (CGGMP21, eprint 2021/060, Figure 25, "Knowledge
 * of Exponent vs Paillier Encryption"). In two-party ECDSA it replaces Lindell 2017's interactive PDL proof and
 * separate range proof (Lindell 2017 §6): P1 proves {@code c_key = Enc(x1)} with {@code Q1 = x1·G}.
 *
 * <p>Slack. The honest range is {@code [0, q) ⊂ ±2^ℓ}; a verified proof only guarantees {@code x ∈ ±2^{ℓ+ε}}
 * ({@code ℓ = 256, ε = 512}, {@link ZkParameters}). Whoever uses {@code C} afterwards must size its masks for
 * the proven range, not the honest one: {@code io.openwaas.mpc.ecdsa2p} masks P2's last message with
 * {@code ρ·q}, {@code ρ < 2^{ℓ+ε+κ}}, so that {@code b·x} with {@code |x| ≤ 2^{ℓ+ε}} is statistically hidden.
 *
 * <p>Prover: {@code α ← ±2^{ℓ+ε}}, {@code μ ← ±2^ℓ·N̂}, {@code r ← Z*_{N0}}, {@code γ ← ±2^{ℓ+ε}·N̂};
 * {@code S = s^x t^μ}, {@code A = (1+N0)^α r^{N0}}, {@code Y = α·g}, {@code D = s^α t^γ}; challenge
 * {@code e ∈ [0, q)} over (domain, session, prover, {@code N0, (N̂,s,t), C, X, g}, {@code S, A, Y, D});
 * {@code z1 = α + e·x}, {@code z2 = r·ρ^e mod N0}, {@code z3 = γ + e·μ}. Verifier:
 * {@code (1+N0)^{z1} z2^{N0} = A·C^e mod N0²}, {@code z1·g = Y + e·X}, {@code s^{z1} t^{z3} = D·S^e mod N̂},
 * {@code |z1| ≤ 2^{ℓ+ε}}. One execution; soundness error about {@code 1/q} under strong RSA on {@code N̂}.
 */
public final class EncryptedDlogProof {

    static final String DOMAIN = "openwaas/zk/paillier-enc-dlog-logstar/v1";
    static final String NAME = "encrypted-dlog range proof (Π^log*)";
    private static final int MAX_BITS = 2 * PaillierPublicKey.MAX_MODULUS_BITS + ZkParameters.ELL
            + ZkParameters.EPSILON + 512;

    private final BigInteger bigS;
    private final BigInteger bigA;
    private final EcPoint bigY;
    private final BigInteger bigD;
    private final BigInteger z1;
    private final BigInteger z2;
    private final BigInteger z3;

    EncryptedDlogProof(BigInteger bigS, BigInteger bigA, EcPoint bigY, BigInteger bigD, BigInteger z1,
                       BigInteger z2, BigInteger z3) {
        this.bigS = bigS;
        this.bigA = bigA;
        this.bigY = bigY;
        this.bigD = bigD;
        this.z1 = z1;
        this.z2 = z2;
        this.z3 = z3;
    }

    /**
     * Proves that {@code c = Enc_pk(x; rho)} and {@code X = x·g}.
     *
     * @param rp the verifier's ring-Pedersen parameters
     */
    public static EncryptedDlogProof prove(PaillierPublicKey pk, BigInteger c, EcGroup group, EcPoint g, EcPoint bigX,
                                           BigInteger x, BigInteger rho, RingPedersenParams rp, SessionId session,
                                           PartyId prover, SecureRandom rnd) {
        BigInteger n0 = pk.modulus();
        BigInteger n0sq = pk.modulusSquared();
        BigInteger nHat = rp.modulus();
        BigInteger alpha = ZkMath.randomSigned(ZkParameters.TWO_ELL_EPS, rnd);
        BigInteger mu = ZkMath.randomSigned(ZkParameters.TWO_ELL.multiply(nHat), rnd);
        BigInteger r = pk.randomUnit(rnd);
        BigInteger gamma = ZkMath.randomSigned(ZkParameters.TWO_ELL_EPS.multiply(nHat), rnd);
        BigInteger bigS = rp.commit(x, mu);
        BigInteger bigA = pk.plaintextPart(alpha).multiply(r.modPow(n0, n0sq)).mod(n0sq);
        EcPoint bigY = Points.mul(group, g, alpha);
        BigInteger bigD = rp.commit(alpha, gamma);
        BigInteger e = challenge(pk, c, group, g, bigX, rp, bigS, bigA, bigY, bigD, session, prover);
        return new EncryptedDlogProof(bigS, bigA, bigY, bigD, alpha.add(e.multiply(x)),
                r.multiply(rho.modPow(e, n0)).mod(n0), gamma.add(e.multiply(mu)));
    }

    private static BigInteger challenge(PaillierPublicKey pk, BigInteger c, EcGroup group, EcPoint g, EcPoint bigX,
                                        RingPedersenParams rp, BigInteger bigS, BigInteger bigA, EcPoint bigY,
                                        BigInteger bigD, SessionId session, PartyId prover) {
        Transcript tr = Transcript.forProof(Transcript.Hash.SHA512, DOMAIN, session, prover);
        tr.append("N0", pk.modulus()).append("C", c)
                .append("group", group.name().getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .append("g", g.encode()).append("X", bigX.encode());
        rp.appendTo(tr, "rp");
        tr.append("S", bigS).append("A", bigA).append("Y", bigY.encode()).append("D", bigD);
        return tr.challenge(group.order());
    }

    /**
     * Verifies the proof.
     *
     * @param rp the verifier's own ring-Pedersen parameters
     * @throws InvalidProofException naming the failed check
     */
    public void verify(PaillierPublicKey pk, BigInteger c, EcGroup group, EcPoint g, EcPoint bigX,
                       RingPedersenParams rp, SessionId session, PartyId prover) {
        BigInteger n0 = pk.modulus();
        BigInteger n0sq = pk.modulusSquared();
        BigInteger nHat = rp.modulus();
        if (!pk.isValidCiphertext(c) || !pk.isValidCiphertext(bigA)) {
            throw new InvalidProofException(NAME, "ciphertext not in Z*_{N0²}");
        }
        if (!ZkMath.isUnit(z2, n0)) {
            throw new InvalidProofException(NAME, "z2 not a unit mod N0");
        }
        if (!ZkMath.isUnit(bigS, nHat) || !ZkMath.isUnit(bigD, nHat)) {
            throw new InvalidProofException(NAME, "commitment not a unit mod N̂");
        }
        if (!ZkMath.inSymmetricRange(z1, ZkParameters.TWO_ELL_EPS)) {
            throw new InvalidProofException(NAME, "z1 outside ±2^(ℓ+ε): plaintext out of range");
        }
        BigInteger e = challenge(pk, c, group, g, bigX, rp, bigS, bigA, bigY, bigD, session, prover);
        BigInteger lhs = pk.plaintextPart(z1).multiply(z2.modPow(n0, n0sq)).mod(n0sq);
        if (!lhs.equals(bigA.multiply(c.modPow(e, n0sq)).mod(n0sq))) {
            throw new InvalidProofException(NAME, "Paillier equation fails");
        }
        if (!g.multiply(z1).equals(bigY.add(bigX.multiply(e)))) {
            throw new InvalidProofException(NAME, "group equation fails");
        }
        if (!rp.commit(z1, z3).equals(bigD.multiply(bigS.modPow(e, nHat)).mod(nHat))) {
            throw new InvalidProofException(NAME, "ring-Pedersen equation fails");
        }
    }

    public void write(WireWriter w) {
        w.writeBigInteger(bigS).writeBigInteger(bigA).writeFixed(bigY.encode()).writeBigInteger(bigD);
        ZkMath.writeSigned(w, z1);
        w.writeBigInteger(z2);
        ZkMath.writeSigned(w, z3);
    }

    public static EncryptedDlogProof read(WireReader r, EcGroup group) {
        int bits = 2 * PaillierPublicKey.MAX_MODULUS_BITS;
        BigInteger s = r.readBigInteger(bits);
        BigInteger a = r.readBigInteger(bits);
        EcPoint y = Points.read(r, group);
        BigInteger d = r.readBigInteger(bits);
        BigInteger z1 = ZkMath.readSigned(r, MAX_BITS);
        BigInteger z2 = r.readBigInteger(bits);
        BigInteger z3 = ZkMath.readSigned(r, MAX_BITS);
        if (s.signum() == 0 && a.signum() == 0) {
            throw new WireFormatException("empty proof");
        }
        return new EncryptedDlogProof(s, a, y, d, z1, z2, z3);
    }
}
