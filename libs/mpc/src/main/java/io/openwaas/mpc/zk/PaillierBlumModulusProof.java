package io.openwaas.mpc.zk;

import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.Transcript;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import io.openwaas.mpc.paillier.PaillierPublicKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Π^mod: proof that {@code N} is a Paillier–Blum modulus — {@code N = pq}, {@code p ≡ q ≡ 3 (mod 4)},
 * {@code gcd(N, φ(N)) = 1} (CGGMP21, eprint 2021/060, Figure 16; after Goldberg, Reyzin, Sagga, Baldimtsi,
 * "Efficient noninteractive certification of RSA moduli and beyond", eprint 2018/057, hereafter GRSB19).
 *
 * <p>Prover: a {@code w} with Jacobi symbol {@code (w/N) = −1}; challenges {@code y_i ∈ Z_N} from a transcript over
 * (domain, session, prover, {@code N}, {@code w}); for each {@code i}, signs {@code a_i, b_i} such that
 * {@code y'_i = (−1)^{a_i} w^{b_i} y_i} is a quadratic residue and its fourth root {@code x_i}; and, for the
 * first {@value #NTH_ROOT_ITERATIONS} challenges, the {@code N}-th root {@code z_i = y_i^{N^{-1} mod φ(N)}}.
 *
 * <p>Verifier: {@code N} odd, composite, free of prime factors below {@code α = 2^16} (trial division by the
 * product of those primes); {@code (w/N) = −1}; {@code x_i^4 = (−1)^{a_i} w^{b_i} y_i} for all {@value #ITERATIONS}
 * challenges; {@code z_i^N = y_i} for the first {@value #NTH_ROOT_ITERATIONS}.
 *
 * <p>Soundness. Fourth roots: if {@code N} is not of the form {@code p^a q^b} with {@code p ≡ q ≡ 3 (mod 4)},
 * a random {@code y} has none of the four candidates a fourth root with probability ≥ 1/2 (CGGMP21 Lemma 6.3), so
 * {@value #ITERATIONS} repetitions give {@code 2^-128}. N-th roots: if {@code gcd(N, φ(N)) ≠ 1}, a prime
 * {@code r} divides both; {@code r ≥ α} because of the trial division, so a random {@code y} is an {@code N}-th
 * power with probability ≤ {@code 1/α = 2^-16} (GRSB19 §3.2), and {@value #NTH_ROOT_ITERATIONS} repetitions give
 * {@code 2^-128}. Together (and {@code N} composite): {@code N = pq} with distinct Blum primes. CGGMP21 itself
 * sends an {@code N}-th root for every repetition; shortening that half with the small-prime check is GRSB19's
 * optimisation, also used by cb-mpc's valid-Paillier proof.
 */
public final class PaillierBlumModulusProof {

    /** Fourth-root repetitions (soundness {@code 2^-128}). */
    public static final int ITERATIONS = 128;
    /** N-th-root repetitions (soundness {@code 2^-16·16 = 2^-128} with the {@code α = 2^16} trial division). */
    public static final int NTH_ROOT_ITERATIONS = 8;
    /** Trial-division bound {@code α}. */
    public static final int SMALL_PRIME_BOUND = 1 << 16;

    static final String DOMAIN = "openwaas/zk/paillier-blum-mod/v1";
    static final String NAME = "Paillier-Blum modulus proof (Π^mod)";
    private static final BigInteger SMALL_PRIMES_PRODUCT = smallPrimesProduct(SMALL_PRIME_BOUND);
    private static final BigInteger MINUS_ONE = BigInteger.ONE.negate();

    private final BigInteger w;
    private final List<BigInteger> x;
    private final List<Boolean> a;
    private final List<Boolean> b;
    private final List<BigInteger> z;

    PaillierBlumModulusProof(BigInteger w, List<BigInteger> x, List<Boolean> a, List<Boolean> b, List<BigInteger> z) {
        this.w = w;
        this.x = List.copyOf(x);
        this.a = List.copyOf(a);
        this.b = List.copyOf(b);
        this.z = List.copyOf(z);
    }

    private static BigInteger smallPrimesProduct(int bound) {
        boolean[] composite = new boolean[bound];
        BigInteger product = BigInteger.ONE;
        for (int i = 2; i < bound; i++) {
            if (!composite[i]) {
                product = product.multiply(BigInteger.valueOf(i));
                for (long j = (long) i * i; j < bound; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        return product;
    }

    /** Proves that the modulus of {@code key} is a Paillier–Blum modulus. */
    public static PaillierBlumModulusProof prove(PaillierPrivateKey key, SessionId session, PartyId prover,
                                                 SecureRandom rnd) {
        return proveFactors(key.publicKey().modulus(), key.p(), key.q(), session, prover, rnd);
    }

    /**
     * The prover on raw factors {@code n = p·q} (package-private: negative tests feed it moduli that are not
     * Paillier–Blum; it then does its best and the verifier must refuse the result).
     */
    static PaillierBlumModulusProof proveFactors(BigInteger n, BigInteger p, BigInteger q, SessionId session,
                                                 PartyId prover, SecureRandom rnd) {
        BigInteger w = ZkMath.randomUnit(n, rnd);
        // half of all units have Jacobi symbol −1 for a genuine N; for a square N none do, so give up after 256
        for (int tries = 0; tries < 256 && ZkMath.jacobi(w, n) != -1; tries++) {
            w = ZkMath.randomUnit(n, rnd);
        }
        List<BigInteger> y = challenges(n, w, session, prover);
        BigInteger pm1 = p.subtract(BigInteger.ONE);
        BigInteger qm1 = q.subtract(BigInteger.ONE);
        // fourth root of a residue that is a square of a residue: exponent ((p+1)/4)^2 mod (p-1)
        BigInteger fp = p.add(BigInteger.ONE).shiftRight(2).pow(2).mod(pm1);
        BigInteger fq = q.add(BigInteger.ONE).shiftRight(2).pow(2).mod(qm1);
        BigInteger phi = pm1.multiply(qm1);
        BigInteger nInv = n.gcd(phi).equals(BigInteger.ONE) ? n.modInverse(phi) : null;
        BigInteger qInvP = q.gcd(p).equals(BigInteger.ONE) ? q.modInverse(p) : BigInteger.ZERO;
        List<BigInteger> xs = new ArrayList<>();
        List<Boolean> as = new ArrayList<>();
        List<Boolean> bs = new ArrayList<>();
        List<BigInteger> zs = new ArrayList<>();
        // Legendre symbols are multiplicative: (−1/p) = −1 for p ≡ 3 (mod 4), (w/p) once, (y_i/p) once per i,
        // then the signs (a_i, b_i) follow without testing each candidate
        int wp = ZkMath.jacobi(w, p);
        int wq = ZkMath.jacobi(w, q);
        int mp = ZkMath.jacobi(BigInteger.ONE.negate(), p);
        int mq = ZkMath.jacobi(BigInteger.ONE.negate(), q);
        for (int i = 0; i < ITERATIONS; i++) {
            BigInteger yi = y.get(i);
            int yp = ZkMath.jacobi(yi, p);
            int yq = ZkMath.jacobi(yi, q);
            boolean found = false;
            for (int ai = 0; ai < 2 && !found; ai++) {
                for (int bi = 0; bi < 2 && !found; bi++) {
                    int lp = yp * (ai == 1 ? mp : 1) * (bi == 1 ? wp : 1);
                    int lq = yq * (ai == 1 ? mq : 1) * (bi == 1 ? wq : 1);
                    if (lp == 1 && lq == 1) {
                        BigInteger cand = yi;
                        if (ai == 1) {
                            cand = cand.negate();
                        }
                        if (bi == 1) {
                            cand = cand.multiply(w);
                        }
                        cand = cand.mod(n);
                        xs.add(crt(cand.mod(p).modPow(fp, p), cand.mod(q).modPow(fq, q), p, q, qInvP));
                        as.add(ai == 1);
                        bs.add(bi == 1);
                        found = true;
                    }
                }
            }
            if (!found) {
                xs.add(BigInteger.ONE);
                as.add(false);
                bs.add(false);
            }
            if (i < NTH_ROOT_ITERATIONS) {
                zs.add(nInv == null ? BigInteger.ONE
                        : crt(yi.mod(p).modPow(nInv.mod(pm1), p), yi.mod(q).modPow(nInv.mod(qm1), q), p, q, qInvP));
            }
        }
        return new PaillierBlumModulusProof(w, xs, as, bs, zs);
    }

    private static BigInteger crt(BigInteger xp, BigInteger xq, BigInteger p, BigInteger q, BigInteger qInvP) {
        return xq.add(xp.subtract(xq).multiply(qInvP).mod(p).multiply(q));
    }

    private static List<BigInteger> challenges(BigInteger n, BigInteger w, SessionId session, PartyId prover) {
        Transcript tr = Transcript.forProof(Transcript.Hash.SHA512, DOMAIN, session, prover);
        tr.append("N", n).append("w", w).append("iterations", (long) ITERATIONS)
                .append("nth-root-iterations", (long) NTH_ROOT_ITERATIONS);
        byte[] d = tr.digest();
        List<BigInteger> y = new ArrayList<>(ITERATIONS);
        for (int i = 0; i < ITERATIONS; i++) {
            y.add(ZkMath.expand(d, "mod.y", i, n));
        }
        return y;
    }

    /**
     * Verifies the proof for the modulus {@code n}.
     *
     * @throws InvalidProofException naming the failed check
     */
    public void verify(BigInteger n, SessionId session, PartyId prover) {
        if (n.bitLength() < PaillierPublicKey.MIN_MODULUS_BITS || n.bitLength() > PaillierPublicKey.MAX_MODULUS_BITS) {
            throw new InvalidProofException(NAME, "modulus length " + n.bitLength());
        }
        if (!n.testBit(0)) {
            throw new InvalidProofException(NAME, "modulus is even");
        }
        if (!n.gcd(SMALL_PRIMES_PRODUCT).equals(BigInteger.ONE)) {
            throw new InvalidProofException(NAME, "modulus has a prime factor below " + SMALL_PRIME_BOUND);
        }
        if (n.isProbablePrime(64)) {
            throw new InvalidProofException(NAME, "modulus is prime");
        }
        if (x.size() != ITERATIONS || a.size() != ITERATIONS || b.size() != ITERATIONS
                || z.size() != NTH_ROOT_ITERATIONS) {
            throw new InvalidProofException(NAME, "wrong number of repetitions");
        }
        if (!ZkMath.isUnit(w, n) || ZkMath.jacobi(w, n) != -1) {
            throw new InvalidProofException(NAME, "w does not have Jacobi symbol −1");
        }
        List<BigInteger> y = challenges(n, w, session, prover);
        for (int i = 0; i < ITERATIONS; i++) {
            BigInteger xi = x.get(i);
            if (xi.signum() <= 0 || xi.compareTo(n) >= 0) {
                throw new InvalidProofException(NAME, "fourth root out of range at repetition " + i);
            }
            BigInteger expected = y.get(i);
            if (a.get(i)) {
                expected = expected.multiply(MINUS_ONE);
            }
            if (b.get(i)) {
                expected = expected.multiply(w);
            }
            if (!xi.modPow(BigInteger.valueOf(4), n).equals(expected.mod(n))) {
                throw new InvalidProofException(NAME, "fourth root fails at repetition " + i);
            }
        }
        for (int i = 0; i < NTH_ROOT_ITERATIONS; i++) {
            BigInteger zi = z.get(i);
            if (zi.signum() <= 0 || zi.compareTo(n) >= 0 || !zi.modPow(n, n).equals(y.get(i))) {
                throw new InvalidProofException(NAME, "N-th root fails at repetition " + i);
            }
        }
    }

    public void write(WireWriter w0) {
        w0.writeBigInteger(w);
        w0.writeCount(x.size());
        for (int i = 0; i < x.size(); i++) {
            w0.writeBigInteger(x.get(i)).writeBoolean(a.get(i)).writeBoolean(b.get(i));
        }
        w0.writeCount(z.size());
        for (BigInteger v : z) {
            w0.writeBigInteger(v);
        }
    }

    public static PaillierBlumModulusProof read(WireReader r) {
        int bits = PaillierPublicKey.MAX_MODULUS_BITS;
        BigInteger w = r.readBigInteger(bits);
        int nx = r.readCount(2 * ITERATIONS);
        List<BigInteger> x = new ArrayList<>();
        List<Boolean> a = new ArrayList<>();
        List<Boolean> b = new ArrayList<>();
        for (int i = 0; i < nx; i++) {
            x.add(r.readBigInteger(bits));
            a.add(r.readBoolean());
            b.add(r.readBoolean());
        }
        int nz = r.readCount(2 * ITERATIONS);
        List<BigInteger> z = new ArrayList<>();
        for (int i = 0; i < nz; i++) {
            z.add(r.readBigInteger(bits));
        }
        return new PaillierBlumModulusProof(w, x, a, b, z);
    }

    /** A copy with the repetition lists truncated to {@code count} (for negative tests of line 4). */
    PaillierBlumModulusProof truncated(int count) {
        return new PaillierBlumModulusProof(w, x.subList(0, count), a.subList(0, count), b.subList(0, count),
                z.subList(0, Math.min(count, z.size())));
    }
}
