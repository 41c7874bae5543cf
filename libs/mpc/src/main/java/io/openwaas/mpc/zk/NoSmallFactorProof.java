package io.openwaas.mpc.zk;

import static io.openwaas.mpc.zk.ZkParameters.ELL;
import static io.openwaas.mpc.zk.ZkParameters.EPSILON;

import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.Transcript;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import io.openwaas.mpc.paillier.PaillierPublicKey;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Π^fac: proof that a Paillier modulus {@code N0 = pq} has no small factor — both {@code p, q} are below
 * {@code 2^{ℓ+ε}·√N0}, so for a 2048-bit {@code N0} neither is smaller than about {@code 2^{256}} (CGGMP21,
 * eprint 2021/060, Figure 28). Together with {@link PaillierBlumModulusProof} this is what defeats BitForge
 * (CVE-2023-33241, threat checklist line 1): a modulus with sixteen 16-bit factors cannot pass.
 *
 * <p>The commitments use the <em>verifier's</em> {@link RingPedersenParams}. Messages: {@code P = s^p t^μ},
 * {@code Q = s^q t^ν}, {@code A = s^α t^x}, {@code B = s^β t^y}, {@code T = Q^α t^r}, {@code σ}; challenge
 * {@code e ∈ [0, q_ec)} from a transcript over (domain, session, prover, {@code N0}, {@code (N̂, s, t)}, all of
 * those); responses {@code z1 = α + e·p}, {@code z2 = β + e·q}, {@code w1 = x + e·μ}, {@code w2 = y + e·ν},
 * {@code v = r + e·(σ − ν·p)}. Verifier: {@code s^{z1} t^{w1} = A·P^e}, {@code s^{z2} t^{w2} = B·Q^e},
 * {@code Q^{z1} t^v = T·R^e} with {@code R = s^{N0} t^σ}, and {@code z1, z2 ∈ ±√N0·2^{ℓ+ε}}.
 *
 * <p>Soundness: special-sound for a single challenge from {@code [0, q_ec)} under the strong-RSA assumption on
 * {@code N̂} (CGGMP21 Appendix C.5), so one execution gives soundness error about {@code 2^-256}; no repetition.
 */
public final class NoSmallFactorProof {

    static final String DOMAIN = "openwaas/zk/no-small-factor/v1";
    static final String NAME = "no-small-factor proof (Π^fac)";
    private static final int MAX_BITS = 2 * PaillierPublicKey.MAX_MODULUS_BITS + ELL + EPSILON + 512;

    private final BigInteger bigP;
    private final BigInteger bigQ;
    private final BigInteger a;
    private final BigInteger b;
    private final BigInteger t;
    private final BigInteger sigma;
    private final BigInteger z1;
    private final BigInteger z2;
    private final BigInteger w1;
    private final BigInteger w2;
    private final BigInteger v;

    NoSmallFactorProof(BigInteger bigP, BigInteger bigQ, BigInteger a, BigInteger b, BigInteger t, BigInteger sigma,
                       BigInteger z1, BigInteger z2, BigInteger w1, BigInteger w2, BigInteger v) {
        this.bigP = bigP;
        this.bigQ = bigQ;
        this.a = a;
        this.b = b;
        this.t = t;
        this.sigma = sigma;
        this.z1 = z1;
        this.z2 = z2;
        this.w1 = w1;
        this.w2 = w2;
        this.v = v;
    }

    /**
     * Proves that the modulus of {@code key} has no small factor, under the verifier's parameters {@code rp}.
     *
     * @param groupOrder the elliptic-curve group order {@code q_ec} (challenge space)
     */
    public static NoSmallFactorProof prove(PaillierPrivateKey key, RingPedersenParams rp, BigInteger groupOrder,
                                           SessionId session, PartyId prover, SecureRandom rnd) {
        return proveFactors(key.publicKey().modulus(), key.p(), key.q(), rp, groupOrder, session, prover, rnd);
    }

    /** The prover on raw factors {@code n0 = p·q} (package-private: negative tests feed it bad factorisations). */
    static NoSmallFactorProof proveFactors(BigInteger n0, BigInteger p, BigInteger q, RingPedersenParams rp,
                                           BigInteger groupOrder, SessionId session, PartyId prover,
                                           SecureRandom rnd) {
        BigInteger nHat = rp.modulus();
        BigInteger sqrtN0 = n0.sqrt();
        BigInteger twoEll = ZkParameters.TWO_ELL;
        BigInteger twoEllEps = ZkParameters.TWO_ELL_EPS;
        BigInteger alpha = ZkMath.randomSigned(twoEllEps.multiply(sqrtN0), rnd);
        BigInteger beta = ZkMath.randomSigned(twoEllEps.multiply(sqrtN0), rnd);
        BigInteger mu = ZkMath.randomSigned(twoEll.multiply(nHat), rnd);
        BigInteger nu = ZkMath.randomSigned(twoEll.multiply(nHat), rnd);
        BigInteger sigma = ZkMath.randomSigned(twoEll.multiply(n0).multiply(nHat), rnd);
        BigInteger r = ZkMath.randomSigned(twoEllEps.multiply(n0).multiply(nHat), rnd);
        BigInteger x = ZkMath.randomSigned(twoEllEps.multiply(nHat), rnd);
        BigInteger y = ZkMath.randomSigned(twoEllEps.multiply(nHat), rnd);
        BigInteger bigP = rp.commit(p, mu);
        BigInteger bigQ = rp.commit(q, nu);
        BigInteger bigA = rp.commit(alpha, x);
        BigInteger bigB = rp.commit(beta, y);
        BigInteger bigT = bigQ.modPow(alpha, nHat).multiply(rp.t().modPow(r, nHat)).mod(nHat);
        BigInteger e = challenge(n0, rp, groupOrder, bigP, bigQ, bigA, bigB, bigT, sigma, session, prover);
        return new NoSmallFactorProof(bigP, bigQ, bigA, bigB, bigT, sigma,
                alpha.add(e.multiply(p)), beta.add(e.multiply(q)), x.add(e.multiply(mu)), y.add(e.multiply(nu)),
                r.add(e.multiply(sigma.subtract(nu.multiply(p)))));
    }

    private static BigInteger challenge(BigInteger n0, RingPedersenParams rp, BigInteger groupOrder, BigInteger bigP,
                                        BigInteger bigQ, BigInteger bigA, BigInteger bigB, BigInteger bigT,
                                        BigInteger sigma, SessionId session, PartyId prover) {
        Transcript tr = Transcript.forProof(Transcript.Hash.SHA512, DOMAIN, session, prover);
        tr.append("N0", n0);
        rp.appendTo(tr, "rp");
        tr.append("P", bigP).append("Q", bigQ).append("A", bigA).append("B", bigB).append("T", bigT)
                .append("sigma", ZkMath.signedBytes(sigma));
        return tr.challenge(groupOrder);
    }

    /**
     * Verifies the proof for modulus {@code n0} under the verifier's own parameters {@code rp}.
     *
     * @throws InvalidProofException naming the failed check
     */
    public void verify(BigInteger n0, RingPedersenParams rp, BigInteger groupOrder, SessionId session,
                       PartyId prover) {
        BigInteger nHat = rp.modulus();
        if (n0.bitLength() < PaillierPublicKey.MIN_MODULUS_BITS) {
            throw new InvalidProofException(NAME, "modulus too short");
        }
        for (BigInteger c : new BigInteger[] {bigP, bigQ, a, b, t}) {
            if (!ZkMath.isUnit(c, nHat)) {
                throw new InvalidProofException(NAME, "commitment not a unit mod N̂");
            }
        }
        BigInteger bound = n0.sqrt().multiply(ZkParameters.TWO_ELL_EPS);
        if (!ZkMath.inSymmetricRange(z1, bound) || !ZkMath.inSymmetricRange(z2, bound)) {
            throw new InvalidProofException(NAME, "z1 or z2 outside ±√N0·2^(ℓ+ε): a factor is too small");
        }
        BigInteger e = challenge(n0, rp, groupOrder, bigP, bigQ, a, b, t, sigma, session, prover);
        if (!rp.commit(z1, w1).equals(a.multiply(bigP.modPow(e, nHat)).mod(nHat))) {
            throw new InvalidProofException(NAME, "first equation fails");
        }
        if (!rp.commit(z2, w2).equals(b.multiply(bigQ.modPow(e, nHat)).mod(nHat))) {
            throw new InvalidProofException(NAME, "second equation fails");
        }
        BigInteger bigR = rp.commit(n0, sigma);
        BigInteger lhs = bigQ.modPow(z1, nHat).multiply(rp.t().modPow(v, nHat)).mod(nHat);
        if (!lhs.equals(t.multiply(bigR.modPow(e, nHat)).mod(nHat))) {
            throw new InvalidProofException(NAME, "third equation fails");
        }
    }

    public void write(WireWriter w) {
        w.writeBigInteger(bigP).writeBigInteger(bigQ).writeBigInteger(a).writeBigInteger(b).writeBigInteger(t);
        for (BigInteger s : new BigInteger[] {sigma, z1, z2, w1, w2, v}) {
            ZkMath.writeSigned(w, s);
        }
    }

    public static NoSmallFactorProof read(WireReader r) {
        int bits = PaillierPublicKey.MAX_MODULUS_BITS;
        BigInteger p = r.readBigInteger(bits);
        BigInteger q = r.readBigInteger(bits);
        BigInteger a = r.readBigInteger(bits);
        BigInteger b = r.readBigInteger(bits);
        BigInteger t = r.readBigInteger(bits);
        BigInteger[] s = new BigInteger[6];
        for (int i = 0; i < 6; i++) {
            s[i] = ZkMath.readSigned(r, MAX_BITS);
        }
        return new NoSmallFactorProof(p, q, a, b, t, s[0], s[1], s[2], s[3], s[4], s[5]);
    }

    /** A copy with {@code z1} replaced (for negative tests). */
    NoSmallFactorProof withZ1(BigInteger newZ1) {
        return new NoSmallFactorProof(bigP, bigQ, a, b, t, sigma, newZ1, z2, w1, w2, v);
    }
}
